import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ClusterWriter } from '../writers/types';
import { createWorkloadWriter, FIELD_MANAGER } from './createWorkloadWriter';
import type { KubernetesManifest, WorkloadWriter } from './types';
import { isWriteError, type WriteError } from './WriteError';

// The writer against the real local control plane (tools/local-cluster, started by `npm test`) with the
// deployer token it writes: dry run then server-side apply, and each refusal as the message a task log shows.
jest.setTimeout(120_000);

const exec = promisify(execFile);
const REQUIRED = [
  'LOCAL_CLUSTER_URL',
  'LOCAL_CLUSTER_CA_FILE',
  'LOCAL_CLUSTER_DEPLOYER_TOKEN_FILE',
  'KUBECONFIG',
];
const id = `writer-it-${Date.now().toString(36)}`;
const admin = (...args: string[]) =>
  exec('kubectl', args, { env: process.env }).then(r => r.stdout.trim());

const deployment = (
  name: string,
  extra: Record<string, unknown> = {},
): KubernetesManifest => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { 'backstage.io/kubernetes-id': id } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name, 'backstage.io/kubernetes-id': id } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
    },
  },
  ...extra,
});
const service: KubernetesManifest = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: id, labels: { 'backstage.io/kubernetes-id': id } },
  spec: { selector: { app: id }, ports: [{ port: 80, targetPort: 8080 }] },
};

async function refusal(call: Promise<unknown>): Promise<WriteError> {
  const error = await call.then(
    () => undefined,
    e => e,
  );
  if (!isWriteError(error)) {
    throw new Error(`expected a WriteError, got ${String(error)}`);
  }
  return error;
}

describe('the workload writer on the local control plane', () => {
  let writer: WorkloadWriter;
  let config: ClusterWriter;

  beforeAll(() => {
    const missing = REQUIRED.filter(name => !process.env[name]);
    if (missing.length > 0) {
      throw new Error(
        `${missing.join(
          ', ',
        )} not set: this test needs the local control plane. Start it with ` +
          '`bash tools/local-cluster/start.sh --state-dir DIR --port N`, then `source DIR/env` ' +
          '(npm test does both).',
      );
    }
    config = {
      cluster: 'js2-demo',
      url: process.env.LOCAL_CLUSTER_URL!,
      caFile: process.env.LOCAL_CLUSTER_CA_FILE,
      skipTLSVerify: false,
      token: {
        type: 'file',
        path: process.env.LOCAL_CLUSTER_DEPLOYER_TOKEN_FILE!,
      },
      namespaces: ['apps', 'science'],
      where: 'jetstream2Kubernetes.writers[0] ("js2-demo")',
    };
    writer = createWorkloadWriter({ writers: [config] });
  });

  afterAll(async () => {
    await admin(
      '-n',
      'apps',
      'delete',
      'deployment,service',
      '-l',
      `backstage.io/kubernetes-id=${id}`,
      '--ignore-not-found',
    );
  });

  it('dry-runs without creating anything, then applies as field manager "backstage", then finds nothing to change', async () => {
    const objects = [deployment(id), service];
    const dry = await writer.apply({
      cluster: 'js2-demo',
      namespace: 'apps',
      objects,
      dryRun: true,
    });
    expect(dry.map(o => `${o.kind} ${o.result}`)).toEqual([
      'Deployment created',
      'Service created',
    ]);
    await expect(
      admin(
        '-n',
        'apps',
        'get',
        'deployment',
        id,
        '--ignore-not-found',
        '-o',
        'name',
      ),
    ).resolves.toBe('');

    const applied = await writer.apply({
      cluster: 'js2-demo',
      namespace: 'apps',
      objects,
    });
    expect(applied).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        namespace: 'apps',
        name: id,
        result: 'created',
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        namespace: 'apps',
        name: id,
        result: 'created',
      },
    ]);
    const managers = JSON.parse(
      await admin(
        '-n',
        'apps',
        'get',
        'deployment',
        id,
        '-o',
        'json',
        '--show-managed-fields',
      ),
    ).metadata.managedFields.map((f: { manager: string }) => f.manager);
    expect(managers).toContain(FIELD_MANAGER);

    const again = await writer.apply({
      cluster: 'js2-demo',
      namespace: 'apps',
      objects,
    });
    expect(again.map(o => o.result)).toEqual(['unchanged', 'unchanged']);

    const rollout = await writer.rolloutStatus({
      cluster: 'js2-demo',
      namespace: 'apps',
      kind: 'Deployment',
      name: id,
    });
    expect(rollout).toMatchObject({ name: id, desired: 1 });
  });

  it("writes nothing when the API server rejects one object, and shows the API server's message", async () => {
    const good = `${id}-ok`;
    const bad = deployment(`${id}-bad`, {
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'x' } },
        template: {
          metadata: { labels: { app: 'y' } },
          spec: { containers: [] },
        },
      },
    });
    const error = await refusal(
      writer.apply({
        cluster: 'js2-demo',
        namespace: 'apps',
        objects: [deployment(good), bad],
      }),
    );
    expect(error.reason).toBe('invalid');
    expect(error.message).toContain(
      `Cluster "js2-demo" rejected Deployment apps/${id}-bad: Deployment.apps "${id}-bad" is invalid`,
    );
    expect(error.message).toContain(
      '`selector` does not match template `labels`',
    );
    await expect(
      admin(
        '-n',
        'apps',
        'get',
        'deployment',
        good,
        '--ignore-not-found',
        '-o',
        'name',
      ),
    ).resolves.toBe('');
  });

  it("is refused by RBAC what the deployer may not write (a Secret), with the API server's words", async () => {
    const error = await refusal(
      writer.apply({
        cluster: 'js2-demo',
        namespace: 'apps',
        objects: [
          {
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: id },
            stringData: { a: 'b' },
          },
        ],
      }),
    );
    expect(error.reason).toBe('forbidden');
    expect(error.message).toContain(
      `Cluster "js2-demo" refused Secret apps/${id}: secrets "${id}" is forbidden: User "system:serviceaccount:backstage-system:backstage-deployer" cannot`,
    );
  });

  it('refuses a namespace outside its list before calling the cluster, and a kind the cluster does not serve', async () => {
    const outside = await refusal(
      writer.apply({
        cluster: 'js2-demo',
        namespace: 'kube-system',
        objects: [deployment(id)],
      }),
    );
    expect(outside.reason).toBe('namespace-not-allowed');
    const unknownKind = await refusal(
      writer.apply({
        cluster: 'js2-demo',
        namespace: 'apps',
        objects: [
          {
            apiVersion: 'example.org/v1',
            kind: 'Widget',
            metadata: { name: id },
          },
        ],
      }),
    );
    expect(unknownKind.reason).toBe('unknown-kind');
    expect(unknownKind.message).toContain('Cluster "js2-demo" does not serve');
  });

  it('says the cluster cannot be reached when nothing answers at its URL', async () => {
    const down = createWorkloadWriter({
      writers: [{ ...config, url: 'https://127.0.0.1:1' }],
      callTimeoutMs: 5_000,
    });
    const error = await refusal(
      down.apply({
        cluster: 'js2-demo',
        namespace: 'apps',
        objects: [deployment(id)],
      }),
    );
    expect(error.reason).toBe('unreachable');
    expect(error.message).toContain(
      'Cannot reach cluster "js2-demo" at https://127.0.0.1:1',
    );
    expect(error.message).not.toContain(
      process.env.LOCAL_CLUSTER_DEPLOYER_TOKEN_FILE!,
    );
  });
});
