import {
  entitySelector,
  matchesLabelSelector,
  parseLabelSelector,
} from './labelSelector';

describe('label selectors', () => {
  it('parses and matches every operator', () => {
    const reqs = parseLabelSelector(
      'app=web, tier!=db,env in (prod, staging),!legacy,team',
    );
    expect(
      matchesLabelSelector(reqs, { app: 'web', env: 'prod', team: 'a' }),
    ).toBe(true);
    expect(
      matchesLabelSelector(reqs, { app: 'web', env: 'dev', team: 'a' }),
    ).toBe(false);
    expect(
      matchesLabelSelector(reqs, {
        app: 'web',
        env: 'prod',
        team: 'a',
        legacy: '1',
      }),
    ).toBe(false);
    expect(
      matchesLabelSelector(reqs, {
        app: 'web',
        env: 'prod',
        team: 'a',
        tier: 'db',
      }),
    ).toBe(false);
    expect(matchesLabelSelector(reqs, { app: 'web', env: 'prod' })).toBe(false);
    expect(
      matchesLabelSelector(
        parseLabelSelector('backstage.io/kubernetes-id==x'),
        { 'backstage.io/kubernetes-id': 'x' },
      ),
    ).toBe(true);
    expect(matchesLabelSelector(parseLabelSelector('a notin (x)'), {})).toBe(
      true,
    );
  });

  it('rejects malformed selectors with a readable message', () => {
    expect(() => parseLabelSelector('a=b=c')).toThrow(
      /Invalid label selector requirement "a=b=c"/,
    );
  });

  it('derives the selector like the upstream plugin', () => {
    expect(entitySelector({ metadata: { name: 'svc' } })).toEqual({
      labelSelector: 'backstage.io/kubernetes-id=svc',
      source: 'entity-name',
    });
    expect(
      entitySelector({
        metadata: {
          name: 'svc',
          annotations: {
            'backstage.io/kubernetes-id': 'jupyterhub',
            'backstage.io/kubernetes-namespace': 'jhub',
          },
        },
      }),
    ).toEqual({
      labelSelector: 'backstage.io/kubernetes-id=jupyterhub',
      source: 'kubernetes-id',
      namespace: 'jhub',
    });
    expect(
      entitySelector({
        metadata: {
          name: 'svc',
          annotations: {
            'backstage.io/kubernetes-id': 'ignored',
            'backstage.io/kubernetes-label-selector': 'app=x',
          },
        },
      }),
    ).toEqual({ labelSelector: 'app=x', source: 'label-selector' });
  });
});
