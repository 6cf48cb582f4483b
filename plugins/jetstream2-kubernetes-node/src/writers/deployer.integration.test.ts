import {
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
  loadYaml,
  type V1Deployment,
} from '@kubernetes/client-node';
import { ConfigReader } from '@backstage/config';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readClusterWriters } from './readClusterWriters';
import type { ClusterWriter } from './types';

// The deployer credential end to end on the real local control plane (tools/local-cluster, started by
// `npm test`): the writers entry of app-config.local-cluster.yaml, read by readClusterWriters, gives a token
// that may server-side apply (with a dry run first), restart, scale and delete pods in its namespaces, and
// nothing else: no Secrets, no other namespace, nothing cluster-scoped. The collector's token may not write.
jest.setTimeout(120_000);

const exec = promisify(execFile);
/** What the API server answers the deployer where it has no rights (kubectl shows it as "… is forbidden"). */
const FORBIDDEN =
  /forbidden: User "system:serviceaccount:backstage-system:backstage-deployer" cannot/i;
const REQUIRED = [
  'LOCAL_CLUSTER_URL',
  'LOCAL_CLUSTER_CA_FILE',
  'LOCAL_CLUSTER_TOKEN_FILE',
  'LOCAL_CLUSTER_DEPLOYER_TOKEN_FILE',
  'KUBECONFIG',
];
// A test that only ever runs from the source tree.
// eslint-disable-next-line no-restricted-syntax
const repoRoot = path.resolve(__dirname, '../../../..');

/** app-config.local-cluster.yaml with its ${VARS} from the environment, as `npm start` loads it. */
function localClusterConfig(): ConfigReader {
  const text = fs
    .readFileSync(path.join(repoRoot, 'app-config.local-cluster.yaml'), 'utf8')
    .replace(/\$\{(\w+)\}/g, (_, name: string) => process.env[name] ?? '');
  return new ConfigReader(loadYaml(text) as any);
}

const id = `deployer-it-${Date.now().toString(36)}`;
const deployment = (namespace: string): V1Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: id,
    namespace,
    labels: { 'backstage.io/kubernetes-id': id },
  },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: id } },
    template: {
      metadata: { labels: { app: id, 'backstage.io/kubernetes-id': id } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
    },
  },
});

