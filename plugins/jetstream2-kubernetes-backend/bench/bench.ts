/*
 * Benchmark: our entity-workloads answer (from the collector's cache) against upstream's per-request fan-out
 * (the fetcher behind POST /api/kubernetes/services/:entityName), on the real local control plane with
 * thousands of pods. Prints figures; asserts nothing.
 *
 *   npm run bench --workspace @internal/plugin-jetstream2-kubernetes-backend -- [--pods 3000] [--memory-pods 10000]
 *
 * API-server requests are counted by two small HTTP proxies in front of the API server, one per side.
 * Both sides are measured at the service level (catalog lookup stubbed, JSON serialisation included), so
 * the figures compare the work each does per request, without the HTTP and auth layers they share.
 */
import { stringifyEntityRef } from '@backstage/catalog-model';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createClusterWatcher } from '../src/services/ClusterCollector/clusterWatcher';
import { createClusterDataService } from '../src/services/ClusterData/createClusterDataService';
import { createEntityWorkloadsService } from '../src/services/EntityWorkloads/createEntityWorkloadsService';
import {
  useLocalCluster,
  type LocalCluster,
} from '../src/testing/localCluster';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PODS = arg('pods', 3000);
const MEMORY_PODS = arg('memory-pods', 10000);
const OURS_RUNS = arg('runs', 50);
const UPSTREAM_RUNS = arg('upstream-runs', 20);
const NS = 'bench';
const ENTITY_ID = 'bench-app';

const logger: any = {
  info: () => {},
  warn: (m: string) => process.stderr.write(`warn: ${m}\n`),
  error: (m: string) => process.stderr.write(`error: ${m}\n`),
  debug: () => {},
  child: () => logger,
};

/** A plain-HTTP proxy to the API server that counts requests (watches count once). */
export async function countingProxy(target: string, caFile: string) {
  const ca = fs.readFileSync(caFile);
  const t = new URL(target);
  const counts = { total: 0, byPath: new Map<string, number>() };
  const server = http.createServer((req, res) => {
    counts.total += 1;
    const p = (req.url ?? '').split('?')[0];
    counts.byPath.set(p, (counts.byPath.get(p) ?? 0) + 1);
    const upstream = https.request(
      {
        host: t.hostname,
        port: t.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: t.host },
        ca,
      },
      up => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        res.flushHeaders(); // watches send headers long before their first event
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
    res.on('close', () => upstream.destroy());
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function podManifests(from: number, to: number): string {
  const items = [];
  for (let i = from; i < to; i++) {
    items.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `bench-${i}`,
        namespace: NS,
        labels: {
          'backstage.io/kubernetes-id': ENTITY_ID,
          app: 'bench',
          shard: String(i % 10),
        },
      },
      spec: {
        containers: [
          {
            name: 'main',
            image: 'registry.k8s.io/pause:3.10',
            resources: { requests: { cpu: '1m', memory: '1Mi' } },
          },
        ],
      },
    });
  }
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
}

