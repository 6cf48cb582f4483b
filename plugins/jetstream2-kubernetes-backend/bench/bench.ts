/*
 * Benchmark (issue 9, item 5): one entity view, HTTP to HTTP, on the real local control plane.
 *
 *   npm run bench            (from the repository root; or `npm run bench --workspace
 *                             @internal/plugin-jetstream2-kubernetes-backend -- --views 50`)
 *
 * What it does, all on loopback, and stops everything it started, also on failure or Ctrl-C:
 *  1. Starts its own local control plane (tools/local-cluster/start.sh) on a free port with bench/nodes.yaml
 *     (97 simulated nodes, room for 10,560 pods) and no seed workloads.
 *  2. Starts a TCP proxy that delays every chunk by 20 ms each way (a remote Jetstream2 region); TLS still
 *     ends at the API server (the serving certificate has SAN 127.0.0.1, so the CA check holds).
 *  3. Configures three clusters, the same API server under three names: js2-a and js2-b direct, js2-remote
 *     through the proxy.
 *  4. Backend A (our plugin + upstream kubernetes + our module) starts on the empty cluster; RSS is read;
 *     10,000 bare pods are created in 20 namespaces, labelled for 50 entities (200 pods each), plus 50 pods
 *     for the entity bench-fifty; the real scheduler places them on the simulated nodes, which run them.
 *     Once A's collector holds them all (Running), RSS is read again.
 *  5. Series on A: our route and upstream's /services (served by our provider), an empty entity and one
 *     with 50 pods. Then A stops; backend B (our plugin + upstream WITHOUT our module, i.e. upstream's
 *     default provider) starts in the same process with the same config, and upstream's /services is
 *     measured on B.
 * Each series: a warm-up, then sequential requests over one keep-alive connection (`http.request`), timed
 * from the request until the last byte of the answer. LISTs per view come from the API server's own
 * /metrics (apiserver_request_total, verb LIST, summed) read before and after each series with the admin
 * client certificate. Prints figures and PASS/MISS beside each target; asserts nothing.
 */
import { backendConfig, benchCatalog, startBackend } from './backends';
import type { Backend, BenchCatalog } from './backends';
import { startCluster, startDelayProxy } from './cluster';
import type { Cluster } from './cluster';
import { call, ourRoute, ours, podsPerCluster, upstream } from './http';
import {
  gcExposed,
  rss,
  series,
  waitCollected,
  waitUntil,
  waitSettled,
} from './measure';
import { FIFTY, parseOptions } from './options';
import type { BenchOptions } from './options';
import { formatReport, mb } from './report';
import { createRun, sleep } from './run';
import type { Run } from './run';
import { createWorkload, waitAllRunning } from './workload';

/** Creates the workload, waits until A holds every pod Running and its views settled; reads RSS. */
async function holdWorkload(
  run: Run,
  opts: BenchOptions,
  cluster: Cluster,
  a: Backend,
) {
  run.log(
    `creating ${opts.pods} pods in ${opts.namespaces} namespaces for ${opts.entities} entities, plus ${FIFTY} for bench-fifty`,
  );
  const tCreate = Date.now();
  const total = await createWorkload(run, cluster, opts);
  const createMs = Date.now() - tCreate;
  run.log(
    `${total} pods created in ${(createMs / 1000).toFixed(
      0,
    )} s; waiting for the scheduler and the nodes`,
  );
  await waitAllRunning(run, cluster, total, run.until - 4 * 60_000);
  const runningMs = Date.now() - tCreate;
  run.log(`all ${total} pods Running after ${(runningMs / 1000).toFixed(0)} s`);
  await waitCollected(run, a, total, 120_000);
  const perEntity = opts.pods / opts.entities;
  await waitUntil(
    run,
    "A's views to show every pod Running",
    async () => [
      podsPerCluster((await ours(a, 'bench-0')).text),
      podsPerCluster((await ours(a, 'bench-fifty')).text),
    ],
    ([e0, f]) =>
      Object.keys(e0).length === 3 &&
      Object.values(e0).every(
        c => c.n === perEntity && c.running === perEntity,
      ) &&
      Object.values(f).every(c => c.n === FIFTY && c.running === FIFTY),
    120_000,
  );
  // Starting 10,000 pods leaves the kubelets' and the scheduler's events arriving for a while after the
  // last pod runs; the series measure the steady state, so wait (at most 3 min) until the entities' views
  // stop changing. Views still change during the series if they do not settle; that count is printed.
  const memAfter = await rss();
  run.log(`A holds every pod: rss ${mb(memAfter.rss)}`);
  const settleMs = await waitSettled(run, a, 180_000);
  const memViews = await rss();
  run.log(`A holds every pod and 50 entity views: rss ${mb(memViews.rss)}`);
  return { total, createMs, runningMs, memAfter, settleMs, memViews };
}

