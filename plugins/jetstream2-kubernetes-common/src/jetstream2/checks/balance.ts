import { formatSu } from '../format';
import { fieldLabel, sizeFieldLabel } from '../labels';

/** What the balance check needs to know of a costed plan. */
export interface BalanceCheckInput {
  /** SU per month at the largest size (the autoscaling maximum, or the fixed size). */
  largestSuPerMonth: number;
  largestSuPerHour: number;
  /** The largest worker count and flavor, for the message. */
  largestWorkers: number;
  workerFlavor: string;
  autoscaling?: boolean;
  /** SU left in the allocation, as entered (may be anything a form holds). */
  balance: unknown;
}

export type BalanceCheckResult =
  | { ok: true; balance: number; shortfall: 0 }
  | { ok: false; balance?: number; shortfall?: number; problem: string };

/** True when the value is a usable allocation balance: a finite number of SU, 0 or more. */
export function isValidBalance(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** The message for a balance that is not a number of SU, 0 or more. */
export function invalidBalanceProblem(value: unknown): string {
  return `${fieldLabel(
    'allocationBalance',
  )} must be a number of SU, 0 or more (got ${JSON.stringify(
    value ?? null,
  )}); leave it empty to skip the balance check.`;
}

/**
 * The allocation balance check, the one the plan action and the form both run: the cluster's largest
 * monthly cost (730 hours) must not exceed the SU left in the allocation. Pure; names fields by their labels.
 */
export function checkBalance(input: BalanceCheckInput): BalanceCheckResult {
  const { balance } = input;
  if (!isValidBalance(balance)) {
    return { ok: false, problem: invalidBalanceProblem(balance) };
  }
  const shortfall = Math.max(0, input.largestSuPerMonth - balance);
  if (shortfall === 0) return { ok: true, balance, shortfall: 0 };
  return {
    ok: false,
    balance,
    shortfall,
    problem: `At its largest (${input.largestWorkers} × ${
      input.workerFlavor
    } workers) the cluster costs ${formatSu(
      input.largestSuPerMonth,
    )} SU per month (${formatSu(
      input.largestSuPerHour,
    )} SU/h), which exceeds the allocation balance of ${formatSu(
      balance,
    )} SU by ${formatSu(shortfall)} SU. Lower ${sizeFieldLabel(
      input.autoscaling,
    )}, pick a smaller ${fieldLabel(
      'workerFlavor',
    )}, or ask ACCESS for more SUs.`,
  };
}
