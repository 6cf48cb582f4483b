/**
 * The scale bench (issue 24): one local control plane under `clusters` names (plus a dead and a flapping
 * cluster), `podsPerCluster` pods in it, so `clusters × podsPerCluster` pods in the backend's cache.
 *
 *   npm run bench -- --clusters 200 --pods-per-cluster 500     (full run)
 *   npm run bench -- --quick                                   (50 × 200, at most three minutes)
 *
 * In order: the control plane (its own port) and the workload; an empty backend for the baseline RSS;
 * backend A (our plugin, upstream's plugin and our module) until every cluster is in sync; the series
 * (entity views, the home card's one request, the clusters page, upstream's /services from our cache);
 * idle CPU; churn; the flapping cluster's phase; then backend B (upstream's default provider) for what a
 * view would cost without the cache. Ends with one JSON line of figures on stdout (report.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call, ours, upstream } from '../http';
import { rss, series } from '../measure';
import { listCount, openWatchCount, startCluster } from '../cluster';
import type { Cluster } from '../cluster';
import type { Run } from '../run';
import {
  clusterName,
  createSignalRecorder,
  scaleCatalog,
  scaleConfig,
  startScaleBackend,
  TEAM,
} from './backends';
import { runChurn } from './churn';
import { startDeadCluster, startFlappingCluster } from './faultyClusters';
import type { FaultyCluster } from './faultyClusters';
import {
  idleCpuPercent,
  sampleRssPeak,
  tcpConnectionsTo,
  waitClustersInSync,
} from './measure';
import type { ScaleOptions } from './options';
import { formatScaleReport, type ScaleResults } from './report';
import { mb } from '../report';
import {
  createScaleWorkload,
  nodeCount,
  waitScaleRunning,
  writeNodesFile,
} from './workload';

/** The baseline backend's config: upstream's settings with no cluster. */
const noClusters = {
  kubernetes: {
    serviceLocatorMethod: { type: 'multiTenant' },
    clusterLocatorMethods: [{ type: 'config', clusters: [] }],
  },
};

const HEALTH_ROUTE = '/api/jetstream2-kubernetes/entities/health';
const CLUSTERS_ROUTE = '/api/jetstream2-kubernetes/clusters';

/** The flapping cluster's phase: connections offered and LISTs on the API server per minute. */
async function flappingPhase(
  run: Run,
  cluster: Cluster,
  dead: FaultyCluster,
  flapping: FaultyCluster,
  seconds: number,
) {
  run.log(`the flapping cluster flaps for ${seconds} s (10 s down, 20 s up)`);
  dead.reset();
  flapping.reset();
  const lists0 = await listCount(cluster);
  flapping.flap!();
  await new Promise(r => setTimeout(r, seconds * 1000));
  const minutes = seconds / 60;
  return {
    deadConnectsPerMin: dead.connections() / minutes,
    flappingConnectsPerMin: flapping.connections() / minutes,
    flappingListsPerMin: ((await listCount(cluster)) - lists0) / minutes,
  };
}

