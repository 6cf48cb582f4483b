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
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { jetstream2KubernetesPlugin } from '../src/plugin';
import { findFreeClusterPort } from '../src/testing/localCluster';
import { kubernetesModuleJetstream2Cache } from '../src/upstream/kubernetesModule';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PODS = arg('pods', 10_000);
const NAMESPACES = arg('namespaces', 20);
const ENTITIES = arg('entities', 50);
const VIEWS = arg('views', 50);
const DELAY_MS = arg('delay', 20);
const FIFTY = 50;
const DEADLINE_MS = arg('deadline-minutes', 20) * 60_000;

const repoRoot = path.resolve(__dirname, '../../..');
const toolsDir = path.join(repoRoot, 'tools/local-cluster');
const started = Date.now();
const log = (m: string) =>
  process.stderr.write(
    `bench [${((Date.now() - started) / 1000).toFixed(0)}s]: ${m}\n`,
  );
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------------------
// cleanup: everything started registers its stop here; run in reverse order, once.
const cleanups: Array<{ what: string; fn: () => Promise<unknown> }> = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const c = cleanups.pop()!;
      try {
        await c.fn();
      } catch (e) {
        log(`cleanup of ${c.what} failed: ${e}`);
      }
    }
  })();
  return cleaning;
}

// ---------------------------------------------------------------------------------------------------------
// the control plane

function runScript(script: string, scriptArgs: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(toolsDir, script), ...scriptArgs], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', code =>
      code === 0
        ? resolve()
        : reject(new Error(`${script} exited with ${code}`)),
    );
  });
}

function readEnvFile(file: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^export ([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) env[m[1]] = m[2].replace(/^['"]|['"]$/g, '');
  }
  return env;
}

interface Cluster {
  url: string;
  port: number;
  token: string;
  caFile: string;
  /** JSON request to the API server as the admin (client certificate of system:masters). */
  admin(
    method: string,
    p: string,
    body?: unknown,
    accept?: string,
  ): Promise<any>;
  /** /metrics as text (the admin certificate may read it; the Backstage token may not). */
  metrics(): Promise<string>;
}

async function startCluster(): Promise<Cluster> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'js2k8s-bench-'));
  const port = await findFreeClusterPort();
  log(
    `starting the local control plane on 127.0.0.1:${port} (state ${stateDir})`,
  );
  cleanups.push({
    what: 'local control plane',
    fn: async () => {
      log('stopping the local control plane');
      await runScript('stop.sh', ['--state-dir', stateDir, '--clean']);
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  });
  await runScript('start.sh', [
    '--state-dir',
    stateDir,
    '--port',
    String(port),
    '--nodes',
    path.join(__dirname, 'nodes.yaml'),
    '--no-seed',
  ]);
  const env = readEnvFile(path.join(stateDir, 'env'));
  const ca = fs.readFileSync(env.LOCAL_CLUSTER_CA_FILE);
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: 32,
    ca,
    cert: fs.readFileSync(path.join(stateDir, 'pki/admin.crt')),
    key: fs.readFileSync(path.join(stateDir, 'pki/admin.key')),
  });
  cleanups.push({ what: 'admin agent', fn: async () => agent.destroy() });
  const raw = (
    method: string,
    p: string,
    body?: unknown,
    accept = 'application/json',
  ) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = https.request(
        {
          host: '127.0.0.1',
          port,
          path: p,
          method,
          agent,
          headers: {
            Accept: accept,
            ...(data
              ? {
                  'Content-Type': 'application/json',
                  'Content-Length': Buffer.byteLength(data),
                }
              : {}),
          },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.setTimeout(60_000, () => req.destroy(new Error(`timeout ${p}`)));
      req.on('error', reject);
      req.end(data);
    });
  return {
    url: env.LOCAL_CLUSTER_URL,
    port,
    token: fs.readFileSync(env.LOCAL_CLUSTER_TOKEN_FILE, 'utf8').trim(),
    caFile: env.LOCAL_CLUSTER_CA_FILE,
    async admin(method, p, body, accept) {
      const r = await raw(method, p, body, accept);
      if (r.status >= 300 && !(method === 'POST' && r.status === 409)) {
        throw new Error(
          `${method} ${p}: HTTP ${r.status} ${r.text.slice(0, 300)}`,
        );
      }
      return JSON.parse(r.text);
    },
    async metrics() {
      const r = await raw('GET', '/metrics');
      if (r.status !== 200)
        throw new Error(
          `GET /metrics: HTTP ${r.status} ${r.text.slice(0, 200)}`,
        );
      return r.text;
    },
  };
}

