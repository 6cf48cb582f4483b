import type { SuSample } from '@internal/plugin-jetstream2-kubernetes-common';
import {
  summariseAllocation,
  type AllocationInput,
} from './summariseAllocation';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 11, 7, 16, 30);
const hourStart = Date.UTC(2026, 11, 7, 16);
const JUPYTERHUB = 'component:default/jupyterhub';
const BINDERHUB = 'component:default/binderhub';

// 24 full hours before the current one: the shared cluster js2-demo burns 80 SU/h; JupyterHub's pods 3
// and BinderHub's 2, both charged to the science gateways' allocation; the rest stays with the platform's.
const samples: SuSample[] = Array.from({ length: 24 }, (_, i) => {
  const at = hourStart - (i + 1) * HOUR;
  return [
    { at, cluster: 'js2-demo', suPerHour: 80 },
    { at, cluster: 'js2-demo', entityRef: JUPYTERHUB, suPerHour: 3 },
    { at, cluster: 'js2-demo', entityRef: BINDERHUB, suPerHour: 2 },
  ];
}).flat();

const rules = {
  clusterAllocation: new Map([['js2-demo', 'rct000001']]),
  entityAllocation: new Map([
    [JUPYTERHUB, 'sgw240017'],
    [BINDERHUB, 'sgw240017'],
  ]),
};

const base: Omit<
  AllocationInput,
  'allocation' | 'entityRef' | 'title' | 'owner'
> = {
  samples,
  live: {
    observations: [
      { cluster: 'js2-demo', suPerHour: 80 },
      { cluster: 'js2-demo', entityRef: JUPYTERHUB, suPerHour: 4 },
    ],
    clusters: ['js2-demo'],
  },
  rules,
  titles: new Map([
    [JUPYTERHUB, 'JupyterHub'],
    [BINDERHUB, 'BinderHub'],
  ]),
  clusterCosts: [],
  bucketMs: HOUR,
  windowMs: 7 * 24 * HOUR,
  warnBelowDays: 30,
  now,
};

describe('summariseAllocation', () => {
  it('gives a service allocation its runway, history and spenders, which agree', () => {
    const a = summariseAllocation({
      ...base,
      entityRef: 'resource:default/sgw-allocation',
      title: 'Science gateways',
      owner: 'group:default/science-gateways',
      allocation: {
        allocationId: 'sgw240017',
        balanceSu: 1_200,
        endDate: '2027-09-30',
      },
    });
    expect(a).toMatchObject({
      allocationId: 'sgw240017',
      balanceSu: 1_200,
      burnSuPerHour: 5,
      burnBasis: 'history',
      coveredHours: 24,
      // 1,200 / 5 = 240 hours: 10 days, until 2026-12-17
      runwayDays: 10,
      runsOutOn: '2026-12-17',
      currentSuPerHour: 4,
      windowDays: 7,
      bucketMinutes: 60,
      otherSuPerHour: 0,
      outlastsEndDate: false,
      uncollectedClusters: [],
    });
    expect(a.history).toHaveLength(24);
    expect(a.history[23]).toEqual({
      at: '2026-12-07T15:00:00.000Z',
      suPerHour: 5,
    });
    expect(a.byCluster).toEqual([
      { cluster: 'js2-demo', suPerHour: 5, share: 1, paysForNodes: false },
    ]);
    expect(a.byEntity).toEqual([
      {
        entityRef: JUPYTERHUB,
        title: 'JupyterHub',
        suPerHour: 3,
        share: 0.6,
        clusters: ['js2-demo'],
        // 1,200 / 2 SU/h = 600 h = 25 days
        runwayDaysWithout: 25,
      },
      {
        entityRef: BINDERHUB,
        title: 'BinderHub',
        suPerHour: 2,
        share: 0.4,
        clusters: ['js2-demo'],
        // 1,200 / 3 SU/h = 400 h = 16.7 days
        runwayDaysWithout: 16,
      },
    ]);
    expect(a.idle).toEqual({
      suPerHour: 0,
      share: 0,
      removableNodes: [],
      savingsSuPerHour: 0,
      runwayDaysAfterScaleDown: 10,
      runsOutOnAfterScaleDown: '2026-12-17',
    });
  });

  it('charges the cluster owner the rest, and says what removing idle nodes would change', () => {
    const a = summariseAllocation({
      ...base,
      clusterCosts: [
        {
          cluster: 'js2-demo',
          suPerHour: 80,
          idleSuPerHour: 60,
          scaleDown: {
            nodes: [
              {
                name: 'js2-demo-worker-1',
                flavor: 'm3.large',
                suPerHour: 16,
                podsMoved: 2,
              },
            ],
            savingsSuPerHour: 16,
          },
        },
      ],
      entityRef: 'resource:default/rct-allocation',
      title: 'Research computing',
      owner: 'group:default/platform-team',
      allocation: {
        allocationId: 'rct000001',
        balanceSu: 180_000,
        balanceAsOf: '2026-12-07T06:00:00Z',
        endDate: '2027-03-31',
      },
    });
    // 10 full hours since 06:00 at 75 SU/h were measured since ACCESS's balance
    expect(a.measuredSinceBalanceSu).toBe(750);
    expect(a.balanceSu).toBe(179_250);
    expect(a.burnSuPerHour).toBe(75);
    // 179,250 / 75 = 2,390 h = 99.6 days
    expect(a.runwayDays).toBe(99);
    expect(a.runsOutOn).toBe('2027-03-16');
    expect(a.byCluster).toEqual([
      { cluster: 'js2-demo', suPerHour: 75, share: 1, paysForNodes: true },
    ]);
    expect(a.byEntity).toEqual([]);
    expect(a.otherSuPerHour).toBe(75);
    expect(a.currentSuPerHour).toBe(76);
    // 179,250 / (75 - 16) = 3,038 h = 126.6 days
    expect(a.idle).toEqual({
      suPerHour: 60,
      share: 0.75,
      removableNodes: [
        {
          cluster: 'js2-demo',
          name: 'js2-demo-worker-1',
          flavor: 'm3.large',
          suPerHour: 16,
          podsMoved: 2,
        },
      ],
      savingsSuPerHour: 16,
      runwayDaysAfterScaleDown: 126,
      runsOutOnAfterScaleDown: '2027-04-12',
    });
  });

  it('starts from the burn measured now when there is no history yet, and names clusters it cannot see', () => {
    const a = summariseAllocation({
      ...base,
      samples: [],
      rules: {
        ...rules,
        clusterAllocation: new Map([
          ['js2-demo', 'rct000001'],
          ['gone', 'sgw240017'],
        ]),
      },
      entityRef: 'resource:default/sgw-allocation',
      title: 'Science gateways',
      owner: 'group:default/science-gateways',
      allocation: {
        allocationId: 'sgw240017',
        balanceSu: 960,
        endDate: '2027-09-30',
      },
    });
    expect(a.burnBasis).toBe('current');
    expect(a.history).toEqual([]);
    expect(a.burnSuPerHour).toBe(4);
    expect(a.runwayDays).toBe(10);
    expect(a.byEntity.map(e => [e.entityRef, e.suPerHour])).toEqual([
      [JUPYTERHUB, 4],
    ]);
    expect(a.uncollectedClusters).toEqual(['gone']);
  });
});
