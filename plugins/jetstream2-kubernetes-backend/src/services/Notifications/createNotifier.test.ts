import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type { AllocationResponse } from '@internal/plugin-jetstream2-kubernetes-common';
import { storeTestDatabases } from '../../__testUtils__/databases';
import { fakeCollector } from '../../__testUtils__/fakeCollector';
import { toDirectoryView } from '../Allocations/createAllocationDirectory';
import { createNoticeStore } from './createNoticeStore';
import { createNotifier } from './createNotifier';

jest.setTimeout(60_000);

const { databases, ids } = storeTestDatabases();
const MIN = 60_000;

const scienceApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'science-api',
    namespace: 'default',
    title: 'Science API',
    annotations: { 'backstage.io/kubernetes-id': 'science-api' },
  },
  spec: { type: 'service', owner: 'data-science', lifecycle: 'production' },
};

const deployment = (ready: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'worker',
    namespace: 'science',
    uid: 'uid-worker',
    labels: { 'backstage.io/kubernetes-id': 'science-api' },
  },
  spec: { replicas: 1 },
  status: { replicas: 1, updatedReplicas: 1, readyReplicas: ready },
});

const lowRunway = {
  entityRef: 'resource:default/dsc-allocation',
  allocationId: 'dsc240021',
  owner: 'group:default/data-science',
  endDate: '2027-06-30',
  balanceSu: 9_000,
  burnSuPerHour: 40,
  runwayDays: 9,
  runsOutOn: '2026-12-16',
  idle: {
    suPerHour: 20,
    share: 0.25,
    removableNodes: [
      { cluster: 'js2-demo', name: 'w1', suPerHour: 16, podsMoved: 2 },
    ],
    savingsSuPerHour: 16,
    runwayDaysAfterScaleDown: 15,
    runsOutOnAfterScaleDown: '2026-12-22',
  },
} as unknown as AllocationResponse;

/** Two notifiers on one database, as two backend replicas would run them, and what they sent. */
async function setUp(databaseId: (typeof ids)[number][0]) {
  const knex = await databases.init(databaseId);
  const fake = fakeCollector();
  const sent: NotificationSendOptions[] = [];
  let failSends = 0;
  let clock = Date.UTC(2026, 11, 7, 10);
  const notifications = {
    send: jest.fn(async (options: NotificationSendOptions) => {
      if (failSends > 0) {
        failSends -= 1;
        throw new Error('notifications backend unavailable');
      }
      sent.push(options);
    }),
  };
  let runway: AllocationResponse | undefined;
  const replica = async () =>
    createNotifier({
      collector: fake.collector,
      directory: { view: async () => toDirectoryView([scienceApi]) },
      allocations: {
        summariseAll: async () =>
          runway ? [{ entityRef: runway.entityRef, summary: runway }] : [],
      },
      store: await createNoticeStore({
        database: mockServices.database({ knex }),
      }),
      notifications,
      logger: mockServices.logger.mock(),
      flapWindowMs: 60 * MIN,
      runwayThresholdDays: 30,
      now: () => clock,
    });
  return {
    fake,
    sent,
    replicas: [await replica(), await replica()],
    replica,
    tick: (ms: number) => {
      clock += ms;
    },
    failNextSends: (n: number) => {
      failSends = n;
    },
    setRunway: (r: AllocationResponse | undefined) => {
      runway = r;
    },
  };
}

describe('createNotifier', () => {
  it.each(ids)(
    'tells the owning group once when a service fails and once when it recovers, across two replicas, %p',
    async databaseId => {
      const { fake, sent, replicas, replica, tick } = await setUp(databaseId);
      fake.put('deployments', deployment(1));
      await Promise.all(replicas.map(r => r.check()));
      expect(sent).toEqual([]);

      fake.put('deployments', deployment(0));
      // both replicas check at the same moment, three rounds in a row
      for (let round = 0; round < 3; round++) {
        await Promise.all(replicas.map(r => r.check()));
        tick(30_000);
      }
      expect(sent).toHaveLength(1);
      expect(sent[0]).toEqual({
        recipients: { type: 'entity', entityRef: 'group:default/data-science' },
        payload: expect.objectContaining({
          title: 'Science API is failing: Deployment science/worker: 0/1 ready',
          severity: 'high',
          topic: 'Service health',
          link: '/catalog/default/component/science-api/workloads',
        }),
      });

      // a restarted replica reads what was told from the database
      const restarted = await replica();
      await restarted.check();
      expect(sent).toHaveLength(1);

      tick(60 * MIN);
      fake.put('deployments', deployment(1));
      await Promise.all([...replicas, restarted].map(r => r.check()));
      expect(sent).toHaveLength(2);
      expect(sent[1].payload).toMatchObject({
        title: 'Science API has recovered',
        description:
          'All 1 workloads of Science API are healthy again, after failing for about 62 minutes.',
        severity: 'normal',
      });
    },
  );

  it.each(ids)(
    'sends at most one notification per window while a pod flaps, %p',
    async databaseId => {
      const { fake, sent, replicas, tick } = await setUp(databaseId);
      for (let minute = 0; minute < 90; minute++) {
        fake.put('deployments', deployment(minute % 2));
        await replicas[minute % 2].check();
        tick(MIN);
      }
      // failing at minute 0; healthy or failing by turns after that, told again only after the window
      expect(sent.map(s => s.payload.title)).toEqual([
        'Science API is failing: Deployment science/worker: 0/1 ready',
        'Science API has recovered',
      ]);
    },
  );

  it.each(ids)(
    'tries a notification that could not be sent again on the next round, %p',
    async databaseId => {
      const { fake, sent, replicas, failNextSends } = await setUp(databaseId);
      fake.put('deployments', deployment(0));
      failNextSends(1);
      await replicas[0].check();
      expect(sent).toHaveLength(0);
      await replicas[1].check();
      await replicas[0].check();
      expect(sent).toHaveLength(1);
    },
  );

  it.each(ids)(
    'tells the group once when its allocation runs short, %p',
    async databaseId => {
      const { sent, replicas, setRunway, tick } = await setUp(databaseId);
      setRunway(lowRunway);
      await Promise.all(replicas.map(r => r.check()));
      await Promise.all(replicas.map(r => r.check()));
      expect(sent).toHaveLength(1);
      expect(sent[0]).toEqual({
        recipients: { type: 'entity', entityRef: 'group:default/data-science' },
        payload: expect.objectContaining({
          title: 'Allocation dsc240021 runs out in 9 days, on 2026-12-16',
          severity: 'high',
          topic: 'Allocation runway',
          link: '/catalog/default/resource/dsc-allocation/allocation',
        }),
      });
      expect(sent[0].payload.description).toContain(
        'Removing 1 idle node(s) would save 16 SU/h and make it last 15 days.',
      );
      // topped up: nothing is sent, and a later fall is told again
      setRunway({ ...lowRunway, runwayDays: 200 });
      tick(2 * 60 * MIN);
      await replicas[0].check();
      expect(sent).toHaveLength(1);
      setRunway(lowRunway);
      tick(2 * 60 * MIN);
      await replicas[1].check();
      expect(sent).toHaveLength(2);
    },
  );
});
