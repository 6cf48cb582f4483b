import {
  DAY_MS,
  forecastRunway,
  HOUR_MS,
  meanBurn,
  runwayDaysAt,
  utcDatePlusDays,
} from './forecast';
import { allocationEndsAt } from './model';

// 2026-12-07 16:30 UTC; hourly buckets.
const now = Date.UTC(2026, 11, 7, 16, 30);
const hourStart = Date.UTC(2026, 11, 7, 16);
const hourly = (hoursBack: number, suPerHour: number) => ({
  at: hourStart - hoursBack * HOUR_MS,
  suPerHour,
});

describe('forecastRunway', () => {
  const base = {
    bucketMs: HOUR_MS,
    now,
    endsAt: allocationEndsAt('2027-09-30'),
  };

  it('lasts balance ÷ burn: 100,000 SU at 40 SU/h is 104 whole days, until 2027-03-21', () => {
    // seven days of full hours at 40 SU/h, and the current half hour at 40 too
    const history = Array.from({ length: 7 * 24 + 1 }, (_, i) => hourly(i, 40));
    const r = forecastRunway({ ...base, recordedBalanceSu: 100_000, history });
    expect(r.burnSuPerHour).toBe(40);
    expect(r.burnBasis).toBe('history');
    // the window is the last 7 days: 7 × 24 hours exactly
    expect(r.coveredHours).toBe(168);
    // 100,000 / 40 = 2,500 h = 104.17 days
    expect(r.runwayDays).toBe(104);
    expect(r.runsOutOn).toBe('2027-03-21');
    expect(r.outlastsEndDate).toBe(false);
    expect(r.unusedAtEndSu).toBe(0);
  });

  it('weighs each sample by the time it covers in the window', () => {
    // 10 SU/h for the 24 hours before, 70 SU/h in the current half hour: (10 × 24 + 70 × 0.5) / 24.5
    const history = [
      ...Array.from({ length: 24 }, (_, i) => hourly(i + 1, 10)),
      hourly(0, 70),
    ];
    const r = forecastRunway({ ...base, recordedBalanceSu: 1_000, history });
    expect(r.coveredHours).toBe(24.5);
    expect(r.burnSuPerHour).toBeCloseTo(275 / 24.5, 10);
    // 1,000 / 11.22 SU/h = 89.1 h = 3.7 days
    expect(r.runwayDays).toBe(3);
    expect(r.runsOutOn).toBe('2026-12-10');
  });

  it('leaves out samples older than the window', () => {
    const history = [hourly(8 * 24, 1_000), hourly(2, 20)];
    const r = forecastRunway({ ...base, recordedBalanceSu: 4_800, history });
    expect(r.burnSuPerHour).toBe(20);
    expect(r.runwayDays).toBe(10);
    expect(r.runsOutOn).toBe('2026-12-17');
  });

  it('subtracts what was measured since ACCESS reported the balance', () => {
    // the balance is from 06:00; ten full hours at 30 SU/h and the current half hour at 30 since then
    const history = Array.from({ length: 11 }, (_, i) => hourly(i, 30));
    const r = forecastRunway({
      ...base,
      recordedBalanceSu: 10_000,
      balanceAsOf: Date.UTC(2026, 11, 7, 6),
      history,
    });
    expect(r.measuredSinceBalanceHours).toBe(10.5);
    expect(r.measuredSinceBalanceSu).toBe(315);
    expect(r.balanceSu).toBe(9_685);
    // 9,685 / 30 = 322.8 h = 13.45 days
    expect(r.runwayDays).toBe(13);
    expect(r.runsOutOn).toBe('2026-12-20');
  });

  it('takes the burn measured now when no sample is in the window ("history starts now")', () => {
    const r = forecastRunway({
      ...base,
      recordedBalanceSu: 2_400,
      history: [],
      currentSuPerHour: 50,
    });
    expect(r.burnBasis).toBe('current');
    expect(r.coveredHours).toBe(0);
    expect(r.burnSuPerHour).toBe(50);
    expect(r.runwayDays).toBe(2);
    expect(r.runsOutOn).toBe('2026-12-09');
  });

  it('has no run-out date when nothing burns', () => {
    const r = forecastRunway({ ...base, recordedBalanceSu: 500, history: [] });
    expect(r.burnBasis).toBe('none');
    expect(r.runwayDays).toBeNull();
    expect(r.runsOutOn).toBeNull();
    expect(r.outlastsEndDate).toBe(true);
    expect(r.unusedAtEndSu).toBe(500);
  });

  it('says how much is left unused when the allocation ends first', () => {
    // ends 2026-12-31 (24 days and 7.5 hours from now: 583.5 hours) at 10 SU/h: 5,835 SU spent
    const r = forecastRunway({
      ...base,
      endsAt: allocationEndsAt('2026-12-31'),
      recordedBalanceSu: 10_000,
      history: [hourly(1, 10)],
    });
    expect(r.runwayDays).toBe(41);
    expect(r.outlastsEndDate).toBe(true);
    expect(r.unusedAtEndSu).toBeCloseTo(10_000 - 5_835, 6);
  });

  it('runs out today when the balance is spent', () => {
    const r = forecastRunway({
      ...base,
      recordedBalanceSu: 100,
      balanceAsOf: hourStart - 10 * HOUR_MS,
      history: Array.from({ length: 11 }, (_, i) => hourly(i, 100)),
    });
    expect(r.balanceSu).toBe(0);
    expect(r.runwayDays).toBe(0);
    expect(r.runsOutOn).toBe('2026-12-07');
  });
});

describe('runway arithmetic', () => {
  it('counts whole days and dates from the UTC day of now', () => {
    expect(runwayDaysAt(24 * 10, 1)).toBe(10);
    expect(runwayDaysAt(24 * 10 - 1, 1)).toBe(9);
    expect(runwayDaysAt(100, 0)).toBeNull();
    expect(utcDatePlusDays(now, 0)).toBe('2026-12-07');
    expect(utcDatePlusDays(now, 25)).toBe('2027-01-01');
    expect(allocationEndsAt('2026-12-31')).toBe(Date.UTC(2027, 0, 1));
  });

  it('means nothing over a window without samples', () => {
    expect(meanBurn([], HOUR_MS, now - DAY_MS, now)).toBeUndefined();
  });
});