/**
 * The series on A. The warm-up views each entity once (computing and caching its view); the series then
 * measures what a page's repeated views and refetches cost. The warm-up's p50 is the first view after a
 * change.
 */
async function seriesOnA(
  run: Run,
  opts: BenchOptions,
  cluster: Cluster,
  a: Backend,
) {
  const names = a.catalog.entityNames.slice(0, opts.views);
  const s1 = await series(
    run,
    '(1) A: our GET .../entities/.../workloads',
    cluster,
    names,
    opts.views,
    n => ours(a, n),
  );
  const s2 = await series(
    run,
    '(2) A: upstream POST /api/kubernetes/services (our provider)',
    cluster,
    names,
    10,
    n => upstream(a, n),
  );
  const empty = await series(
    run,
    'A: our route, entity with no objects (bench-empty)',
    cluster,
    Array(opts.views).fill('bench-empty'),
    10,
    n => ours(a, n),
  );
  const fifty = await series(
    run,
    'A: our route, entity with 50 pods per cluster (bench-fifty)',
    cluster,
    Array(opts.views).fill('bench-fifty'),
    10,
    n => ours(a, n),
  );
  const fiftyEtag = (await ours(a, 'bench-fifty')).etag ?? '';
  const revalidated = await series(
    run,
    'A: our route, bench-fifty with If-None-Match (304)',
    cluster,
    Array(opts.views).fill('bench-fifty'),
    10,
    n => call(a, 'GET', ourRoute(n), undefined, { 'If-None-Match': fiftyEtag }),
    304,
  );
  return { s1, s2, empty, fifty, revalidated };
}

/** Backend B in the same process, after A stopped: its RSS and series (3). */
async function seriesOnB(
  run: Run,
  opts: BenchOptions,
  cluster: Cluster,
  config: object,
  catalog: BenchCatalog,
  total: number,
) {
  run.log(
    'starting backend B (our plugin + upstream kubernetes, upstream default provider)',
  );
  const memBStart = await rss();
  const b = await startBackend(run, 'B', false, config, catalog);
  await waitCollected(run, b, total, 180_000);
  await sleep(2000);
  const memB = await rss();
  const s3 = await series(
    run,
    '(3) B: upstream POST /api/kubernetes/services (default provider)',
    cluster,
    catalog.entityNames.slice(0, opts.views),
    3,
    n => upstream(b, n),
  );
  await b.stop();
  return { memBStart, memB, s3 };
}

async function main(run: Run, opts: BenchOptions) {
  const cluster = await startCluster(run);
  const proxyPort = await startDelayProxy(run, cluster.port, opts.delayMs);
  const config = backendConfig(cluster, proxyPort);
  const catalog = benchCatalog(opts.entities);

  // --- A on the empty cluster
  run.log('starting backend A (our plugin + upstream kubernetes + our module)');
  const a = await startBackend(run, 'A', true, config, catalog);
  await waitCollected(run, a, 0, 120_000);
  const memBefore = await rss();
  run.log(`A synced on the empty cluster: rss ${mb(memBefore.rss)}`);

  // --- the workload, then the series on A
  const held = await holdWorkload(run, opts, cluster, a);
  const onA = await seriesOnA(run, opts, cluster, a);
  await a.stop();

  // --- B: same process, after A stopped
  const onB = await seriesOnB(run, opts, cluster, config, catalog, held.total);

  console.log(
    formatReport({ opts, memBefore, ...held, ...onA, ...onB, gcExposed }),
  );
}

// Everything started registers its stop with the run; the stops run once, on success, failure, the
// deadline (plus a minute's grace for the waits that respect it) or a signal.
const opts = parseOptions(process.argv.slice(2));
const run = createRun(opts.deadlineMs);
let exitCode = 0;
const timer = setTimeout(() => {
  run.log(`deadline of ${opts.deadlineMs / 60000} min reached; stopping`);
  run.cleanup().finally(() => process.exit(2));
}, opts.deadlineMs + 60_000);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    run.log(`${sig}: stopping`);
    run.cleanup().finally(() => process.exit(130));
  });
}
main(run, opts)
  .catch(err => {
    console.error(err);
    exitCode = 1;
  })
  .finally(async () => {
    await run.cleanup();
    clearTimeout(timer);
    process.exit(exitCode);
  });
