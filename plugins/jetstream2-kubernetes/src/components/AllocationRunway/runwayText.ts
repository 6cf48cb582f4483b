import type { AllocationResponse } from '@internal/plugin-jetstream2-kubernetes-common';
import { formatSu } from '../common/format';

/** "11 April 2027" from "2027-04-11" (the date as written, whatever the browser's time zone). */
export function formatDay(isoDate: string): string {
  const at = Date.parse(
    isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate,
  );
  if (Number.isNaN(at)) return isoDate;
  return new Date(at).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** How urgent a runway is: below the portal's warning, below a week, or fine. */
export type RunwayUrgency = 'ok' | 'warning' | 'error';

export function runwayUrgency(a: AllocationResponse): RunwayUrgency {
  if (a.runwayDays === null) return 'ok';
  if (a.runwayDays < 7) return 'error';
  return a.runwayDays < a.warnBelowDays ? 'warning' : 'ok';
}

/** "until 11 April 2027, 125 days"; "runs out today"; "nothing burns it now". */
export function runwayText(
  a: Pick<AllocationResponse, 'runwayDays' | 'runsOutOn'>,
): string {
  if (a.runwayDays === null || !a.runsOutOn) return 'nothing burns it now';
  if (a.runwayDays === 0) return 'runs out today';
  return `until ${formatDay(a.runsOutOn)}, ${days(a.runwayDays)}`;
}

/** Where the burn comes from, in words: "the mean of the last 7 days (24 hours measured)". */
export function burnBasisText(a: AllocationResponse): string {
  switch (a.burnBasis) {
    case 'history': {
      const hours = a.coveredHours;
      const minutes = Math.max(1, Math.round(hours * 60));
      let measured = `${minutes} minute${minutes === 1 ? '' : 's'} measured`;
      if (hours >= 48) measured = `${Math.round(hours / 24)} days measured`;
      else if (hours >= 2) measured = `${Math.round(hours)} hours measured`;
      return `the mean of the last ${days(a.windowDays)} (${measured})`;
    }
    case 'current':
      return 'as measured now: the history starts now, and the mean takes over as samples come in';
    default:
      return 'nothing measured: none of its clusters is collected yet';
  }
}

/** "1,200 SU left of the balance"; with what was measured since ACCESS reported it. */
export function balanceText(a: AllocationResponse): string {
  const base = `${formatSu(a.balanceSu)} left`;
  if (!a.balanceAsOf) return base;
  return `${base}: ${formatSu(a.recordedBalanceSu)} on ${formatDay(
    a.balanceAsOf,
  )} (ACCESS) less ${formatSu(
    a.measuredSinceBalanceSu,
  )} the portal measured since`;
}
