import {
  allocationResponse,
  clusterAllocationResponse,
} from '../../__testUtils__';
import {
  balanceText,
  burnBasisText,
  formatDay,
  runwayText,
  runwayUrgency,
} from './runwayText';

describe('runway texts', () => {
  it('says the date and the whole days, which agree', () => {
    expect(runwayText(allocationResponse)).toBe(
      'until 17 December 2026, 10 days',
    );
    expect(runwayText({ runwayDays: 1, runsOutOn: '2026-12-08' })).toBe(
      'until 8 December 2026, 1 day',
    );
    expect(runwayText({ runwayDays: 0, runsOutOn: '2026-12-07' })).toBe(
      'runs out today',
    );
    expect(runwayText({ runwayDays: null, runsOutOn: null })).toBe(
      'nothing burns it now',
    );
    expect(formatDay('2027-04-11')).toBe('11 April 2027');
    expect(formatDay('soon')).toBe('soon');
  });

  it('rates the urgency against the portal warning', () => {
    expect(runwayUrgency(allocationResponse)).toBe('warning');
    expect(runwayUrgency({ ...allocationResponse, runwayDays: 3 })).toBe(
      'error',
    );
    expect(runwayUrgency(clusterAllocationResponse)).toBe('ok');
    expect(runwayUrgency({ ...allocationResponse, runwayDays: null })).toBe(
      'ok',
    );
  });

  it('says where the burn and the balance come from', () => {
    expect(burnBasisText(allocationResponse)).toBe(
      'the mean of the last 7 days (24 hours measured)',
    );
    expect(burnBasisText({ ...allocationResponse, coveredHours: 0.25 })).toBe(
      'the mean of the last 7 days (15 minutes measured)',
    );
    expect(burnBasisText({ ...allocationResponse, coveredHours: 120 })).toBe(
      'the mean of the last 7 days (5 days measured)',
    );
    expect(
      burnBasisText({ ...allocationResponse, burnBasis: 'current' }),
    ).toMatch(/^as measured now: the history starts now/);
    expect(balanceText(allocationResponse)).toBe('1,200 SU left');
    expect(balanceText(clusterAllocationResponse)).toBe(
      '179,250 SU left: 180,000 SU on 7 December 2026 (ACCESS) less 750 SU the portal measured since',
    );
  });
});