/** Sum of apiserver_request_total{verb="LIST"} over all label sets. */
async function listCount(cluster: Cluster): Promise<number> {
  let sum = 0;
  for (const line of (await cluster.metrics()).split('\n')) {
    if (line.startsWith('apiserver_request_total{') && /verb="LIST"/.test(line))
      sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

// ---------------------------------------------------------------------------------------------------------
// a TCP proxy on loopback that delays each chunk by DELAY_MS in each direction (order kept)

async function startDelayProxy(targetPort: number, delayMs: number) {
  const sockets = new Set<net.Socket>();
  const delayPipe = (from: net.Socket, to: net.Socket) => {
    from.on('data', chunk => {
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk);
      }, delayMs);
    });
    from.on('end', () => setTimeout(() => to.end(), delayMs));
    from.on('error', () => to.destroy());
    from.on('close', () => setTimeout(() => to.destroy(), delayMs + 5));
  };
  const server = net.createServer(client => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
    delayPipe(client, upstream);
    delayPipe(upstream, client);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  cleanups.push({
    what: 'delay proxy',
    fn: async () => {
      for (const s of sockets) s.destroy();
      await new Promise(r => server.close(r));
    },
  });
  return port;
}

// ---------------------------------------------------------------------------------------------------------
// workload

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

async function createWorkload(cluster: Cluster) {
  for (let n = 0; n < NAMESPACES; n++) {
    await cluster.admin('POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: nsName(n) },
    });
  }
  // Pods are admitted only once the service-account controller made each namespace's "default" account.
  const deadline = Date.now() + 60_000;
  for (let n = 0; n < NAMESPACES; n++) {
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
  // pod i: namespace i / (PODS / NAMESPACES), entity i % ENTITIES; then bench-fifty's pods
  const perNs = Math.ceil(PODS / NAMESPACES);
  const pods: Array<ReturnType<typeof pod>> = [];
  for (let i = 0; i < PODS; i++) {
    pods.push(
      pod(`p-${i}`, nsName(Math.floor(i / perNs)), `bench-${i % ENTITIES}`),
    );
  }
  for (let i = 0; i < FIFTY; i++)
    pods.push(pod(`fifty-${i}`, nsName(i % NAMESPACES), 'bench-fifty'));
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
      if (++done % 2000 === 0) log(`${done} pods created`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return pods.length;
}

async function waitAllRunning(cluster: Cluster, total: number, until: number) {
  const q = new URLSearchParams({
    labelSelector: 'js2-bench=true',
    fieldSelector: 'status.phase!=Running',
  });
  let last = -1;
  for (;;) {
    const list = await cluster.admin(
      'GET',
      `/api/v1/pods?${q}`,
      undefined,
      'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
    );
    const notRunning = (list.items ?? []).length;
    if (notRunning === 0) return;
    if (notRunning !== last)
      log(`${total - notRunning} of ${total} pods Running`);
    last = notRunning;
    if (Date.now() > until)
      throw new Error(
        `Timed out: ${notRunning} of ${total} pods are still not Running (scheduler or simulated nodes too slow)`,
      );
    await sleep(5000);
  }
}

// ---------------------------------------------------------------------------------------------------------
// backends

const entity = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': name },
  },
  spec: { type: 'service', owner: 'bench', lifecycle: 'production' },
});
const entityNames = Array.from({ length: ENTITIES }, (_, i) => `bench-${i}`);
const entities = [...entityNames, 'bench-empty', 'bench-fifty'].map(entity);
const entityByName = new Map(entities.map(e => [e.metadata.name, e]));