describe('the deployer credential on the local control plane', () => {
  let writer: ClusterWriter;
  let deployerKubeconfig: string;
  let tmp: string;

  /** kubectl as the cluster admin (set-up and checks), or as the deployer. */
  const admin = (...args: string[]) =>
    exec('kubectl', args, { env: process.env }).then(r => r.stdout);
  const asDeployer = (...args: string[]) =>
    exec('kubectl', ['--kubeconfig', deployerKubeconfig, ...args]).then(
      r => r.stdout,
    );
  /** The message of a refused kubectl call as the deployer (fails the test when it is allowed). */
  const refusal = async (...args: string[]) => {
    try {
      await asDeployer(...args);
    } catch (error) {
      return String((error as { stderr?: string }).stderr);
    }
    throw new Error(`kubectl ${args.join(' ')} was allowed to the deployer`);
  };
  const objectApi = (token: string) => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: writer.url, caFile: writer.caFile }],
      users: [{ name: 'u', token }],
      contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
      currentContext: 'c',
    });
    return KubernetesObjectApi.makeApiClient(kc);
  };

  beforeAll(async () => {
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
    const writers = readClusterWriters(localClusterConfig());
    if (writers.length !== 1 || writers[0].token.type !== 'file') {
      throw new Error(
        `app-config.local-cluster.yaml should give one writer with a token file, got ${JSON.stringify(
          writers.map(w => ({ cluster: w.cluster, token: w.token.type })),
        )}`,
      );
    }
    writer = writers[0];
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deployer-it-'));
    deployerKubeconfig = path.join(tmp, 'deployer.kubeconfig');
    const token = fs
      .readFileSync((writer.token as { path: string }).path, 'utf8')
      .trim();
    fs.writeFileSync(
      deployerKubeconfig,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          {
            name: 'c',
            cluster: {
              server: writer.url,
              'certificate-authority': writer.caFile,
            },
          },
        ],
        users: [{ name: 'deployer', user: { token } }],
        contexts: [{ name: 'c', context: { cluster: 'c', user: 'deployer' } }],
        'current-context': 'c',
      }),
      { mode: 0o600 },
    );
  });

  afterAll(async () => {
    // The deployer may not delete deployments: the admin cleans up.
    await admin('-n', 'apps', 'delete', 'deployment', id, '--ignore-not-found');
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('lists apps (for new services) and the seed namespaces as writable', () => {
    expect(writer.cluster).toBe('js2-demo');
    expect(writer.token).toEqual({
      type: 'file',
      path: process.env.LOCAL_CLUSTER_DEPLOYER_TOKEN_FILE,
    });
    expect(writer.namespaces).toEqual([
      'apps',
      'binder',
      'jhub',
      'ml',
      'science',
    ]);
    expect(writer.url).toBe(process.env.LOCAL_CLUSTER_URL);
    expect(writer.caFile).toBe(process.env.LOCAL_CLUSTER_CA_FILE);
  });

  it('server-side applies a Deployment in apps: a dry run first (nothing created), then for real', async () => {
    const token = fs
      .readFileSync(process.env.LOCAL_CLUSTER_DEPLOYER_TOKEN_FILE!, 'utf8')
      .trim();
    const api = objectApi(token);
    const apply = (dryRun?: 'All') =>
      api.patch(
        deployment('apps'),
        undefined,
        dryRun,
        'jetstream2-portal',
        true,
        PatchStrategy.ServerSideApply,
      );

    const dry = await apply('All');
    expect(dry.metadata?.name).toBe(id);
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

    await apply();
    const created = JSON.parse(
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
    );
    expect(
      created.metadata.managedFields.map((f: { manager: string }) => f.manager),
    ).toContain('jetstream2-portal');
    // Applying the same manifest again changes nothing and is allowed (a re-run of a template).
    await apply();
  });

  it('restarts, scales and deletes a pod of a workload in its namespace', async () => {
    await asDeployer('-n', 'apps', 'rollout', 'restart', `deployment/${id}`);
    const template = JSON.parse(
      await admin('-n', 'apps', 'get', 'deployment', id, '-o', 'json'),
    ).spec.template.metadata.annotations;
    expect(template['kubectl.kubernetes.io/restartedAt']).toBeTruthy();

    await asDeployer('-n', 'apps', 'scale', `deployment/${id}`, '--replicas=2');
    await expect(
      admin(
        '-n',
        'apps',
        'get',
        'deployment',
        id,
        '-o',
        'jsonpath={.spec.replicas}',
      ),
    ).resolves.toBe('2');

    // Scheduled onto the simulated nodes within seconds: wait for a pod, then delete it as the deployer.
    const deadline = Date.now() + 30_000;
    let pod = '';
    while (!pod) {
      pod = (
        await asDeployer(
          '-n',
          'apps',
          'get',
          'pods',
          '-l',
          `app=${id}`,
          '-o',
          'name',
        )
      ).split('\n')[0];
      if (!pod && Date.now() > deadline) {
        throw new Error(
          `no pod of deployment ${id} appeared in apps within 30 s`,
        );
      }
      if (!pod) await new Promise(r => setTimeout(r, 200));
    }
    await asDeployer('-n', 'apps', 'delete', pod, '--wait=false');
  });

  it('is refused Secrets, other namespaces, cluster-scoped objects and its own rights', async () => {
    expect(await refusal('-n', 'apps', 'get', 'secrets')).toMatch(FORBIDDEN);
    expect(
      await refusal(
        '-n',
        'apps',
        'create',
        'secret',
        'generic',
        'x',
        '--from-literal=a=b',
      ),
    ).toMatch(FORBIDDEN);
    expect(
      await refusal(
        '-n',
        'default',
        'create',
        'deployment',
        'x',
        '--image=nginx',
      ),
    ).toMatch(FORBIDDEN);
    expect(
      await refusal(
        '-n',
        'kube-system',
        'create',
        'deployment',
        'x',
        '--image=nginx',
      ),
    ).toMatch(FORBIDDEN);
    expect(await refusal('create', 'namespace', 'x-deployer-it')).toMatch(
      FORBIDDEN,
    );
    expect(
      await refusal(
        '-n',
        'apps',
        'create',
        'rolebinding',
        'x',
        '--clusterrole=admin',
        '--user=me',
      ),
    ).toMatch(FORBIDDEN);
    expect(await refusal('-n', 'apps', 'delete', 'deployment', id)).toMatch(
      FORBIDDEN,
    );
  });

  it("never writes with the collector's read-only token", async () => {
    const readOnly = fs
      .readFileSync(process.env.LOCAL_CLUSTER_TOKEN_FILE!, 'utf8')
      .trim();
    await expect(
      objectApi(readOnly).patch(
        deployment('apps'),
        undefined,
        'All',
        'jetstream2-portal',
        true,
        PatchStrategy.ServerSideApply,
      ),
    ).rejects.toMatchObject({ code: 403 });
  });
});
