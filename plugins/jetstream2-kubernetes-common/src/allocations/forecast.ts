/*
 * The runway of an allocation: how long its balance lasts at the burn of the last days. Pure arithmetic over
 * the measured SU-per-hour samples; no clock, no I/O, so it is tested against literal figures.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** How many days of burn the runway is reckoned from, unless the caller says otherwise. */
export const DEFAULT_RUNWAY_WINDOW_DAYS = 7;

/** One measured bucket: SU per hour over the bucket that starts at `at` (epoch ms). */
export interface BurnSample {
  at: number;
  suPerHour: number;
}

/** Where the burn of a runway comes from. */
export type BurnBasis =
  /** the mean of the samples measured in the window */
  | 'history'
  /** no samples yet: the burn measured now ("history starts now") */
  | 'current'
  /** nothing measured at all */
  | 'none';

export interface RunwayInput {
  /** The balance as ACCESS reported it. */
  recordedBalanceSu: number;
  /** When ACCESS reported it (epoch ms); samples from then on are subtracted from it. */
  balanceAsOf?: number;
  /** The end of the allocation's last day (epoch ms). */
  endsAt: number;
  /** The allocation's burn, one sample per bucket, any order. */
  history: readonly BurnSample[];
  /** The length of a bucket (ms). */
  bucketMs: number;
  /** The burn measured now; used when no sample falls in the window. */
  currentSuPerHour?: number;
  now: number;
  /** How far back the burn is averaged (ms). Default 7 days. */
  windowMs?: number;
}

export interface Runway {
  /** The balance now: the recorded one less what was measured since it was recorded, never below 0. */
  balanceSu: number;
  /** SU measured since `balanceAsOf` (0 without it). */
  measuredSinceBalanceSu: number;
  /** Hours since `balanceAsOf` that samples cover (they may start later than the balance). */
  measuredSinceBalanceHours: number;
  /** The mean burn over the window, weighted by the time each sample covers. */
  burnSuPerHour: number;
  burnBasis: BurnBasis;
  /** Hours of the window that samples cover. */
  coveredHours: number;
  /** Whole days the balance lasts at that burn; null when nothing burns. */
  runwayDays: number | null;
  /** Today (UTC) plus runwayDays, as YYYY-MM-DD: the balance lasts until this day. Null when nothing burns. */
  runsOutOn: string | null;
  /** The allocation ends before its balance runs out. */
  outlastsEndDate: boolean;
  /** SU left unused when the allocation ends at this burn (0 when it runs out first). */
  unusedAtEndSu: number;
}

/** The time a bucket covers within [from, to), in hours. */
export function coveredHoursOf(
  at: number,
  bucketMs: number,
  from: number,
  to: number,
): number {
  return (
    Math.max(0, Math.min(at + bucketMs, to) - Math.max(at, from)) / HOUR_MS
  );
}

/** The mean of the samples over [from, to), weighted by the hours each covers; undefined without any. */
export function meanBurn(
  samples: readonly BurnSample[],
  bucketMs: number,
  from: number,
  to: number,
): { suPerHour: number; hours: number } | undefined {
  let su = 0;
  let hours = 0;
  for (const s of samples) {
    const h = coveredHoursOf(s.at, bucketMs, from, to);
    su += s.suPerHour * h;
    hours += h;
  }
  return hours > 0 ? { suPerHour: su / hours, hours } : undefined;
}

/** The UTC date `days` whole days after the day of `now`, as YYYY-MM-DD. */
export function utcDatePlusDays(now: number, days: number): string {
  const start = new Date(now);
  start.setUTCHours(0, 0, 0, 0);
  return new Date(start.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days the balance lasts at a burn; null when nothing burns. */
export function runwayDaysAt(
  balanceSu: number,
  suPerHour: number,
): number | null {
  if (suPerHour <= 0) return null;
  return Math.floor(balanceSu / suPerHour / 24);
}

/**
 * The runway: the balance now (recorded, less what the samples measured since), the burn (the mean of the
 * window's samples, else the burn measured now), and how many whole days the balance lasts at it.
 */
export function forecastRunway(input: RunwayInput): Runway {
  const { history, bucketMs, now } = input;
  const windowMs = input.windowMs ?? DEFAULT_RUNWAY_WINDOW_DAYS * DAY_MS;

  let measuredSinceBalanceSu = 0;
  let measuredSinceBalanceHours = 0;
  if (input.balanceAsOf !== undefined) {
    for (const s of history) {
      const h = coveredHoursOf(s.at, bucketMs, input.balanceAsOf, now);
      measuredSinceBalanceSu += s.suPerHour * h;
      measuredSinceBalanceHours += h;
    }
  }
  const balanceSu = Math.max(
    0,
    input.recordedBalanceSu - measuredSinceBalanceSu,
  );

  const mean = meanBurn(history, bucketMs, now - windowMs, now);
  let burnSuPerHour = 0;
  let burnBasis: BurnBasis = 'none';
  if (mean) {
    burnSuPerHour = mean.suPerHour;
    burnBasis = 'history';
  } else if (input.currentSuPerHour !== undefined) {
    burnSuPerHour = input.currentSuPerHour;
    burnBasis = 'current';
  }

  const runwayDays = runwayDaysAt(balanceSu, burnSuPerHour);
  const hoursToEnd = Math.max(0, (input.endsAt - now) / HOUR_MS);
  const unusedAtEndSu = Math.max(0, balanceSu - burnSuPerHour * hoursToEnd);
  return {
    balanceSu,
    measuredSinceBalanceSu,
    measuredSinceBalanceHours,
    burnSuPerHour,
    burnBasis,
    coveredHours: mean?.hours ?? 0,
    runwayDays,
    runsOutOn: runwayDays === null ? null : utcDatePlusDays(now, runwayDays),
    outlastsEndDate: unusedAtEndSu > 0,
    unusedAtEndSu,
  };
}
