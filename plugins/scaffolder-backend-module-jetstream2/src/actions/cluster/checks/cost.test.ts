import { costCheck } from './cost';
import { runCheck } from './testing';

describe('cost check', () => {
  it('costs the plan with the shared cost model', () => {
    const { facts, problems } = runCheck(costCheck);
    expect(problems).toEqual([]);
    // m3.quad 4 + g3.medium 32 per worker; 1..4 workers
    expect(facts.cost).toEqual({
      suPerHour: 36,
      suPerMonth: 36 * 730,
      min: { suPerHour: 36, suPerMonth: 36 * 730 },
      max: { suPerHour: 132, suPerMonth: 132 * 730 },
      coresAtMax: 36,
      quotaCores: 64,
    });
  });

  it('accepts a plan within the allocation balance', () => {
    expect(runCheck(costCheck, { allocationBalance: 96360 }).problems).toEqual(
      [],
    );
  });

  it('refuses a plan over the balance, saying by how much', () => {
    expect(runCheck(costCheck, { allocationBalance: 50000 }).problems).toEqual([
      'At its largest (4 × g3.medium workers) the cluster costs 96,360 SU per month (132 SU/h), which exceeds the allocation balance of 50,000 SU by 46,360 SU. Lower "Most workers", pick a smaller "Worker flavor", or ask ACCESS for more SUs.',
    ]);
  });

  it('refuses a negative balance even when other checks failed', () => {
    expect(
      runCheck(costCheck, { allocationBalance: -1, clusterName: '' }).problems,
    ).toEqual([
      expect.stringMatching(
        /^"SU left in the allocation" must be a number of SU, 0 or more \(got -1\)/,
      ),
    ]);
  });

  it('adds nothing when earlier checks failed', () => {
    expect(runCheck(costCheck, { clusterName: '' })).toEqual({
      facts: {},
      problems: [],
      warnings: [],
    });
  });
});
