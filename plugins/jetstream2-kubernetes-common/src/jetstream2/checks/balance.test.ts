import { checkBalance } from './balance';

describe('checkBalance', () => {
  const plan = {
    largestSuPerMonth: 73000,
    largestSuPerHour: 100,
    largestWorkers: 3,
    workerFlavor: 'g3.medium',
    autoscaling: true,
  };

  it('passes a plan whose largest month fits in the balance', () => {
    expect(checkBalance({ ...plan, balance: 73000 })).toEqual({
      ok: true,
      balance: 73000,
      shortfall: 0,
    });
  });

  it('refuses a plan over the balance, saying by how much and which field to lower', () => {
    expect(checkBalance({ ...plan, balance: 50000 })).toEqual({
      ok: false,
      balance: 50000,
      shortfall: 23000,
      problem:
        'At its largest (3 × g3.medium workers) the cluster costs 73,000 SU per month (100 SU/h), which exceeds the allocation balance of 50,000 SU by 23,000 SU. Lower "Most workers", pick a smaller "Worker flavor", or ask ACCESS for more SUs.',
    });
    const fixed = checkBalance({ ...plan, autoscaling: false, balance: 0 });
    expect(fixed.ok).toBe(false);
    expect(!fixed.ok && fixed.problem).toContain('Lower "Workers at creation"');
  });

  it.each([-1, NaN, '100', undefined, null])(
    'refuses the balance %p in words',
    balance => {
      const result = checkBalance({ ...plan, balance });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problem).toMatch(
        /^"SU left in the allocation" must be a number of SU, 0 or more/,
      );
    },
  );
});
