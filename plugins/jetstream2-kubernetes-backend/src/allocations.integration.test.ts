import { createServiceFactory } from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import type { Knex } from 'knex';
import request from 'supertest';
import { captureLogs } from './__testUtils__/captureLogs';
import {
  localClusterConfig,
  useLocalCluster,
  type LocalCluster,
} from './__testUtils__/localCluster';
import { waitFor } from './__testUtils__/waitFor';
import { jetstream2KubernetesPlugin } from './plugin';
import { SAMPLE_SU_HISTORY } from './scheduled/sampleSuHistory';
import { SEND_NOTIFICATIONS } from './scheduled/sendNotifications';

// Two backend replicas on one real PostgreSQL and the real local control plane (with its seed workloads:
// JupyterHub's hub is Pending on a claim that cannot bind, so the service is failing). Backstage's scheduler
// picks which replica writes the SU history and sends notifications; the database keeps both honest.
jest.setTimeout(10 * 60_000);

const BUCKET_MS = 2_000;
const SAMPLE_MS = 250;
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'jupyterhub',
      namespace: 'default',
      title: 'JupyterHub',
      annotations: {
        'backstage.io/kubernetes-id': 'jupyterhub',
        'jetstream2.org/allocation': 'sgw240017',
      },
    },
    spec: {
      type: 'service',
      owner: 'science-gateways',
      lifecycle: 'production',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'js2-demo',
      namespace: 'default',
      annotations: { 'jetstream2.org/allocation': 'rct000001' },
    },
    spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'rct-allocation', namespace: 'default' },
    spec: {
      type: 'jetstream2-allocation',
      owner: 'platform-team',
      allocationId: 'rct000001',
      balanceSu: 500_000,
      endDate: '2027-06-30',
    },
  },
];

interface Replica {
  name: string;
  server: any;
  stop: () => Promise<void>;
  /** When this replica ran the task (from its debug lines). */
  runs: (taskId: string) => number[];
}

async function startReplica(
  name: string,
  cluster: LocalCluster,
  knex: Knex,
  sent: Array<NotificationSendOptions & { replica: string }>,
): Promise<Replica> {
  const logs = captureLogs();
  const backend = await startTestBackend({
    features: [
      jetstream2KubernetesPlugin,
      logs.factory,
      schedulerServiceFactory,
      catalogServiceMock.factory({ entities: entities as any }),
      mockServices.database.factory({ knex }),
      // what the notifications backend would receive, and from which replica
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (options: NotificationSendOptions) => {
            sent.push({ ...options, replica: name });
          },
        }),
      }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: localClusterConfig(cluster),
          jetstream2Kubernetes: {
            collection: { healthInterval: '500ms' },
            history: {
              bucket: `${BUCKET_MS}ms`,
              sampleInterval: `${SAMPLE_MS}ms`,
            },
            notifications: { interval: '300ms', flapWindow: '1h' },
          },
        },
      }),
    ],
  });
  return {
    name,
    server: backend.server,
    stop: () => backend.stop(),
    runs: taskId =>
      logs
        .lines()
        .filter(l => l.message.startsWith(`${taskId}:`))
        .map(l => l.at),
  };
}

interface SampleRow {
  bucket_start: string;
  su_sum: number;
  observations: number;
}

const clusterRows = async (knex: Knex): Promise<SampleRow[]> =>
  knex('su_samples')
    .where({ cluster: 'js2-demo', entity_ref: '' })
    .orderBy('bucket_start');

