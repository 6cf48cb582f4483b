import { planCost, PlanCostError, largestCost } from './planCost';

describe('planCost', () => {
  const base = {
    masterFlavor: 'm3.quad',
    masterCount: 1,
    workerFlavor: 'm3.medium',
    nodeCount: 2,
  };

  it('costs a fixed-size cluster, a month being 730 hours', () => {
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
    expect(largestCost(wide)).toBe(wide.max);
    expect(largestCost(planCost(base)).suPerHour).toBe(20);
    expect(wide.coresAtMax).toBe(44);
  });

  it.each([
    [{ nodeCount: -1 }, 'nodeCount', /"Workers at creation" cannot be -1/],
    [{ nodeCount: 0 }, 'nodeCount', /at least 1/],
    [{ nodeCount: 1.5 }, 'nodeCount', /whole number/],
    [{ nodeCount: '3' }, 'nodeCount', /"Workers at creation" must be a number/],
    [{ nodeCount: NaN }, 'nodeCount', /must be a number/],
    [{ nodeCount: undefined }, 'nodeCount', /^Fill in "Workers at creation"/],
    [{ nodeCount: 101 }, 'nodeCount', /above 100/],
    [{ nodeCount: 1e9 }, 'nodeCount', /above 100/],
    [{ masterCount: 0 }, 'masterCount', /"Control plane nodes" cannot be 0/],
    [
      { workerFlavor: 'm9.giant' },
      'workerFlavor',
      /"Worker flavor" "m9.giant" is not a Jetstream2 flavor/,
    ],
    [{ masterFlavor: 42 }, 'masterFlavor', /not a Jetstream2 flavor/],
    [
      { minNodeCount: 3, maxNodeCount: 2 },
      'minNodeCount',
      /"Fewest workers" \(3\) is larger than "Most workers" \(2\)/,
    ],
    [{ minNodeCount: 3 }, 'nodeCount', /below "Fewest workers"/],
    [{ maxNodeCount: 1 }, 'nodeCount', /above "Most workers"/],
    // 4 + 8 × 19 = 156 cores > 150
    [
      { nodeCount: 19 },
      'nodeCount',
      /needs 156 cores .* quota is 150 cores\. Lower "Workers at creation" to 18 or less/,
    ],
    // g3 workers count against the 64-core GPU quota: 4 + 8 × 8 = 68
    [
      { workerFlavor: 'g3.medium', nodeCount: 1, maxNodeCount: 8 },
      'maxNodeCount',
      /quota is 64 cores\. Lower "Most workers" to 7 or less/,
    ],
    [{ quotaCores: -5 }, 'quotaCores', /"Core quota" must be a whole number/],
  ])('refuses %j, naming the field by its label', (change, field, message) => {
    let error: unknown;
    try {
      planCost({ ...base, ...(change as object) } as any);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanCostError);
    expect((error as PlanCostError).field).toBe(field);
    expect((error as PlanCostError).message).toMatch(message);
    expect((error as PlanCostError).message).not.toMatch(
      /\b(nodeCount|maxNodeCount|minNodeCount|masterCount|quotaCores|workerFlavor|masterFlavor)\b/,
    );
  });

  it('accepts a raised quota', () => {
    expect(
      planCost({ ...base, nodeCount: 19, quotaCores: 200 }).suPerHour,
    ).toBe(156);
  });
});