function backendConfig(cluster: Cluster, proxyPort: number) {
  const c = (name: string, url: string) => ({
    name,
    url,
    authProvider: 'serviceAccount',
    serviceAccountToken: cluster.token,
    caFile: cluster.caFile,
  });
  return {
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            c('js2-a', cluster.url),
            c('js2-b', cluster.url),
            c('js2-remote', `https://127.0.0.1:${proxyPort}`),
          ],
        },
      ],
    },
  };
}

interface Backend {
  name: string;
  port: number;
  agent: http.Agent;
  stop(): Promise<void>;
}

async function startBackend(
  name: string,
  withModule: boolean,
  config: object,
): Promise<Backend> {
  const backend = await startTestBackend({
    features: [
      jetstream2KubernetesPlugin,
      kubernetesPlugin,
      ...(withModule ? [kubernetesModuleJetstream2Cache] : []),
      mockServices.rootLogger.factory({ level: 'error' }),
      catalogServiceMock.factory({ entities: entities as any }),
      mockServices.rootConfig.factory({ data: config as any }),
    ],
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    agent.destroy();
    await backend.stop();
  };
  cleanups.push({ what: `backend ${name}`, fn: stop });
  return {
    name,
    port: (backend.server.address() as net.AddressInfo).port,
    agent,
    stop,
  };
}

const AUTH = mockCredentials.user.header();

interface Answer {
  status: number;
  ms: number;
  bytes: number;
  text: string;
  etag?: string;
}

function call(
  b: Backend,
  method: 'GET' | 'POST',
  p: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Answer> {
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(
      {
        host: '127.0.0.1',
        port: b.port,
        path: p,
        method,
        agent: b.agent,
        headers: {
          Authorization: AUTH,
          Accept: 'application/json',
          // as a browser does: large answers travel compressed
          'Accept-Encoding': 'gzip',
          ...extraHeaders,
          ...(data
            ? {
                'Content-Type': 'application/json',
                'Content-Length': Buffer.byteLength(data),
              }
            : {}),
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          const buf = Buffer.concat(chunks);
          // bytes as they travelled; text decompressed for the checks
          const plain =
            res.headers['content-encoding'] === 'gzip' ? gunzipSync(buf) : buf;
          resolve({
            status: res.statusCode ?? 0,
            ms,
            bytes: buf.length,
            text: plain.toString('utf8'),
            etag: res.headers.etag,
          });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(120_000, () => req.destroy(new Error(`timeout ${p}`)));
    req.on('error', reject);
    req.end(data);
  });
}

const ourRoute = (name: string) =>
  `/api/jetstream2-kubernetes/entities/default/component/${name}/workloads`;
const ours = (b: Backend, name: string) => call(b, 'GET', ourRoute(name));
const upstream = (b: Backend, name: string) =>
  call(b, 'POST', `/api/kubernetes/services/${name}`, {
    entity: entityByName.get(name),
  });

/** Pods per cluster of an entity view on our route. */
function podsPerCluster(
  text: string,
): Record<string, { n: number; running: number }> {
  const body = JSON.parse(text);
  const out: Record<string, { n: number; running: number }> = {};
  for (const c of body.clusters ?? []) {
    const pods =
      c.resources?.find((r: any) => r.type === 'pods')?.resources ?? [];
    out[c.cluster] = {
      n: pods.length,
      running: pods.filter((p: any) => p.status?.phase === 'Running').length,
    };
  }
  return out;
}

async function waitFor<T>(
  what: string,
  fn: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs: number,
  describe: (v: T | undefined) => string = v => JSON.stringify(v),
): Promise<T> {
  const until = Math.min(Date.now() + timeoutMs, started + DEADLINE_MS);
  let last: T | undefined;
  for (;;) {
    try {
      last = await fn();
      if (ok(last)) return last;
    } catch (e) {
      last = undefined;
      if (Date.now() > until) throw e;
    }
    if (Date.now() > until)
      throw new Error(
        `Timed out waiting for ${what}; last: ${describe(last).slice(0, 400)}`,
      );
    await sleep(1000);
  }
}

async function clusters(b: Backend) {
  const r = await call(b, 'GET', '/api/jetstream2-kubernetes/clusters');
  if (r.status !== 200)
    throw new Error(`/clusters: HTTP ${r.status} ${r.text.slice(0, 200)}`);
  return JSON.parse(r.text) as Array<{
    name: string;
    status: string;
    podCount: number;
    nodeCount: number;
  }>;
}

/** Waits until the collector of a backend holds `pods` pods and 97 nodes in each of the three clusters. */
async function waitCollected(b: Backend, pods: number, timeoutMs: number) {
  const t0 = Date.now();
  await waitFor(
    `backend ${b.name}'s collector to hold ${pods} pods in each cluster`,
    () => clusters(b),
    cs =>
      cs.length === 3 &&
      cs.every(
        c => c.status === 'ok' && c.podCount >= pods && c.nodeCount >= 97,
      ),
    timeoutMs,
    v =>
      JSON.stringify(
        v?.map(c => ({
          name: c.name,
          status: c.status,
          pods: c.podCount,
          nodes: c.nodeCount,
        })),
      ),
  );
  return Date.now() - t0;
}

/** Waits until two rounds of views of every entity, 3 s apart, give the same ETags; returns the time taken. */
async function waitSettled(b: Backend, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  const etags = async () => {
    const out: string[] = [];
    for (const name of entityNames) out.push((await ours(b, name)).etag ?? '');
    return out;
  };
  let before = await etags();
  for (;;) {
    await sleep(3000);
    const now = await etags();
    const previous = before;
    const changed = now.filter((e, i) => e !== previous[i]).length;
    if (changed === 0) {
      log(`views settled after ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      return Date.now() - t0;
    }
    if (Date.now() - t0 > timeoutMs) {
      log(
        `views still changing after ${timeoutMs / 1000} s (${changed} of ${
          entityNames.length
        } in 3 s); measuring anyway`,
      );
      return Date.now() - t0;
    }
    before = now;
  }
}

// ---------------------------------------------------------------------------------------------------------
// measuring

interface Series {
  label: string;
  /** p50 of the warm-up views (for series (1): each entity's first view, computed and cached). */
  coldP50: number;
  p50: number;
  p95: number;
  mean: number;
  bytes: number;
  listsPerView: number;
  /** Names whose answer's ETag differed between the warm-up and the series (their data changed). */
  changed: number;
  failures: string[];
}

const loadAtSeries: number[] = [];
const pct = (s: number[], p: number) =>
  s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];

async function series(
  label: string,
  cluster: Cluster,
  names: string[],
  warmup: number,
  fn: (name: string) => Promise<Answer>,
  okStatus = 200,
): Promise<Series> {
  const cold: number[] = [];
  const warmEtags = new Map<string, string | undefined>();
  for (let i = 0; i < warmup; i++) {
    const a = await fn(names[i % names.length]);
    cold.push(a.ms);
    warmEtags.set(names[i % names.length], a.etag);
  }
  let changed = 0;
  loadAtSeries.push(os.loadavg()[0]);
  const before = await listCount(cluster);
  const times: number[] = [];
  const failures: string[] = [];
  let bytes = 0;
  for (const name of names) {
    const a = await fn(name);
    times.push(a.ms);
    bytes += a.bytes;
    if (warmEtags.has(name) && a.etag && warmEtags.get(name) !== a.etag)
      changed += 1;
    if (a.status !== okStatus)
      failures.push(`${name}: HTTP ${a.status} ${a.text.slice(0, 200)}`);
  }
  const after = await listCount(cluster);
  const sorted = [...times].sort((x, y) => x - y);
  const s: Series = {
    label,
    coldP50: pct(
      [...cold].sort((x, y) => x - y),
      50,
    ),
    p50: pct(sorted, 50),
    p95: pct(sorted, 95),
    mean: times.reduce((x, y) => x + y, 0) / times.length,
    bytes: bytes / names.length,
    listsPerView: (after - before) / names.length,
    changed,
    failures,
  };
  log(
    `${label}: p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(
      2,
    )} ms, ${s.listsPerView.toFixed(1)} LIST/view${
      failures.length ? `, ${failures.length} failures` : ''
    }`,
  );
  return s;
}

const gc = (global as any).gc as (() => void) | undefined;
async function rss() {
  if (gc) {
    gc();
    await sleep(200);
    gc();
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const until = started + DEADLINE_MS;
  const cluster = await startCluster();
  const proxyPort = await startDelayProxy(cluster.port, DELAY_MS);
  const config = backendConfig(cluster, proxyPort);

  // --- A on the empty cluster
  log('starting backend A (our plugin + upstream kubernetes + our module)');
  const a = await startBackend('A', true, config);
  await waitCollected(a, 0, 120_000);
  const memBefore = await rss();
  log(`A synced on the empty cluster: rss ${mb(memBefore.rss)}`);

  // --- the workload
  log(
    `creating ${PODS} pods in ${NAMESPACES} namespaces for ${ENTITIES} entities, plus ${FIFTY} for bench-fifty`,
  );
  const tCreate = Date.now();
  const total = await createWorkload(cluster);
  const createMs = Date.now() - tCreate;
  log(
    `${total} pods created in ${(createMs / 1000).toFixed(
      0,
    )} s; waiting for the scheduler and the nodes`,
  );
  await waitAllRunning(cluster, total, until - 4 * 60_000);
  const runningMs = Date.now() - tCreate;
  log(`all ${total} pods Running after ${(runningMs / 1000).toFixed(0)} s`);
  await waitCollected(a, total, 120_000);
  const perEntity = PODS / ENTITIES;
  await waitFor(
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
  log(`A holds every pod: rss ${mb(memAfter.rss)}`);
  const settleMs = await waitSettled(a, 180_000);
  const memViews = await rss();
  log(`A holds every pod and 50 entity views: rss ${mb(memViews.rss)}`);

  // --- series on A
  // The warm-up views each entity once (computing and caching its view); the series then measures what a
  // page's repeated views and refetches cost. The warm-up's p50 is the first view after a change.
  const s1 = await series(
    '(1) A: our GET .../entities/.../workloads',
    cluster,
    entityNames.slice(0, VIEWS),
    VIEWS,
    n => ours(a, n),
  );
  const s2 = await series(
    '(2) A: upstream POST /api/kubernetes/services (our provider)',
    cluster,
    entityNames.slice(0, VIEWS),
    10,
    n => upstream(a, n),
  );
  const empty = await series(
    'A: our route, entity with no objects (bench-empty)',
    cluster,
    Array(VIEWS).fill('bench-empty'),
    10,
    n => ours(a, n),
  );
  const fifty = await series(
    'A: our route, entity with 50 pods per cluster (bench-fifty)',
    cluster,
    Array(VIEWS).fill('bench-fifty'),
    10,
    n => ours(a, n),
  );
  const fiftyEtag = (await ours(a, 'bench-fifty')).etag ?? '';
  const revalidated = await series(
    'A: our route, bench-fifty with If-None-Match (304)',
    cluster,
    Array(VIEWS).fill('bench-fifty'),
    10,
    n => call(a, 'GET', ourRoute(n), undefined, { 'If-None-Match': fiftyEtag }),
    304,
  );
  await a.stop();

  // --- B: same process, after A stopped
  log(
    'starting backend B (our plugin + upstream kubernetes, upstream default provider)',
  );
  const memBStart = await rss();
  const b = await startBackend('B', false, config);
  await waitCollected(b, total, 180_000);
  await sleep(2000);
  const memB = await rss();
  const s3 = await series(
    '(3) B: upstream POST /api/kubernetes/services (default provider)',
    cluster,
    entityNames.slice(0, VIEWS),
    3,
    n => upstream(b, n),
  );
  await b.stop();

  // --- report
  const f = (n: number) => n.toFixed(2).padStart(8);
  const row = (s: Series) =>
    `${s.label.padEnd(64)}${f(s.p50)}${f(s.p95)}${f(s.mean)}${(s.bytes / 1024)
      .toFixed(0)
      .padStart(9)}${s.listsPerView.toFixed(1).padStart(10)}`;
  const ratio = s3.p50 / s1.p50;
  const emptyVsFifty = Math.abs(empty.p50 - fifty.p50) / fifty.p50;
  const growth = memAfter.rss - memBefore.rss;
  const lines = [
    '',
    `Benchmark: ${total} pods (${PODS} in ${NAMESPACES} namespaces for ${ENTITIES} entities, ${perEntity} pods each, + ${FIFTY} for bench-fifty), all Running on 97 simulated nodes`,
    `3 clusters = the local API server under 3 names (js2-a, js2-b direct; js2-remote behind a TCP proxy adding ${DELAY_MS} ms each way): every view covers 3 x ${perEntity} pods`,
    `${VIEWS} sequential views per series over one keep-alive connection after a warm-up; ms from request to last byte; machine: ${
      os.cpus().length
    } cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${
      process.version
    }`,
    `load average (1 min) when the series started: ${loadAtSeries
      .map(l => l.toFixed(1))
      .join(
        ', ',
      )} (the machine is shared; other processes add to every figure)`,
    '',
    `${'series'.padEnd(64)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(
      8,
    )}${'mean ms'.padStart(8)}${'KiB/view'.padStart(9)}${'LIST/view'.padStart(
      10,
    )}`,
    row(s1),
    row(s2),
    row(s3),
    row(empty),
    row(fifty),
    row(revalidated),
    '',
    `pods created in ${(createMs / 1000).toFixed(0)} s, all Running ${(
      runningMs / 1000
    ).toFixed(0)} s after the first create`,
    `RSS of the bench process with backend A only: ${mb(
      memBefore.rss,
    )} synced on the empty cluster -> ${mb(
      memAfter.rss,
    )} holding ${total} pods x 3 clusters (heap ${mb(memBefore.heap)} -> ${mb(
      memAfter.heap,
    )})${gc ? '' : ' [without --expose-gc]'}; ${mb(
      memViews.rss,
    )} once it also cached the ${ENTITIES} entities' views (JSON + gzip)`,
    `RSS with backend B (started after A stopped, same process): ${mb(
      memBStart.rss,
    )} before -> ${mb(memB.rss)} once its collector held the pods`,
    `(1) A, first view of each entity after a change (computed, then cached): p50 ${s1.coldP50.toFixed(
      2,
    )} ms`,
    `views settled ${(settleMs / 1000).toFixed(
      0,
    )} s after every pod showed Running; (1) entities whose view changed between warm-up and series: ${
      s1.changed
    } of ${VIEWS}`,
    '',
    'targets:',
    `  our p50 <= 2 ms                                   ${s1.p50.toFixed(
      2,
    )} ms          ${verdict(s1.p50 <= 2)}`,
    `  (3) p50 / (1) p50 >= 10x                          ${ratio.toFixed(
      1,
    )}x          ${verdict(ratio >= 10)}`,
    `  empty entity within 20% of one with 50 objects    ${empty.p50.toFixed(
      2,
    )} vs ${fifty.p50.toFixed(2)} ms (${(emptyVsFifty * 100).toFixed(
      0,
    )}%)  ${verdict(emptyVsFifty <= 0.2)}`,
    `  RSS growth <= 300 MB at 10,000 pods               ${mb(
      growth,
    )} (3 clusters x ${total} pods)  ${verdict(growth <= 300 * 2 ** 20)}`,
    `  0 LISTs per view on A                             ${s1.listsPerView.toFixed(
      1,
    )} (ours), ${s2.listsPerView.toFixed(
      1,
    )} (upstream, our provider)  ${verdict(
      s1.listsPerView === 0 && s2.listsPerView === 0,
    )}`,
  ];
  const failures = [s1, s2, s3, empty, fifty, revalidated].flatMap(s =>
    s.failures.map(x => `${s.label}: ${x}`),
  );
  if (failures.length)
    lines.push(
      '',
      `unexpected answers (${failures.length}; 200 expected, 304 with If-None-Match):`,
      ...failures.slice(0, 10),
    );
  console.log(lines.join('\n'));
}

let exitCode = 0;
const timer = setTimeout(() => {
  log(`deadline of ${DEADLINE_MS / 60000} min reached; stopping`);
  cleanup().finally(() => process.exit(2));
}, DEADLINE_MS + 60_000);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    log(`${sig}: stopping`);
    cleanup().finally(() => process.exit(130));
  });
}
main()
  .catch(err => {
    console.error(err);
    exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    clearTimeout(timer);
    process.exit(exitCode);
  });
