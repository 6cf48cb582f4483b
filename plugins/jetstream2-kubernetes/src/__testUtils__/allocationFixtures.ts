import type { AllocationResponse } from '@internal/plugin-jetstream2-kubernetes-common';

const HOUR = 3_600_000;
const start = Date.UTC(2026, 11, 6, 17);

/** The science gateways' allocation after a day of hourly samples: 5 SU/h, 10 days left. */
export const allocationResponse: AllocationResponse = {
  entityRef: 'resource:default/science-gateways-allocation',
  title: 'Science gateways (cis240017)',
  allocationId: 'cis240017',
  owner: 'group:default/science-gateways',
  endDate: '2027-09-30',
  recordedBalanceSu: 1_200,
  measuredSinceBalanceSu: 0,
  measuredSinceBalanceHours: 0,
  balanceSu: 1_200,
  burnSuPerHour: 5,
  burnBasis: 'history',
  windowDays: 7,
  coveredHours: 24,
  currentSuPerHour: 4,
  runwayDays: 10,
  runsOutOn: '2026-12-17',
  outlastsEndDate: false,
  unusedAtEndSu: 0,
  warnBelowDays: 30,
  history: Array.from({ length: 24 }, (_, i) => ({
    at: new Date(start + i * HOUR).toISOString(),
    suPerHour: i < 12 ? 4 : 6,
  })),
  bucketMinutes: 60,
  byCluster: [
    { cluster: 'js2-demo', suPerHour: 5, share: 1, paysForNodes: false },
  ],
  byEntity: [
    {
      entityRef: 'component:default/jupyterhub',
      title: 'JupyterHub',
      suPerHour: 3,
      share: 0.6,
      clusters: ['js2-demo'],
      runwayDaysWithout: 25,
    },
    {
      entityRef: 'component:default/binderhub',
      title: 'BinderHub',
      suPerHour: 2,
      share: 0.4,
      clusters: ['js2-demo'],
      runwayDaysWithout: 16,
    },
  ],
  otherSuPerHour: 0,
  uncollectedClusters: [],
  idle: {
    suPerHour: 0,
    share: 0,
    removableNodes: [],
    savingsSuPerHour: 0,
    runwayDaysAfterScaleDown: 10,
    runsOutOnAfterScaleDown: '2026-12-17',
  },
};

/** The platform's allocation, which pays for js2-demo's nodes: idle capacity, and nodes that could go. */
export const clusterAllocationResponse: AllocationResponse = {
  ...allocationResponse,
  entityRef: 'resource:default/research-computing-allocation',
  title: 'Research Computing (cis240003)',
  allocationId: 'cis240003',
  owner: 'group:default/platform-team',
  recordedBalanceSu: 180_000,
  balanceAsOf: '2026-12-07T06:00:00Z',
  measuredSinceBalanceSu: 750,
  measuredSinceBalanceHours: 10,
  balanceSu: 179_250,
  burnSuPerHour: 75,
  runwayDays: 99,
  runsOutOn: '2027-03-16',
  endDate: '2027-03-31',
  byCluster: [
    { cluster: 'js2-demo', suPerHour: 75, share: 1, paysForNodes: true },
  ],
  byEntity: [],
  otherSuPerHour: 75,
  idle: {
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
  },
};
