/**
 * The bench's own local control plane (tools/local-cluster, on a free port with bench/nodes.yaml and no
 * seed), the admin client that reads and writes it, and the TCP proxy that makes it look remote.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findFreeClusterPort } from '../src/__testUtils__/localCluster';
import { jsonBody } from './http';
import type { Run } from './run';

const repoRoot = path.resolve(__dirname, '../../..');
const toolsDir = path.join(repoRoot, 'tools/local-cluster');

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

export interface Cluster {
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

/** Starts the control plane; its stop (and the admin client's) is registered with the run. */
export async function startCluster(run: Run): Promise<Cluster> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'js2k8s-bench-'));
  const port = await findFreeClusterPort();
  run.log(
    `starting the local control plane on 127.0.0.1:${port} (state ${stateDir})`,
  );
  run.onCleanup('local control plane', async () => {
    run.log('stopping the local control plane');
    await runScript('stop.sh', ['--state-dir', stateDir, '--clean']);
    fs.rmSync(stateDir, { recursive: true, force: true });
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
  run.onCleanup('admin agent', async () => agent.destroy());
  const raw = (
    method: string,
    p: string,
    body?: unknown,
    accept = 'application/json',
  ) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const { data, headers } = jsonBody(body);
      const req = https.request(
        {
          host: '127.0.0.1',
          port,
          path: p,
          method,
          agent,
          headers: { Accept: accept, ...headers },
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
export async function listCount(cluster: Cluster): Promise<number> {
  let sum = 0;
  for (const line of (await cluster.metrics()).split('\n')) {
    if (line.startsWith('apiserver_request_total{') && /verb="LIST"/.test(line))
      sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/**
 * A TCP proxy on loopback that delays each chunk by `delayMs` in each direction (order kept); returns its
 * port. Its stop is registered with the run.
 */
export async function startDelayProxy(
  run: Run,
  targetPort: number,
  delayMs: number,
) {
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
  run.onCleanup('delay proxy', async () => {
    for (const s of sockets) s.destroy();
    await new Promise(r => server.close(r));
  });
  return port;
}
