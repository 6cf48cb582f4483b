import { HOURS_PER_MONTH } from './cost';

/**
 * A number of service units as a person reads it: grouped thousands, whole numbers from 100 up, one
 * decimal from 1, two below ("26,280", "36", "1.5", "0.25").
 */
export function formatSu(n: number): string {
  let digits = 0;
  if (Math.abs(n) < 1) digits = 2;
  else if (Math.abs(n) < 100) digits = 1;
  return n.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** "36 SU/h · 26,280 SU per month": a cost per hour and per month (of HOURS_PER_MONTH hours). */
export function formatSuPerHourAndMonth(cost: {
  suPerHour: number;
  suPerMonth?: number;
}): string {
  const month = cost.suPerMonth ?? cost.suPerHour * HOURS_PER_MONTH;
  return `${formatSu(cost.suPerHour)} SU/h · ${formatSu(month)} SU per month`;
}
