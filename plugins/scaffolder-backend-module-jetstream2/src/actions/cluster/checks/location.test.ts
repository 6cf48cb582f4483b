import { locationCheck } from './location';
import { runCheck } from './testing';

describe('location check', () => {
  it('resolves method, region and template', () => {
    const { facts, problems } = runCheck(locationCheck);
    expect(problems).toEqual([]);
    expect(facts).toEqual({
      method: 'magnum',
      region: 'IU',
      template: { name: 'kubernetes-1-33-jammy', kubernetesVersion: '1.33' },
    });
  });

  it('warns about regions open by invitation', () => {
    expect(runCheck(locationCheck, { region: 'TACC' }).warnings[0]).toMatch(
      /Region TACC is a regional cloud open by invitation only/,
    );
  });

  it.each([
    [{ method: 'eks' }, /"How the cluster is created" "eks" is unknown/],
    [{ region: 'Mars' }, /"Region" "Mars" is unknown/],
    [{ clusterTemplate: 'v1.30' }, /Did you mean "kubernetes-1-30-jammy"\?/],
  ])('refuses %j', (change, message) => {
    const { problems } = runCheck(locationCheck, change);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