export async function scaleMain(run: Run, opts: ScaleOptions) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'js2k8s-scale-'));
  run.onCleanup('scale bench files', async () =>
    fs.rmSync(dir, { recursive: true, force: true }),
  );
  const cluster = await startCluster(run, {
    nodesFile: writeNodesFile(dir, opts.podsPerCluster),
    port: opts.port,
  });
  const dead = await startDeadCluster(run);
  const flapping = await startFlappingCluster(
    run,
    cluster.port,
    20_000,
    10_000,
  );
  const catalog = scaleCatalog(opts);
  const config = scaleConfig(cluster, opts.clusters, {
    deadUrl: dead.url,
    flappingUrl: flapping.url,
  });

  // --- baselines: the same features with no cluster, then with every cluster before the workload exists
  const empty = await startScaleBackend(run, 'empty', noClusters, catalog);
  await call(empty, 'GET', CLUSTERS_ROUTE);
  const memBase = await rss();
  await empty.stop();
  run.log(`baseline backend (no cluster): rss ${mb(memBase.rss)}`);
  const nodes = nodeCount(opts.podsPerCluster);
  const bare = await startScaleBackend(run, 'empty clusters', config, catalog);
  await waitClustersInSync(
    run,
    bare,
    { live: opts.clusters, pods: 0, nodes },
    Date.now(),
    Math.max(180_000, opts.clusters * 1500),
  );
  const memEmpty = await rss();
  await bare.stop();
  run.log(
    `${opts.clusters} clusters without the workload: rss ${mb(memEmpty.rss)}`,
  );

  const tWorkload = Date.now();
  const total = await createScaleWorkload(run, cluster, opts);
  const pods = await waitScaleRunning(run, cluster, total, run.until - 90_000);
  run.log(
    `${total} pods Running after ${((Date.now() - tWorkload) / 1000).toFixed(
      0,
    )} s`,
  );

  // --- A until every cluster is in sync
  const watchesBefore = await openWatchCount(cluster);
  const signals = createSignalRecorder();
  const tStart = Date.now();
  const peak = sampleRssPeak();
  const a = await startScaleBackend(run, 'A', config, catalog, signals);
  const readyMs = await waitClustersInSync(
    run,
    a,
    { live: opts.clusters, pods: total, nodes },
    tStart,
    Math.max(180_000, opts.clusters * 1500),
  );
  run.log(
    `all ${opts.clusters} clusters in sync ${(readyMs / 1000).toFixed(
      1,
    )} s after start`,
  );
  const memSynced = await rss();
  const watchConnections = (await openWatchCount(cluster)) - watchesBefore;
  const tcpConnections = tcpConnectionsTo(cluster.port);

  // --- series
  const names = catalog.entityNames;
  const entityRefs = names.map(n => `component:default/${n}`);
  const repeat = (n: number) => Array.from({ length: n }, () => 'x');
  const views = await series(
    run,
    'entity view (our route)',
    cluster,
    names,
    names.length,
    n => ours(a, n),
  );
  const home = await series(
    run,
    `home card: ${names.length} services of ${TEAM}`,
    cluster,
    repeat(opts.views),
    3,
    () => call(a, 'POST', HEALTH_ROUTE, { entityRefs }),
  );
  const clustersPage = await series(
    run,
    'clusters page',
    cluster,
    repeat(opts.views),
    3,
    () => call(a, 'GET', CLUSTERS_ROUTE),
  );
  const upstreamOurs = await series(
    run,
    "upstream's /services (our provider)",
    cluster,
    names.slice(0, 10),
    3,
    n => upstream(a, n),
  );
  const memViews = await rss();

  // --- idle, churn, the flapping cluster
  const load = os.loadavg();
  const idle = await idleCpuPercent(opts.idleSeconds);
  const memIdle = await rss();
  run.log(
    `idle: ${idle.toFixed(1)}% of one core over ${
      opts.idleSeconds
    } s (load ${load[0].toFixed(2)})`,
  );
  const churn = await runChurn(run, cluster, a, signals, pods, opts);
  const faults = await flappingPhase(
    run,
    cluster,
    dead,
    flapping,
    opts.quick ? 20 : 60,
  );
  const loadAfter = os.loadavg();
  const peakRss = peak.stop();
  await a.stop();

  // --- B: upstream's default provider, at the same scale
  let upstreamDefault;
  if (opts.upstreamViews > 0) {
    run.log(
      "starting backend B (upstream's kubernetes plugin alone: its default provider)",
    );
    const b = await startScaleBackend(run, 'B', config, catalog);
    upstreamDefault = await series(
      run,
      "upstream's /services (default provider)",
      cluster,
      names.slice(0, opts.upstreamViews),
      1,
      n => upstream(b, n),
    );
    await b.stop();
  }

  const results: ScaleResults = {
    opts,
    clusterNames: [clusterName(0), clusterName(opts.clusters - 1)],
    pods: total * opts.clusters,
    readyMs,
    memBase,
    memEmpty,
    memSynced,
    memViews,
    memIdle,
    peakRss,
    watchConnections,
    tcpConnections,
    views,
    home,
    clustersPage,
    upstreamOurs,
    upstreamDefault,
    idle,
    load,
    loadAfter,
    churn,
    faults,
  };
  console.log(formatScaleReport(results));
}
