import { adviceCheck } from './advice';
import { runCheck } from './testing';

describe('advice check', () => {
  it('puts what Magnum makes final first', () => {
    const { warnings } = runCheck(adviceCheck);
    expect(warnings[0]).toMatch(/"Most workers" = 4 is final/);
    expect(warnings.join('\n')).toMatch(
      /unrestricted[\s\S]*about 10 minutes[\s\S]*One control plane node/,
    );
  });

  it('has no Magnum advice for other methods, nor any after a problem', () => {
    expect(
      runCheck(adviceCheck, {
        method: 'cacao',
        autoscaling: false,
        masterCount: 3,
      }).warnings,
    ).toEqual([]);
    expect(runCheck(adviceCheck, { clusterName: '' }).warnings).toEqual([]);
  });
});
