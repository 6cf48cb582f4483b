import { planChecks } from '.';

describe('plan check registry', () => {
  it('holds each check once, in the order problems are listed', () => {
    expect(planChecks.map(c => c.id)).toEqual([
      'name',
      'allocation',
      'location',
      'controlPlane',
      'workers',
      'nodeCounts',
      'dockerVolume',
      'credential',
      'addons',
      'quota',
      'cost',
      'advice',
    ]);
  });
});
