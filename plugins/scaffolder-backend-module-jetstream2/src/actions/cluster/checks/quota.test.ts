import { quotaCheck } from './quota';
import { runCheck } from './testing';

describe('quota check', () => {
  it('counts the cores at the largest size', () => {
    // 1 × m3.quad + 4 × g3.medium = 36 of 64
    expect(runCheck(quotaCheck)).toEqual({
      facts: { coresAtMax: 36 },
      problems: [],
      warnings: [],
    });
  });

  it('warns above 80% of the quota', () => {
    expect(runCheck(quotaCheck, { maxNodes: 7 }).warnings[0]).toMatch(
      /uses 60 of the 64 cores/,
    );
  });

  it('says how many workers fit', () => {
    expect(runCheck(quotaCheck, { maxNodes: 8 }).problems[0]).toMatch(
      /needs 68 cores .* quota is 64 cores\. Lower "Most workers" to 7 or less/,
    );
  });

  it('stays quiet when the flavors are unknown', () => {
    expect(runCheck(quotaCheck, { workerFlavor: 'nope' })).toEqual({
      facts: { coresAtMax: 0 },
      problems: [],
      warnings: [],
    });
  });
});
