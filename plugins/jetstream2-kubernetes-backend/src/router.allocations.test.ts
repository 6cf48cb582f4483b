import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { fakeCollector } from './__testUtils__/fakeCollector';
import { createRouter } from './router';
import { createAllocationDirectory } from './services/Allocations/createAllocationDirectory';
import { createAllocationsService } from './services/Allocations/createAllocationsService';
import { createSuHistoryStore } from './services/History/createSuHistoryStore';
import { createSuSampler } from './services/History/createSuSampler';
import { resolveSuRates } from '@internal/plugin-jetstream2-kubernetes-common';

// The allocation route over the real allocations service: the catalog (mock), the local cluster's nodes in
// a fake collector, the history on SQLite, the permission decision mocked per test.

const HOUR = 3_600_000;
const entity = (
  kind: string,
  name: string,
  spec: object,
  annotations = {},
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', annotations },
  spec,
});
const allocation = (name: string, spec: object) =>
  entity('Resource', name, {
    type: 'jetstream2-allocation',
    owner: 'science-gateways',
    ...spec,
  });
const entities = [
  allocation('sgw-allocation', {
    allocationId: 'sgw240017',
    balanceSu: 48_000,
    endDate: '2027-09-30',
  }),
  allocation('broken-allocation', { allocationId: 'SGW', endDate: 'soon' }),
  entity(
    'Resource',
    'js2-demo',
    { type: 'kubernetes-cluster', owner: 'platform-team' },
    { 'jetstream2.org/allocation': 'sgw240017' },
  ),
  entity('Component', 'website', {
    type: 'website',
    owner: 'science-gateways',
  }),
];

const node = (name: string, flavor: string, role = 'worker') => ({
  kind: 'Node',
  metadata: {
    name,
    labels: {
      'node.kubernetes.io/instance-type': flavor,
      [`node-role.kubernetes.io/${role}`]: '',
    },
  },
  status: {
    allocatable: { cpu: '8', memory: '30Gi' },
    conditions: [{ type: 'Ready', status: 'True' }],
  },
});

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function makeApp(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const knex = await databases.init('SQLITE_3');
  const fake = fakeCollector();
  fake.put('nodes', node('cp', 'm3.medium', 'control-plane'));
  fake.put('nodes', node('w0', 'm3.medium'));
  fake.put('nodes', node('w1', 'm3.medium'));
  const catalog = catalogServiceMock({ entities: entities as any });
  const auth = mockServices.auth();
  const directory = createAllocationDirectory({
    catalog,
    auth,
    logger: mockServices.logger.mock(),
    ttlMs: 0,
  });
  const store = await createSuHistoryStore({
    database: mockServices.database({ knex }),
  });
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([{ result }]);
  let clock = Date.UTC(2026, 11, 7, 16, 30);
  const common = {
    collector: fake.collector,
    directory,
    store,
    rates: resolveSuRates(),
    bucketMs: HOUR,
    retentionMs: 90 * 24 * HOUR,
    now: () => clock,
  };
  const allocations = createAllocationsService({
    ...common,
    catalog,
    auth,
    permissions,
    windowMs: 7 * 24 * HOUR,
    warnBelowDays: 30,
  });
  const sampler = createSuSampler(common);
  const router = await createRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.user('user:default/casey'),
    }),
    permissions,
    clusterData: {} as any,
    entityWorkloads: {} as any,
    templates: { listClusterTemplates: jest.fn() },
    allocations,
  });
  return {
    app: express().use(router).use(mockErrorHandler()),
    permissions,
    sampler,
    tick: (ms: number) => {
      clock += ms;
    },
  };
}

describe('GET /allocations/:namespace/:name', () => {
  it('answers the balance, burn, runway and history, from the samples the writer took', async () => {
    const { app, permissions, sampler, tick } = await makeApp();
    // nothing measured yet: the burn is the one measured now ("history starts now")
    const first = await request(app).get('/allocations/default/sgw-allocation');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      allocationId: 'sgw240017',
      owner: 'group:default/science-gateways',
      burnBasis: 'current',
      currentSuPerHour: 24,
      burnSuPerHour: 24,
      history: [],
    });
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'jetstream2-kubernetes.allocations.read',
            resourceType: 'catalog-entity',
          }),
          resourceRef: 'resource:default/sgw-allocation',
        },
      ],
      expect.anything(),
    );
    // three hourly samples of the three m3.medium nodes (8 SU/h each)
    for (let i = 0; i < 3; i++) {
      await sampler.sample();
      tick(HOUR);
    }
    const res = await request(app).get('/allocations/default/sgw-allocation');
    expect(res.body).toMatchObject({
      balanceSu: 48_000,
      burnSuPerHour: 24,
      burnBasis: 'history',
      coveredHours: 3,
      // 48,000 / 24 = 2,000 h = 83 whole days from today, 2026-12-07
      runwayDays: 83,
      runsOutOn: '2027-02-28',
      history: [
        { at: '2026-12-07T16:00:00.000Z', suPerHour: 24 },
        { at: '2026-12-07T17:00:00.000Z', suPerHour: 24 },
        { at: '2026-12-07T18:00:00.000Z', suPerHour: 24 },
      ],
      byCluster: [
        { cluster: 'js2-demo', suPerHour: 24, share: 1, paysForNodes: true },
      ],
      // nothing requests the nodes: all of it is idle; one worker could go (the control plane stays, and the
      // last worker that takes pods)
      idle: {
        suPerHour: 24,
        share: 1,
        savingsSuPerHour: 8,
        removableNodes: [
          {
            cluster: 'js2-demo',
            name: 'w0',
            flavor: 'm3.medium',
            suPerHour: 8,
            podsMoved: 0,
          },
        ],
        // 48,000 / 16 = 3,000 h = 125 days
        runwayDaysAfterScaleDown: 125,
        runsOutOnAfterScaleDown: '2027-04-11',
      },
    });
  });

  it('answers 403 with the reason when the policy says no', async () => {
    const { app } = await makeApp(AuthorizeResult.DENY);
    const res = await request(app).get('/allocations/default/sgw-allocation');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'You are not allowed to read the allocation resource:default/sgw-allocation: only members of the group that owns it and the platform team are',
    );
  });

  it('answers 404 for what is not an allocation, 400 for a bad name or an incomplete entry', async () => {
    const { app } = await makeApp();
    const cluster = await request(app).get('/allocations/default/js2-demo');
    expect(cluster.status).toBe(404);
    expect(cluster.body.error.message).toBe(
      'resource:default/js2-demo is not a Jetstream2 allocation in the catalog (a Resource with spec.type jetstream2-allocation)',
    );
    expect(
      (await request(app).get('/allocations/default/nothing')).status,
    ).toBe(404);

    const bad = await request(app).get('/allocations/default/a..b');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /^Malformed allocation reference: name: /,
    );

    const broken = await request(app).get(
      '/allocations/default/broken-allocation',
    );
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toContain(
      'The catalog entry of resource:default/broken-allocation is incomplete: Allocation broken-allocation: spec.allocationId "SGW" is not an allocation id',
    );
  });
});
