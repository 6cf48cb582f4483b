import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { captureLogs } from './__testUtils__/captureLogs';
import {
  localClusterConfig,
  useLocalCluster,
  type LocalCluster,
} from './__testUtils__/localCluster';
import { timed, waitFor } from './__testUtils__/waitFor';
import { jetstream2KubernetesPlugin } from './plugin';
import { PERSIST_CLUSTER_SUMMARIES } from './scheduled/persistClusterSummaries';

// Two real backend instances on one real PostgreSQL and the real local control plane: every replica answers
// with live data from its own watches; Backstage's scheduler (a global task, on the same database) decides
// which one writes each round of summaries.
jest.setTimeout(10 * 60_000);

const ns = `replicas-${Date.now().toString(36)}`;
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'replica-app',
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': 'replica-app',
        'backstage.io/kubernetes-namespace': ns,
      },
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  },
];

const manifest = `
apiVersion: v1
kind: Namespace
metadata: { name: ${ns} }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: replica
  namespace: ${ns}
  labels: { backstage.io/kubernetes-id: replica-app }
spec:
  replicas: 2
  selector: { matchLabels: { app: replica } }
  template:
    metadata:
      labels: { app: replica, backstage.io/kubernetes-id: replica-app }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`;

interface Replica {
  name: string;
  server: any;
  stop: () => Promise<void>;
  /** When this replica's runs of the summary task wrote at least one cluster. */
  writes: () => number[];
}

async function startReplica(
  name: string,
  cluster: LocalCluster,
  knex: Knex,
): Promise<Replica> {
  const logs = captureLogs();
  const backend = await startTestBackend({
    features: [
      jetstream2KubernetesPlugin,
      logs.factory,
      // the real scheduler, so that the replicas share its task table in PostgreSQL
      schedulerServiceFactory,
      catalogServiceMock.factory({ entities: entities as any }),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: localClusterConfig(cluster),
          jetstream2Kubernetes: {
            collection: {
              healthInterval: '500ms',
              persistInterval: '500ms',
            },
          },
        },
      }),
    ],
  });
  return {
    name,
    server: backend.server,
    stop: () => backend.stop(),
    writes: () =>
      logs
        .lines()
        .filter(
          l =>
            l.message.startsWith(`${PERSIST_CLUSTER_SUMMARIES}: wrote`) &&
            !l.message.includes(' of 0 cluster'),
        )
        .map(l => l.at),
  };
}

interface View {
  status: string;
  pods: string[];
}

async function view(replica: Replica): Promise<View> {
  const res = await request(replica.server).get(
    '/api/jetstream2-kubernetes/entities/default/component/replica-app/workloads',
  );
  if (res.status !== 200) {
    throw new Error(`The entity route answered ${res.status}: ${res.text}`);
  }
  const cluster = res.body.clusters[0];
  const pods = cluster.resources.find((r: any) => r.type === 'pods').resources;
  return {
    status: cluster.status,
    pods: pods
      .filter((p: any) => !p.metadata.deletionTimestamp)
      .map((p: any) => p.metadata.name)
      .sort(),
  };
}

