/** What one round of checks did. */
export interface NotifierRound {
  servicesChecked: number;
  allocationsChecked: number;
  sent: number;
}

/** Checks every service's health and every allocation's runway, and tells the owners of what changed. */
export interface Notifier {
  check(): Promise<NotifierRound>;
}
