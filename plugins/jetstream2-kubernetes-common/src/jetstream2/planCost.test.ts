import { balanceShortfall, planCost, PlanCostError } from './planCost';

describe('planCost', () => {
  const base = {
    masterFlavor: 'm3.quad',
    masterCount: 1,
    workerFlavor: 'm3.medium',
    nodeCount: 2,
  };

  it('costs a fixed-size cluster', () => {
    expect(planCost(base)).toEqual({
      suPerHour: 4 + 16,
      suPerMonth: 20 * 730,
      coresAtMax: 20,
      quotaCores: 150,
    });
  });

  it('costs the autoscaling minimum and maximum', () => {
    const cost = planCost({
      masterFlavor: 'm3.medium',
      masterCount: 3,
      workerFlavor: 'g3.medium',
      nodeCount: 1,
      minNodeCount: 1,
      maxNodeCount: 1,
    });
    expect(cost.suPerHour).toBe(24 + 32);
    expect(cost.min).toEqual({ suPerHour: 56, suPerMonth: 56 * 730 });
    expect(cost.max).toEqual({ suPerHour: 56, suPerMonth: 56 * 730 });
    expect(cost.quotaCores).toBe(64);

    const wide = planCost({ ...base, minNodeCount: 1, maxNodeCount: 5 });
    expect(wide.min!.suPerHour).toBe(12);
    expect(wide.max!.suPerHour).toBe(44);
    expect(wide.coresAtMax).toBe(44);
  });

  it.each([
    [{ nodeCount: -1 }, 'nodeCount', /nodeCount -1 is not allowed/],
    [{ nodeCount: 0 }, 'nodeCount', /at least 1/],
    [{ nodeCount: 1.5 }, 'nodeCount', /whole number/],
    [{ nodeCount: '3' }, 'nodeCount', /must be a number/],
    [{ nodeCount: NaN }, 'nodeCount', /must be a number/],
    [{ nodeCount: undefined }, 'nodeCount', /got null/],
    [{ nodeCount: 101 }, 'nodeCount', /above 100/],
    [{ nodeCount: 1e9 }, 'nodeCount', /above 100/],
    [{ masterCount: 0 }, 'masterCount', /at least 1/],
    [{ workerFlavor: 'm9.giant' }, 'workerFlavor', /not a Jetstream2 flavor/],
    [{ masterFlavor: 42 }, 'masterFlavor', /not a Jetstream2 flavor/],
    [
      { minNodeCount: 3, maxNodeCount: 2 },
      'minNodeCount',
      /larger than maxNodeCount/,
    ],
    [{ minNodeCount: 3 }, 'nodeCount', /below minNodeCount/],
    [{ maxNodeCount: 1 }, 'nodeCount', /above maxNodeCount/],
    // 4 + 8 × 19 = 156 cores > 150
    [
      { nodeCount: 19 },
      'nodeCount',
      /needs 156 cores .* quota is 150 cores: use 18 m3.medium workers or fewer/,
    ],
    // g3 workers count against the 64-core GPU quota: 4 + 8 × 8 = 68
    [
      { workerFlavor: 'g3.medium', nodeCount: 1, maxNodeCount: 8 },
      'maxNodeCount',
      /quota is 64 cores: use 7 g3.medium workers/,
    ],
    [{ quotaCores: -5 }, 'quotaCores', /whole number of cores/],
  ])('refuses %j', (change, field, message) => {
    let error: unknown;
    try {
      planCost({ ...base, ...(change as object) } as any);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanCostError);
    expect((error as PlanCostError).field).toBe(field);
    expect((error as PlanCostError).message).toMatch(message);
  });

  it('accepts a raised quota', () => {
    expect(
      planCost({ ...base, nodeCount: 19, quotaCores: 200 }).suPerHour,
    ).toBe(156);
  });
});

describe('balanceShortfall', () => {
  it('measures the largest monthly cost against the balance', () => {
    const fixed = planCost({
      masterFlavor: 'm3.quad',
      masterCount: 1,
      workerFlavor: 'm3.medium',
      nodeCount: 2,
    });
    expect(balanceShortfall(fixed, 20 * 730)).toBe(0);
    expect(balanceShortfall(fixed, 10000)).toBe(20 * 730 - 10000);
    const scaling = planCost({
      masterFlavor: 'm3.quad',
      masterCount: 1,
      workerFlavor: 'm3.medium',
      nodeCount: 1,
      minNodeCount: 1,
      maxNodeCount: 4,
    });
    expect(balanceShortfall(scaling, 20000)).toBe(36 * 730 - 20000);
  });

  it.each([-1, NaN, '100', undefined])('refuses the balance %p', value => {
    expect(() =>
      balanceShortfall(
        planCost({
          masterFlavor: 'm3.quad',
          masterCount: 1,
          workerFlavor: 'm3.quad',
          nodeCount: 1,
        }),
        value as any,
      ),
    ).toThrow(/allocation balance must be a number of SU/);
  });
});