describe('two backend replicas on one PostgreSQL', () => {
  let cluster: LocalCluster;
  let knex: Knex;
  const replicas: Replica[] = [];

  beforeAll(async () => {
    if (!databases.supports('POSTGRES_15')) {
      throw new Error(
        'This test needs PostgreSQL: set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (npm test starts one).',
      );
    }
    knex = await databases.init('POSTGRES_15');
    cluster = await useLocalCluster();
    const file = path.join(os.tmpdir(), `${ns}.yaml`);
    fs.writeFileSync(file, manifest);
    await cluster.kubectl('apply', '-f', file);
    replicas.push(await startReplica('first', cluster, knex));
    replicas.push(await startReplica('second', cluster, knex));
  });

  afterAll(async () => {
    for (const r of replicas) await r.stop().catch(() => {});
    await cluster?.kubectl('delete', 'namespace', ns, '--wait=false');
    await cluster?.dispose();
  });

  it('answers the same live pods on both, and both see a kubectl scale within 5 s', async () => {
    const [a, b] = replicas;
    const both = async () => [await view(a), await view(b)];
    const settled = await waitFor(
      'both replicas to show the 2 pods on a cluster in sync',
      both,
      // the pods can arrive before the cluster's other types are listed (status still 'pending')
      ([va, vb]) =>
        va.pods.length === 2 &&
        vb.pods.length === 2 &&
        va.status === 'ok' &&
        vb.status === 'ok',
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    expect(settled[0]).toEqual(settled[1]);
    expect(settled[0].status).toBe('ok');

    await cluster.kubectl(
      '-n',
      ns,
      'scale',
      'deployment',
      'replica',
      '--replicas=3',
    );
    const scaled = await timed(() =>
      waitFor(
        'both replicas to show 3 pods after kubectl scale',
        both,
        ([va, vb]) => va.pods.length === 3 && vb.pods.length === 3,
        { timeoutMs: 5_000, intervalMs: 100 },
      ),
    );
    expect(scaled.ms).toBeLessThanOrEqual(5_000);
    expect(scaled.value[0].pods).toEqual(scaled.value[1].pods);
  });

  it('hands the summary writes over when the replica that wrote last stops, whichever it is', async () => {
    const lastWrite = (r: Replica) => Math.max(0, ...r.writes());
    await waitFor(
      'a replica to write the summary of js2-demo',
      () => replicas.some(r => r.writes().length > 0),
      Boolean,
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    // The replica that wrote last is the writer of the moment: stop it, the other must take the task over.
    const [writer, other] =
      lastWrite(replicas[0]) >= lastWrite(replicas[1])
        ? [replicas[0], replicas[1]]
        : [replicas[1], replicas[0]];
    replicas.splice(0, 2, other);
    await writer.stop();
    const stoppedAt = Date.now();

    await cluster.kubectl(
      '-n',
      ns,
      'scale',
      'deployment',
      'replica',
      '--replicas=1',
    );
    const after = await timed(() =>
      waitFor(
        `the remaining replica (${other.name}) to show the scale-down`,
        () => view(other),
        v => v.pods.length === 1 && v.status === 'ok',
        { timeoutMs: 30_000, intervalMs: 100 },
      ),
    );
    expect(after.ms).toBeLessThan(30_000);
    // Written after the stop, from data collected after the stop: only the remaining replica can have.
    const row = await waitFor(
      `a summary written by the remaining replica (${other.name}) after the ${writer.name} replica stopped`,
      () =>
        knex('cluster_snapshots').where({ cluster_name: 'js2-demo' }).first(),
      r =>
        Number(r?.updated_at) > stoppedAt &&
        Date.parse(r?.collected_at) > stoppedAt,
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    expect(JSON.parse(row.detail).namespaces).toContain(ns);
    expect(other.writes().some(t => t > stoppedAt)).toBe(true);
    expect(await knex.schema.hasTable('collector_leases')).toBe(false);
  });

  it('never serves old data as fresh after a replica comes back', async () => {
    await cluster.kubectl(
      '-n',
      ns,
      'scale',
      'deployment',
      'replica',
      '--replicas=2',
    );
    const back = await startReplica('returning', cluster, knex);
    replicas.push(back);
    // Every answer from the returning replica is either not yet in sync, or the cluster as it is now.
    const seen: View[] = [];
    await waitFor(
      'the returning replica to show the 2 current pods',
      async () => {
        const v = await view(back);
        seen.push(v);
        return v;
      },
      v => v.status === 'ok' && v.pods.length === 2,
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    const okCounts = seen
      .filter(v => v.status === 'ok')
      .map(v => v.pods.length);
    expect(okCounts.every(n => n === 2)).toBe(true);
  });
});
