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
import { jetstream2KubernetesPlugin } from './plugin';
import { useLocalCluster, type LocalCluster } from './testing/localCluster';

// Two real backend instances on one real PostgreSQL and the real local control plane: every replica answers
// with live data from its own watches; the database lease only decides which one writes summaries.
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
  server: any;
  stop: () => Promise<void>;
}

async function startReplica(
  cluster: LocalCluster,
  knex: Knex,
): Promise<Replica> {
  const backend = await startTestBackend({
    features: [
      jetstream2KubernetesPlugin,
      catalogServiceMock.factory({ entities: entities as any }),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: 'js2-demo',
                    url: cluster.url,
                    authProvider: 'serviceAccount',
                    serviceAccountToken: cluster.token,
                    caFile: cluster.caFile,
                  },
                ],
              },
            ],
          },
          jetstream2Kubernetes: {
            collection: {
              healthInterval: '500ms',
              persistInterval: '500ms',
              leaseDuration: '2s',
            },
          },
        },
      }),
    ],
  });
  return { server: backend.server, stop: () => backend.stop() };
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

async function until<T>(
  what: string,
  fn: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs: number,
): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  let last: T | undefined;
  for (;;) {
    last = await fn();
    if (ok(last)) return { value: last, ms: Date.now() - start };
    if (Date.now() - start > timeoutMs) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(
          last,
        )}`,
      );
    }
    await new Promise(r => setTimeout(r, 100));
  }
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
    replicas.push(await startReplica(cluster, knex));
    replicas.push(await startReplica(cluster, knex));
  });

  afterAll(async () => {
    for (const r of replicas) await r.stop().catch(() => {});
    await cluster?.kubectl('delete', 'namespace', ns, '--wait=false');
    await cluster?.dispose();
  });

  it('answers the same live pods on both, and both see a kubectl scale within 5 s', async () => {
    const [a, b] = replicas;
    const both = async () => [await view(a), await view(b)];
    const settled = await until(
      'both replicas to show the 2 pods',
      both,
      ([va, vb]) => va.pods.length === 2 && vb.pods.length === 2,
      60_000,
    );
    expect(settled.value[0]).toEqual(settled.value[1]);
    expect(settled.value[0].status).toBe('ok');

    await cluster.kubectl(
      '-n',
      ns,
      'scale',
      'deployment',
      'replica',
      '--replicas=3',
    );
    const scaled = await until(
      'both replicas to show 3 pods after kubectl scale',
      both,
      ([va, vb]) => va.pods.length === 3 && vb.pods.length === 3,
      5_000,
    );
    expect(scaled.ms).toBeLessThanOrEqual(5_000);
    expect(scaled.value[0].pods).toEqual(scaled.value[1].pods);
  });

  it('keeps answering fresh data after the lease holder stops, and the other takes over the writes', async () => {
    const lease = async () =>
      knex('collector_leases').where({ name: 'collector' }).first();
    await until(
      'a replica to hold the lease',
      lease,
      row => Boolean(row?.holder),
      30_000,
    );
    // Stop the first replica; whichever held the lease, the second must answer fresh data and write.
    const [first, second] = replicas.splice(0, 2);
    await first.stop();
    replicas.push(second);
    const stoppedAt = Date.now();
    await cluster.kubectl(
      '-n',
      ns,
      'scale',
      'deployment',
      'replica',
      '--replicas=1',
    );
    const after = await until(
      'the remaining replica to show the scale-down',
      () => view(second),
      v => v.pods.length === 1 && v.status === 'ok',
      30_000,
    );
    expect(after.ms).toBeLessThan(30_000);
    await until(
      'the remaining replica to hold the lease and write the new summary',
      async () => ({
        lease: await lease(),
        row: await knex('cluster_snapshots')
          .where({ cluster_name: 'js2-demo' })
          .first(),
      }),
      ({ lease: l, row }) =>
        Boolean(l?.holder) &&
        Number(l.expires_at) > Date.now() &&
        Number(row?.updated_at) > stoppedAt,
      30_000,
    );
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
    const back = await startReplica(cluster, knex);
    replicas.push(back);
    // Every answer from the returning replica is either not yet in sync, or the cluster as it is now.
    const seen: View[] = [];
    await until(
      'the returning replica to show the 2 current pods',
      async () => {
        const v = await view(back);
        seen.push(v);
        return v;
      },
      v => v.status === 'ok' && v.pods.length === 2,
      60_000,
    );
    const okCounts = seen
      .filter(v => v.status === 'ok')
      .map(v => v.pods.length);
    expect(okCounts.every(n => n === 2)).toBe(true);
  });
});
