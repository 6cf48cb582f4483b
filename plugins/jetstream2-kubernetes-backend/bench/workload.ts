/**
 * The workload: bare pods in bench-ns-NN namespaces, labelled `backstage.io/kubernetes-id: bench-<n>` for
 * the entities plus FIFTY for bench-fifty, created through the admin client; then the wait until the real
 * scheduler placed them and the simulated nodes run them.
 */
import type { Cluster } from './cluster';
import { waitFor } from '../src/__testUtils__/waitFor';
import { FIFTY } from './options';
import type { BenchOptions } from './options';
import type { Run } from './run';

const nsName = (i: number) => `bench-ns-${String(i).padStart(2, '0')}`;

function pod(name: string, namespace: string, entity: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels: {
        'backstage.io/kubernetes-id': entity,
        app: entity,
        'js2-bench': 'true',
      },
    },
    spec: {
      containers: [
        {
          name: 'main',
          image: 'registry.k8s.io/pause:3.10',
          resources: {
            requests: { cpu: '10m', memory: '16Mi' },
            limits: { cpu: '100m', memory: '64Mi' },
          },
        },
      ],
    },
  };
}

/** Creates the namespaces and the pods (16 at a time); returns how many pods. */
export async function createWorkload(
  run: Run,
  cluster: Cluster,
  opts: Pick<BenchOptions, 'pods' | 'namespaces' | 'entities'>,
) {
  for (let n = 0; n < opts.namespaces; n++) {
    await cluster.admin('POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: nsName(n) },
    });
  }
  // Pods are admitted only once the service-account controller made each namespace's "default" account.
  const deadline = Date.now() + 60_000;
  for (let n = 0; n < opts.namespaces; n++) {
    for (;;) {
      const list = await cluster.admin(
        'GET',
        `/api/v1/namespaces/${nsName(n)}/serviceaccounts`,
      );
      if ((list.items ?? []).some((sa: any) => sa.metadata?.name === 'default'))
        break;
      if (Date.now() > deadline)
        throw new Error(
          `No default service account in ${nsName(n)} after 60 s`,
        );
      await new Promise(r => setTimeout(r, 200));
    }
  }
  // pod i: namespace i / (pods / namespaces), entity i % entities; then bench-fifty's pods
  const perNs = Math.ceil(opts.pods / opts.namespaces);
  const pods: Array<ReturnType<typeof pod>> = [];
  for (let i = 0; i < opts.pods; i++) {
    pods.push(
      pod(
        `p-${i}`,
        nsName(Math.floor(i / perNs)),
        `bench-${i % opts.entities}`,
      ),
    );
  }
  for (let i = 0; i < FIFTY; i++)
    pods.push(pod(`fifty-${i}`, nsName(i % opts.namespaces), 'bench-fifty'));
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < pods.length) {
      const p = pods[next++];
      await cluster.admin(
        'POST',
        `/api/v1/namespaces/${p.metadata.namespace}/pods`,
        p,
      );
      if (++done % 2000 === 0) run.log(`${done} pods created`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return pods.length;
}

/** Waits until every bench pod is Running (polling every 5 s), or throws at `until`. */
export async function waitAllRunning(
  run: Run,
  cluster: Cluster,
  total: number,
  until: number,
) {
  const q = new URLSearchParams({
    labelSelector: 'js2-bench=true',
    fieldSelector: 'status.phase!=Running',
  });
  let last = -1;
  await waitFor(
    `all ${total} bench pods to be Running`,
    async () => {
      const list = await cluster.admin(
        'GET',
        `/api/v1/pods?${q}`,
        undefined,
        'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
      );
      const notRunning = (list.items ?? []).length;
      if (notRunning !== last && notRunning > 0)
        run.log(`${total - notRunning} of ${total} pods Running`);
      last = notRunning;
      return notRunning;
    },
    notRunning => notRunning === 0,
    {
      timeoutMs: Math.max(0, until - Date.now()),
      intervalMs: 5000,
      describe: notRunning =>
        `${notRunning} of ${total} pods are still not Running (scheduler or simulated nodes too slow)`,
    },
  );
}
