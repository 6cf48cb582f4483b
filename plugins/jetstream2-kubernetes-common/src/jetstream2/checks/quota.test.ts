import { getFlavor } from '../flavors';
import { checkQuota } from './quota';

const flavor = (name: string) => getFlavor(name)!;

describe('checkQuota', () => {
  const base = {
    master: flavor('m3.quad'),
    masterCount: 1,
    worker: flavor('g3.medium'),
    quotaCores: 64,
  };

  it('passes a cluster that fits with room to spare', () => {
    expect(checkQuota({ ...base, largestWorkers: 2 })).toEqual({
      coresAtMax: 20,
    });
  });

  it('refuses a cluster over the quota, naming the field to lower by its label', () => {
    // 4 + 8 × 8 = 68 > 64
    const fixed = checkQuota({ ...base, largestWorkers: 8 });
    expect(fixed.coresAtMax).toBe(68);
    expect(fixed.problem).toBe(
      'At its largest the cluster needs 68 cores (1 × m3.quad + 8 × g3.medium) but the allocation\'s quota is 64 cores. Lower "Workers at creation" to 7 or less, pick a smaller "Worker flavor", or ask the Jetstream2 team for more quota and enter it in "Core quota".',
    );
    const scaling = checkQuota({
      ...base,
      largestWorkers: 8,
      autoscaling: true,
    });
    expect(scaling.problem).toContain('Lower "Most workers" to 7 or less');
  });

  it('asks for smaller flavors when not even one worker fits', () => {
    const result = checkQuota({
      ...base,
      master: flavor('m3.xl'),
      masterCount: 3,
      largestWorkers: 1,
    });
    expect(result.problem).toContain(
      'Pick a smaller "Control plane flavor" and "Worker flavor"',
    );
  });

  it('warns above 80% of the quota', () => {
    // 4 + 7 × 8 = 60 of 64
    expect(checkQuota({ ...base, largestWorkers: 7 })).toEqual({
      coresAtMax: 60,
      warning: expect.stringContaining('uses 60 of the 64 cores'),
    });
  });
});