async function ensurePods(cluster: LocalCluster, count: number) {
  await cluster.kubectl('create', 'namespace', NS).catch(() => {});
  const existing = Number(
    (
      await cluster
        .kubectl('get', 'pods', '-n', NS, '--no-headers', '-o', 'name')
        .catch(() => '')
    )
      .split('\n')
      .filter(Boolean).length,
  );
  if (existing >= count) return;
  const file = path.join(os.tmpdir(), `bench-pods-${process.pid}.json`);
  const batch = 500;
  for (let from = existing; from < count; from += batch) {
    fs.writeFileSync(file, podManifests(from, Math.min(count, from + batch)));
    await cluster.kubectl('create', '-f', file);
    process.stderr.write(
      `bench: ${Math.min(count, from + batch)} pods created\n`,
    );
  }
  fs.rmSync(file, { force: true });
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function time(
  runs: number,
  fn: () => Promise<unknown>,
): Promise<{ p50: number; p95: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const body = JSON.stringify(await fn());
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    bytes = body.length;
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
}

async function waitSynced(
  watcher: ReturnType<typeof createClusterWatcher>,
  pods: number,
) {
  for (;;) {
    const s = watcher.snapshot();
    const benchPods = (s.objects.pods ?? []).filter(
      p => p.metadata?.namespace === NS,
    ).length;
    if (s.status === 'ok' && s.collectedAt && benchPods >= pods) return s;
    await new Promise(r => setTimeout(r, 500));
  }
}

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;

async function main() {
  const cluster = await useLocalCluster();
  try {
    await ensurePods(cluster, PODS);
    const oursProxy = await countingProxy(cluster.url, cluster.caFile);
    const upstreamProxy = await countingProxy(cluster.url, cluster.caFile);

    // --- ours: one collector, then requests served from its cache
    const definition = {
      ...cluster.definition('js2-demo'),
      url: oursProxy.url,
      skipTLSVerify: true,
    };
    const watcher = createClusterWatcher({
      cluster: definition,
      logger,
      settings: {
        healthIntervalMs: 15_000,
        requestTimeoutMs: 30_000,
        minBackoffMs: 1000,
        maxBackoffMs: 30_000,
        listPageSize: 500,
      },
    });
    const t0 = Date.now();
    watcher.start();
    await waitSynced(watcher, PODS);
    const syncMs = Date.now() - t0;
    const requestsToSync = oursProxy.counts.total;
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: ENTITY_ID,
        namespace: 'default',
        annotations: { 'backstage.io/kubernetes-id': ENTITY_ID },
      },
      spec: {},
    };
    const collector = {
      start: async () => {},
      stop: async () => {},
      clusterNames: () => ['js2-demo'],
      snapshot: () => watcher.snapshot(),
      isCollecting: () => true,
    };
    const store: any = {
      listClusters: async () => [],
      getCluster: async () => undefined,
      saveCluster: async () => {},
    };
    const clusterData = createClusterDataService({ collector, store, logger });
    const service = createEntityWorkloadsService({
      catalog: { getEntityByRef: async () => entity } as any,
      clusterData,
    });
    const ref = { kind: 'Component', namespace: 'default', name: ENTITY_ID };
    const before = oursProxy.counts.total;
    const ours = await time(OURS_RUNS, () =>
      service.getEntityWorkloads(ref, { credentials: {} as any }),
    );
    const oursRequests = oursProxy.counts.total - before;
    const oursResult = await service.getEntityWorkloads(ref, {
      credentials: {} as any,
    });
    const oursPods = oursResult.clusters[0].resources.find(
      r => r.type === 'pods',
    )!.resources.length;

    // --- upstream: the fetcher behind POST /api/kubernetes/services/:entityName, one fan-out per request
    const {
      KubernetesClientBasedFetcher,
    } = require('@backstage/plugin-kubernetes-backend/dist/service/KubernetesFetcher.cjs.js');
    const {
      KubernetesConnection,
    } = require('@backstage/plugin-kubernetes-backend/dist/service/KubernetesConnection.cjs.js');
    const { DEFAULT_OBJECTS } = require('@backstage/plugin-kubernetes-backend');
    const fetcher = new KubernetesClientBasedFetcher({
      connection: new KubernetesConnection({ logger }),
    });
    const params = {
      serviceId: ENTITY_ID,
      clusterDetails: {
        name: 'js2-demo',
        url: upstreamProxy.url,
        authMetadata: {
          'kubernetes.io/auth-provider': 'serviceAccount',
          serviceAccountToken: cluster.token,
        },
        skipMetricsLookup: true,
      },
      credential: { type: 'bearer token', token: cluster.token },
      objectTypesToFetch: new Set(DEFAULT_OBJECTS),
      labelSelector: `backstage.io/kubernetes-id=${ENTITY_ID}`,
      customResources: [],
    };
    const upstream = await time(UPSTREAM_RUNS, () =>
      fetcher.fetchObjectsForService(params),
    );
    const upstreamRequests = upstreamProxy.counts.total;
    const upstreamResult = await fetcher.fetchObjectsForService(params);
    const upstreamPods = upstreamResult.responses.find(
      (r: any) => r.type === 'pods',
    )?.resources.length;

    // --- memory of the collector at MEMORY_PODS pods in the cluster
    const gc = (global as any).gc as (() => void) | undefined;
    await watcher.stop();
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let memory = 'skipped (--memory-pods 0)';
    if (MEMORY_PODS > 0) {
      await ensurePods(cluster, MEMORY_PODS);
      const memWatcher = createClusterWatcher({
        cluster: definition,
        logger,
        settings: {
          healthIntervalMs: 15_000,
          requestTimeoutMs: 60_000,
          minBackoffMs: 1000,
          maxBackoffMs: 30_000,
          listPageSize: 500,
        },
      });
      memWatcher.start();
      const snap = await waitSynced(memWatcher, MEMORY_PODS);
      gc?.();
      const m = process.memoryUsage();
      memory = `${
        (snap.objects.pods ?? []).length
      } pods cached: heap used by the collector ${mb(
        m.heapUsed - heapBefore,
      )} (process heap ${mb(m.heapUsed)}, rss ${mb(m.rss)})${
        gc ? '' : ' [run with --expose-gc for exact figures]'
      }`;
      await memWatcher.stop();
    }

    const pad = (s: string, n: number) => s.padEnd(n);
    console.log('');
    console.log(
      `Entity ${stringifyEntityRef(
        ref,
      )} with ${PODS} pods (label backstage.io/kubernetes-id=${ENTITY_ID}) on the local control plane`,
    );
    console.log(
      `${pad('', 44)}${pad('p50 ms', 10)}${pad('p95 ms', 10)}${pad(
        'API requests',
        16,
      )}${pad('pods', 7)}bytes`,
    );
    console.log(
      `${pad(`ours: GET .../workloads (${OURS_RUNS} runs)`, 44)}${pad(
        ours.p50.toFixed(1),
        10,
      )}${pad(ours.p95.toFixed(1), 10)}${pad(
        `${oursRequests} (${(oursRequests / OURS_RUNS).toFixed(1)}/req)`,
        16,
      )}${pad(String(oursPods), 7)}${ours.bytes}`,
    );
    console.log(
      `${pad(
        `upstream: POST /services/:name (${UPSTREAM_RUNS} runs)`,
        44,
      )}${pad(upstream.p50.toFixed(1), 10)}${pad(
        upstream.p95.toFixed(1),
        10,
      )}${pad(
        `${upstreamRequests} (${(
          upstreamRequests /
          (UPSTREAM_RUNS + 1)
        ).toFixed(1)}/req)`,
        16,
      )}${pad(String(upstreamPods), 7)}${upstream.bytes}`,
    );
    console.log(
      `ours, one-time: initial list + watch of every type took ${syncMs} ms and ${requestsToSync} API requests (lists are paged by 500; watches stay open)`,
    );
    console.log(`collector memory: ${memory}`);
    await oursProxy.close();
    await upstreamProxy.close();
  } finally {
    await cluster
      .kubectl('delete', 'namespace', NS, '--wait=false')
      .catch(() => {});
    await cluster.dispose();
  }
}

if (require.main === module)
  main().then(
    () => process.exit(0),
    err => {
      console.error(err);
      process.exit(1);
    },
  );
