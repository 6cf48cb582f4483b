import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { jetstream2KubernetesPlugin } from './plugin';
import {
  startFakeApiServer,
  type FakeApiServer,
} from './testing/fakeApiServer';
import { TEST_TOKEN, testClusterObjects } from './testing/objects';

jest.setTimeout(60_000);

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'jupyterhub',
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': 'jupyterhub' },
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  },
  {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name: 'magnum-cluster',
      title: 'Magnum cluster',
      tags: ['jetstream2-cluster', 'kubernetes'],
    },
    spec: {},
  },
  {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'website', tags: ['jetstream2'] },
    spec: {},
  },
];

async function eventually<T>(
  fn: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise(r => setTimeout(r, 100));
  }
}

describe('jetstream2KubernetesPlugin', () => {
  let fake: FakeApiServer;
  let server: any;
  let stop: () => Promise<void>;
  const bodies: string[] = [];
  const get = async (path: string) => {
    const res = await request(server).get(`/api/jetstream2-kubernetes${path}`);
    bodies.push(res.text);
    return res;
  };

  beforeAll(async () => {
    fake = await startFakeApiServer({
      token: TEST_TOKEN,
      objects: testClusterObjects(),
    });
    const backend = await startTestBackend({
      features: [
        jetstream2KubernetesPlugin,
        catalogServiceMock.factory({ entities: entities as any }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'js2-demo',
                      title: 'Demo',
                      url: fake.url,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: TEST_TOKEN,
                      skipTLSVerify: true,
                    },
                  ],
                },
              ],
            },
            jetstream2Kubernetes: {
              collection: {
                healthIntervalSeconds: 0.2,
                persistIntervalSeconds: 0.2,
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop();
    await fake.close();
  });

  it('serves health without credentials', async () => {
    const res = await request(server).get('/api/jetstream2-kubernetes/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('collects the configured cluster and summarises it', async () => {
    const res = await eventually(
      () => get('/clusters'),
      r => r.body[0]?.status === 'ok',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        name: 'js2-demo',
        title: 'Demo',
        version: 'v1.34.2',
        status: 'ok',
        nodeCount: 2,
        readyNodeCount: 2,
        podCount: 3,
        capacity: { cpuCores: 16, memoryBytes: 60 * 2 ** 30, gpus: 1 },
        requested: { cpuCores: 1.2, memoryBytes: 512 * 2 ** 20, gpus: 1 },
      }),
    ]);
    expect(res.body[0].collectedAt).toEqual(expect.any(String));
  });

  it('details a cluster: nodes with flavors, control plane, insights', async () => {
    const res = await get('/clusters/js2-demo');
    expect(res.status).toBe(200);
    expect(res.body.nodes.map((n: any) => [n.name, n.flavor, n.roles])).toEqual(
      [
        ['js2-demo-node-0', 'm3.medium', ['worker']],
        ['js2-demo-node-1', 'g3.large', ['worker']],
      ],
    );
    expect(res.body.nodes[0]).toMatchObject({
      kubeletVersion: 'v1.34.2',
      podCount: 1,
      ready: true,
    });
    expect(res.body.controlPlane.ready).toBe(true);
    expect(res.body.controlPlane.checks).toContainEqual({
      name: 'etcd',
      endpoint: 'readyz',
      ok: true,
    });
    expect(res.body.controlPlane.leases).toEqual([
      expect.objectContaining({
        component: 'kube-scheduler',
        holder: 'cp_1234',
        healthy: true,
      }),
    ]);
    expect(res.body.namespaces).toEqual(['default', 'jhub']);
    expect(res.body.workloadCounts).toMatchObject({
      Pod: 3,
      Deployment: 1,
      Service: 1,
    });
    expect(res.body.insights.map((i: any) => i.ruleId)).toEqual(
      expect.arrayContaining([
        'insufficient-cpu-memory',
        'no-external-address',
        'jupyterhub-workload',
      ]),
    );
  });

  it('answers 404 for an unknown cluster', async () => {
    const res = await get('/clusters/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('nope');
  });

  it('returns an entity\u2019s workloads in the upstream shape with concepts and guides', async () => {
    const res = await get('/entities/default/Component/jupyterhub/workloads');
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.entityRef).toBe('component:default/jupyterhub');
    expect(body.selector).toEqual({
      labelSelector: 'backstage.io/kubernetes-id=jupyterhub',
      source: 'kubernetes-id',
    });
    expect(body.clustersSearched).toEqual(['js2-demo']);
    const pods = body.clusters[0].resources.find((r: any) => r.type === 'pods');
    expect(pods.resources.map((p: any) => p.metadata.name).sort()).toEqual([
      'hub-5d9f-abcde',
      'user-pod',
    ]);
    expect(pods.resources[0].metadata.managedFields).toBeUndefined();
    const deployments = body.clusters[0].resources.find(
      (r: any) => r.type === 'deployments',
    );
    expect(deployments.resources[0].metadata.annotations).toEqual({});
    expect(body.workloads).toEqual(
      expect.arrayContaining([
        {
          kind: 'Deployment',
          namespace: 'jhub',
          name: 'hub',
          clusters: ['js2-demo'],
          status: '1/1 ready',
          healthy: true,
        },
        {
          kind: 'Pod',
          namespace: 'jhub',
          name: 'user-pod',
          clusters: ['js2-demo'],
          status: 'Pending',
          healthy: false,
        },
      ]),
    );
    expect(body.concepts.find((c: any) => c.kind === 'Pod').summary).toBe(
      '2 Pods: 1 Pending, 1 Running',
    );
    expect(body.recommendedGuides.map((g: any) => g.guideId)).toEqual([
      'k8s-magnum',
      'zonca-jupyterhub',
    ]);
  });

  it('rejects malformed entity references and unknown entities', async () => {
    const bad = await get('/entities/default/9kind/jupyterhub/workloads');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('kind must start with a letter');
    const missing = await get('/entities/default/component/nobody/workloads');
    expect(missing.status).toBe(404);
  });

  it('lists cluster templates by tag', async () => {
    const res = await get('/templates');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        entityRef: 'template:default/magnum-cluster',
        name: 'magnum-cluster',
        title: 'Magnum cluster',
        tags: ['jetstream2-cluster', 'kubernetes'],
      },
    ]);
  });

  it('serves guides and concepts', async () => {
    expect(
      (await get('/guides?concept=persistent-volume-claim')).body.map(
        (g: any) => g.id,
      ),
    ).toContain('k8s-volumes');
    expect((await get('/guides/k8s-gpu')).status).toBe(200);
    expect((await get('/concepts/pod')).body.id).toBe('pod');
    expect((await get('/guides/nope')).status).toBe(404);
  });

  it('turns a 401 into a credentials error with the guide, and recovers', async () => {
    fake.mode = 'unauthorized';
    const res = await eventually(
      () => get('/clusters'),
      r => r.body[0]?.status === 'error',
    );
    expect(res.body[0].error).toMatchObject({
      reason: 'unauthorized',
      guideId: 'zonca-credentials',
    });
    const detail = await get('/clusters/js2-demo');
    expect(detail.body.insights[0]).toMatchObject({
      ruleId: 'cluster-credentials',
      guideId: 'zonca-credentials',
    });
    fake.mode = 'ok';
    const back = await eventually(
      () => get('/clusters'),
      r => r.body[0]?.status === 'ok',
    );
    expect(back.body[0]).toMatchObject({ status: 'ok' });
  });

  it('never returns the token, managed fields or last-applied configuration', () => {
    expect(bodies.length).toBeGreaterThan(10);
    for (const body of bodies) {
      expect(body).not.toContain(TEST_TOKEN);
      expect(body).not.toContain('managedFields');
      expect(body).not.toContain('"secret":"inline"');
    }
  });
});
