import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ClusterDefinition } from '../services/ClusterLocator/types';

const execFileAsync = promisify(execFile);
// A test helper that only ever runs from the source tree, never from a production build.
// eslint-disable-next-line no-restricted-syntax
const toolsDir = path.resolve(__dirname, '../../../../tools/local-cluster');

export interface LocalCluster {
  url: string;
  token: string;
  caFile: string;
  kubeconfig: string;
  /** The state dir when this helper started the cluster, else undefined (reused from the environment). */
  stateDir?: string;
  port?: number;
  /** A cluster definition as the config locator would read it. */
  definition(name?: string): ClusterDefinition;
  kubectl(...args: string[]): Promise<string>;
  /** Stops the control plane (only when this helper started it). */
  stopControlPlane(): Promise<void>;
  /** Starts it again after stopControlPlane(). */
  startControlPlane(): Promise<void>;
  /** Stops and removes what this helper started; a reused cluster is left running. */
  dispose(): Promise<void>;
}

/** The `kubernetes` config of a backend watching the local control plane as one cluster, "js2-demo". */
export function localClusterConfig(
  cluster: Pick<LocalCluster, 'url' | 'token' | 'caFile'>,
) {
  return {
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
  };
}

function portFree(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** An API port P with P and P+1000..P+1003 free (the local cluster's derived ports). */
export async function findFreeClusterPort(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    // Below Linux's ephemeral range (32768+), where outgoing connections could take a port between the
    // check and the start.
    const p = 20000 + Math.floor(Math.random() * 11000);
    const all = await Promise.all(
      [p, p + 1000, p + 1001, p + 1002, p + 1003].map(portFree),
    );
    if (all.every(Boolean)) return p;
  }
  throw new Error('No free port range for the local cluster');
}

function readEnvFile(file: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^export ([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) env[m[1]] = m[2].replace(/^['"]|['"]$/g, '');
  }
  return env;
}

function runScript(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // Progress (including a first Go build, which can take minutes) goes to our stderr.
    const child = spawn('bash', [path.join(toolsDir, script), ...args], {
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

/**
 * The real local control plane for integration tests and the benchmark: reuses the one named by
 * LOCAL_CLUSTER_URL / LOCAL_CLUSTER_TOKEN_FILE / LOCAL_CLUSTER_CA_FILE (as `npm test` sets them), or starts
 * one with tools/local-cluster/start.sh in a temporary state dir on a free port. With `own: true` it always
 * starts its own, for tests that stop and restart the control plane.
 */
export async function useLocalCluster(
  options: { own?: boolean } = {},
): Promise<LocalCluster> {
  let env: Record<string, string | undefined> = process.env;
  let stateDir: string | undefined;
  let port: number | undefined;
  if (
    options.own ||
    !(
      env.LOCAL_CLUSTER_URL &&
      env.LOCAL_CLUSTER_TOKEN_FILE &&
      env.LOCAL_CLUSTER_CA_FILE
    )
  ) {
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'js2k8s-it-'));
    port = await findFreeClusterPort();
    process.stderr.write(
      `local-cluster: starting in ${stateDir} on port ${port} (the first Go build can take several minutes)\n`,
    );
    await runScript('start.sh', [
      '--state-dir',
      stateDir,
      '--port',
      String(port),
    ]);
    env = readEnvFile(path.join(stateDir, 'env'));
  }
  const url = env.LOCAL_CLUSTER_URL!;
  const token = fs.readFileSync(env.LOCAL_CLUSTER_TOKEN_FILE!, 'utf8').trim();
  const caFile = env.LOCAL_CLUSTER_CA_FILE!;
  const kubeconfig =
    env.KUBECONFIG ?? (stateDir ? path.join(stateDir, 'admin.kubeconfig') : '');
  const owned = stateDir !== undefined;
  return {
    url,
    token,
    caFile,
    kubeconfig,
    stateDir,
    port,
    definition: (name = 'js2-demo') => ({
      name,
      url,
      authProvider: 'serviceAccount',
      serviceAccountToken: token,
      caFile,
      skipTLSVerify: false,
      fingerprint: `${name}:${url}:${caFile}`,
      source: 'config' as const,
    }),
    async kubectl(...args) {
      const { stdout } = await execFileAsync('kubectl', args, {
        env: { ...process.env, KUBECONFIG: kubeconfig },
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    },
    async stopControlPlane() {
      if (!owned)
        throw new Error(
          'The local cluster is shared (from the environment); not stopping it',
        );
      await runScript('stop.sh', ['--state-dir', stateDir!]);
    },
    async startControlPlane() {
      if (!owned) return;
      await runScript('start.sh', [
        '--state-dir',
        stateDir!,
        '--port',
        String(port),
      ]);
    },
    async dispose() {
      if (!owned) return;
      await runScript('stop.sh', ['--state-dir', stateDir!, '--clean']).catch(
        () => {},
      );
      fs.rmSync(stateDir!, { recursive: true, force: true });
    },
  };
}