describe('the SU history and notifications with two replicas on one PostgreSQL', () => {
  let cluster: LocalCluster;
  let knex: Knex;
  const sent: Array<NotificationSendOptions & { replica: string }> = [];
  const replicas: Replica[] = [];
  const allRuns = (taskId: string) =>
    replicas.flatMap(r => r.runs(taskId)).length;

  beforeAll(async () => {
    if (!databases.supports('POSTGRES_15')) {
      throw new Error(
        'This test needs PostgreSQL: set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (npm test starts one).',
      );
    }
    knex = await databases.init('POSTGRES_15');
    cluster = await useLocalCluster();
    replicas.push(await startReplica('first', cluster, knex, sent));
    replicas.push(await startReplica('second', cluster, knex, sent));
  });

  afterAll(async () => {
    for (const r of replicas) await r.stop().catch(() => {});
    await cluster?.dispose();
  });

  it("tells JupyterHub's owners once about its failing hub, however many rounds either replica runs", async () => {
    const hubNotices = () =>
      sent.filter(s => s.payload.title.startsWith('JupyterHub is failing'));
    await waitFor(
      'a notification that JupyterHub is failing',
      hubNotices,
      n => n.length > 0,
      { timeoutMs: 120_000, intervalMs: 100 },
    );
    // ten more rounds, on whichever replica takes each
    const rounds = allRuns(SEND_NOTIFICATIONS);
    await waitFor(
      'ten more notification rounds',
      () => allRuns(SEND_NOTIFICATIONS),
      n => n >= rounds + 10,
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    expect(hubNotices()).toHaveLength(1);
    const [notice] = hubNotices();
    expect(notice.recipients).toEqual({
      type: 'entity',
      entityRef: 'group:default/science-gateways',
    });
    expect(notice.payload).toMatchObject({
      // the status as every screen shows it, e.g. "0/1 ready (ProgressDeadlineExceeded)" once it has stalled
      title: expect.stringMatching(
        /^JupyterHub is failing: Deployment jhub\/hub: 0\/1 ready/,
      ),
      severity: 'high',
      topic: 'Service health',
      link: expect.stringMatching(/^\/jetstream2-kubernetes\/guides\//),
    });
    // both replicas took rounds: the single notification is the database's doing, not one idle replica's
    expect(replicas.every(r => r.runs(SEND_NOTIFICATIONS).length > 0)).toBe(
      true,
    );
  });

  it('writes one sample per bucket, the mean of the live cost, with no gap when the writer stops', async () => {
    await waitFor(
      'three buckets of js2-demo in the history',
      () => clusterRows(knex),
      rows => rows.length >= 3,
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    const lastRun = (r: Replica) => Math.max(0, ...r.runs(SAMPLE_SU_HISTORY));
    const [writer, other] =
      lastRun(replicas[0]) >= lastRun(replicas[1])
        ? [replicas[0], replicas[1]]
        : [replicas[1], replicas[0]];
    replicas.splice(0, 2, other);
    await writer.stop();
    const stoppedAt = Date.now();

    const rows = await waitFor(
      `three buckets written by the remaining replica (${other.name}) after the ${writer.name} replica stopped`,
      () => clusterRows(knex),
      r => r.some(row => Number(row.bucket_start) >= stoppedAt + 2 * BUCKET_MS),
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    expect(other.runs(SAMPLE_SU_HISTORY).some(t => t > stoppedAt)).toBe(true);

    const buckets = rows.map(r => Number(r.bucket_start));
    // one row per bucket (the table's key), and every bucket from the first to the last
    expect(new Set(buckets).size).toBe(buckets.length);
    const expected = Array.from(
      { length: (buckets[buckets.length - 1] - buckets[0]) / BUCKET_MS + 1 },
      (_, i) => buckets[0] + i * BUCKET_MS,
    );
    expect(buckets).toEqual(expected);
    // never more measurements in a bucket than one writer takes: no replica's measurement counted twice
    const most = Math.max(...rows.map(r => Number(r.observations)));
    expect(most).toBeLessThanOrEqual(BUCKET_MS / SAMPLE_MS + 1);
    // the local cluster's nodes: 2 × m3.medium, 2 × m3.large, 1 × g3.medium = 80 SU per hour
    for (const row of rows) {
      expect(Number(row.su_sum) / Number(row.observations)).toBe(80);
    }
  });

  it('serves the allocation from the history either replica wrote, and a returning replica sends nothing again', async () => {
    const returning = await startReplica('returning', cluster, knex, sent);
    replicas.push(returning);
    const before = sent.length;
    const rounds = returning.runs(SEND_NOTIFICATIONS).length;
    await waitFor(
      'the returning replica to run five notification rounds',
      () => returning.runs(SEND_NOTIFICATIONS).length,
      n => n >= rounds + 5,
      { timeoutMs: 120_000, intervalMs: 100 },
    );
    expect(sent.slice(before)).toEqual([]);

    const res = await request(returning.server).get(
      '/api/jetstream2-kubernetes/allocations/default/rct-allocation',
    );
    expect(res.status).toBe(200);
    expect(res.body.burnBasis).toBe('history');
    expect(res.body.history.length).toBeGreaterThanOrEqual(6);
    // the platform's allocation pays for the nodes less JupyterHub's pods, charged to the gateways
    expect(res.body.burnSuPerHour).toBeGreaterThan(70);
    expect(res.body.burnSuPerHour).toBeLessThanOrEqual(80);
    expect(res.body.byCluster[0]).toMatchObject({
      cluster: 'js2-demo',
      paysForNodes: true,
    });
    expect(res.body.runwayDays).toBe(
      Math.floor(res.body.balanceSu / res.body.burnSuPerHour / 24),
    );
  });
});
