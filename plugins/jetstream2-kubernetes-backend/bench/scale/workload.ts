/**
 * The scale bench's workload, created once in the API server that every cluster name points at: the
 * group's services (one Deployment of one pod and a Service each, in namespace bench-team) and background
 * Deployments of ten pods each (other teams' work) up to the pods per cluster; then the wait until the
 * real controllers, scheduler and simulated nodes run them all.
 */
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../../src/__testUtils__/waitFor';
import type { Cluster } from '../cluster';
import type { Run } from '../run';
import type { ScaleOptions } from './options';

export const TEAM_NAMESPACE = 'bench-team';
const BACKGROUND_PER_NAMESPACE = 10;
const REPLICAS = 10;

export const serviceName = (i: number) => `svc-${i}`;
const backgroundNamespace = (i: number) =>
  `bench-bg-${Math.floor(i / BACKGROUND_PER_NAMESPACE)}`;

/** A node list for the bench's control plane: one control-plane node and workers for every pod. */
export function writeNodesFile(dir: string, pods: number): string {
  const workers = Math.max(1, Math.ceil(pods / 100));
  const lines = [
    '# Written by the scale bench (bench/scale/workload.ts).',
    'region: IU',
    'zone: nova',
    'nodes:',
    '  - name: scale-control-plane-0',
    '    flavor: m3.medium',
    '    role: control-plane',
  ];
  for (let i = 0; i < workers; i++) {
    lines.push(`  - name: scale-worker-${i}`, '    flavor: m3.large');
  }
  const file = path.join(dir, 'scale-nodes.yaml');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** How many nodes writeNodesFile puts in the cluster. */
export const nodeCount = (pods: number) =>
  1 + Math.max(1, Math.ceil(pods / 100));

function deployment(name: string, namespace: string, replicas: number) {
  const labels = { 'backstage.io/kubernetes-id': name, app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { ...labels, 'js2-bench': 'true' } },
        spec: {
          containers: [
            {
              name: 'main',
              image: `ghcr.io/example-org/${name}:1.0.0`,
              ports: [{ name: 'http', containerPort: 8080 }],
              resources: {
                requests: { cpu: '10m', memory: '16Mi' },
                limits: { cpu: '100m', memory: '64Mi' },
              },
            },
          ],
        },
      },
    },
  };
}

function service(name: string, namespace: string) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      namespace,
      labels: { 'backstage.io/kubernetes-id': name },
    },
    spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }] },
  };
}

async function ensureNamespace(cluster: Cluster, name: string) {
  await cluster.admin('POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name },
  });
  // Pods are admitted only once the service-account controller made the namespace's "default" account.
  await waitFor(
    `the default service account of namespace ${name}`,
    async () =>
      (
        await cluster.admin('GET', `/api/v1/namespaces/${name}/serviceaccounts`)
      ).items?.some((sa: any) => sa.metadata?.name === 'default'),
    ok => ok === true,
    { timeoutMs: 60_000, intervalMs: 200 },
  );
}

/** The background Deployments: ten pods each (the last one fewer) until `pods` pods. */
export function backgroundDeployments(pods: number) {
  const out: Array<{ name: string; namespace: string; replicas: number }> = [];
  for (let i = 0, left = pods; left > 0; i++, left -= REPLICAS) {
    out.push({
      name: `bg-${i}`,
      namespace: backgroundNamespace(i),
      replicas: Math.min(REPLICAS, left),
    });
  }
  return out;
}

/** Creates the namespaces, Deployments and Services; resolves with the pods they will run. */
export async function createScaleWorkload(
  run: Run,
  cluster: Cluster,
  opts: Pick<ScaleOptions, 'podsPerCluster' | 'services'>,
): Promise<number> {
  const background = backgroundDeployments(opts.podsPerCluster - opts.services);
  const namespaces = new Set([
    TEAM_NAMESPACE,
    ...background.map(b => b.namespace),
  ]);
  for (const ns of namespaces) await ensureNamespace(cluster, ns);
  const create = (p: string, body: unknown) => cluster.admin('POST', p, body);
  const apps = (ns: string) => `/apis/apps/v1/namespaces/${ns}/deployments`;
  for (let i = 0; i < opts.services; i++) {
    await create(
      apps(TEAM_NAMESPACE),
      deployment(serviceName(i), TEAM_NAMESPACE, 1),
    );
    await create(
      `/api/v1/namespaces/${TEAM_NAMESPACE}/services`,
      service(serviceName(i), TEAM_NAMESPACE),
    );
  }
  for (const b of background) {
    await create(
      apps(b.namespace),
      deployment(b.name, b.namespace, b.replicas),
    );
  }
  run.log(
    `created ${opts.services} services and ${background.length} background deployments in ${namespaces.size} namespaces`,
  );
  return opts.podsPerCluster;
}

/** Every bench pod, as namespace/name, once all are Running (polled every 2 s until `until`). */
export async function waitScaleRunning(
  run: Run,
  cluster: Cluster,
  total: number,
  until: number,
): Promise<Array<{ namespace: string; name: string; entity: string }>> {
  const q = new URLSearchParams({ labelSelector: 'js2-bench=true' });
  let last = '';
  const pods = await waitFor(
    `all ${total} bench pods to be Running`,
    async () => {
      const list = await cluster.admin('GET', `/api/v1/pods?${q}`);
      const items: any[] = list.items ?? [];
      const running = items.filter(
        p => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp,
      );
      const line = `${running.length} of ${total} pods Running`;
      if (line !== last) run.log(line);
      last = line;
      return running;
    },
    running => running.length === total,
    {
      timeoutMs: Math.max(0, until - Date.now()),
      intervalMs: 2000,
      describe: running =>
        `${
          running?.length ?? 0
        } of ${total} pods Running (scheduler or simulated nodes too slow)`,
    },
  );
  return pods.map(p => ({
    namespace: p.metadata.namespace,
    name: p.metadata.name,
    entity: p.metadata.labels['backstage.io/kubernetes-id'],
  }));
}
