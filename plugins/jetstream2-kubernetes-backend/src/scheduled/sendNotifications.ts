import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Notifier } from '../services/Notifications/types';
import type { GlobalTask } from './types';

/** The id of the task that tells owners about failing services and short runways. */
export const SEND_NOTIFICATIONS = 'send-notifications';

/**
 * Checks every service's health and every allocation's runway and sends what changed. One replica at a
 * time; what was sent is stored, so whichever replica takes the next run sends nothing twice.
 */
export function sendNotifications(options: {
  notifier: Notifier;
  logger: LoggerService;
  intervalMs: number;
}): GlobalTask {
  const { notifier, logger, intervalMs } = options;
  return {
    id: SEND_NOTIFICATIONS,
    schedule: {
      frequency: { milliseconds: intervalMs },
      timeout: { milliseconds: Math.max(2 * intervalMs, 30_000) },
    },
    async run() {
      const round = await notifier.check();
      logger.debug(
        `${SEND_NOTIFICATIONS}: checked ${round.servicesChecked} service(s) and ${round.allocationsChecked} allocation(s); sent ${round.sent} notification(s)`,
      );
    },
  };
}
