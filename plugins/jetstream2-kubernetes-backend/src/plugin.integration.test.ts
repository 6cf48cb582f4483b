import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { captureLogs } from './__testUtils__/captureLogs';
import {
  useLocalCluster,
  type LocalCluster,
} from './__testUtils__/localCluster';
import { waitFor } from './__testUtils__/waitFor';
import { jetstream2KubernetesPlugin } from './plugin';
import { kubernetesModuleJetstream2Cache } from './upstream/kubernetesModule';

// The wiring test, on the real local control plane: our plugin and upstream's kubernetes plugin (served from
// our cache) in one backend, with a second cluster that is unreachable and a third that refuses the token.
// The first build of the Go control plane can take minutes.
jest.setTimeout(10 * 60_000);

const ns = `wiring-${Date.now().toString(36)}`;
const SECRET_VALUE = 'hunter2-wiring-test';

const entity = (name: string, annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
});

const entities = [
  entity('wired-app', {
    'backstage.io/kubernetes-id': 'wired-app',
    'backstage.io/kubernetes-namespace': ns,
  }),
  entity('nothing-here', { 'backstage.io/kubernetes-id': 'nothing-here' }),
  entity('bad-selector', {
    'backstage.io/kubernetes-label-selector': 'app in (a,',
  }),
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

const manifest = `
apiVersion: v1
kind: Namespace
metadata: { name: ${ns} }
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: wired-config
  namespace: ${ns}
  labels: { backstage.io/kubernetes-id: wired-app }
data: { DATABASE_URL: "postgres://app:${SECRET_VALUE}@db/app", mode: production }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: wired
  namespace: ${ns}
  labels: { backstage.io/kubernetes-id: wired-app }
  annotations: { note: kept }
spec:
  replicas: 2
  selector: { matchLabels: { app: wired } }
  template:
    metadata:
      labels: { app: wired, backstage.io/kubernetes-id: wired-app }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          env:
            - { name: DB_PASSWORD, value: ${SECRET_VALUE} }
            - { name: LOG_LEVEL, value: debug }
          resources: { requests: { cpu: 500m, memory: 256Mi } }
`;

/** A loopback port nobody listens on: an unreachable cluster. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>(r => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise(r => srv.close(r));
  return port;
}

/** Asks again until the answer is right, for up to a minute; fails naming what did not come. */
function eventually<T extends { body?: unknown }>(
  what: string,
  ask: () => Promise<T>,
  ok: (answer: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  return waitFor(what, ask, ok, {
    timeoutMs,
    intervalMs: 250,
    describe: answer =>
      String(JSON.stringify(answer?.body ?? answer)).slice(0, 500),
  });
}

describe('jetstream2KubernetesPlugin wired with upstream kubernetes, on the real local control plane', () => {
  let cluster: LocalCluster;
  let server: any;
  let stop: () => Promise<void>;
  const bodies: string[] = [];
  // Everything the backend logs (every plugin, every level, with each line's fields), from the start.
  const backendLogs = captureLogs();
  const get = async (p: string) => {
    const res = await request(server).get(`/api/jetstream2-kubernetes${p}`);
    bodies.push(res.text);
    return res;
  };
  const upstreamServices = async (name: string) => {
    const res = await request(server)
      .post(`/api/kubernetes/services/${name}`)
      .send({ entity: entities.find(e => e.metadata.name === name) });
    bodies.push(res.text);
    return res;
  };

  beforeAll(async () => {
    cluster = await useLocalCluster();
    const file = path.join(os.tmpdir(), `${ns}.yaml`);
    fs.writeFileSync(file, manifest);
    await cluster.kubectl('apply', '-f', file);
    const down = await closedPort();
    const backend = await startTestBackend({
      features: [
        jetstream2KubernetesPlugin,
        kubernetesPlugin,
        kubernetesModuleJetstream2Cache,
        backendLogs.factory,
        catalogServiceMock.factory({ entities: entities as any }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'js2-demo',
                      title: 'Demo',
                      url: cluster.url,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: cluster.token,
                      caFile: cluster.caFile,
                    },
                    {
                      name: 'down',
                      url: `https://127.0.0.1:${down}`,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: 'unused-token',
                      skipTLSVerify: true,
                    },
                    {
                      name: 'wrong-token',
                      url: cluster.url,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: 'not-a-valid-token',
                      caFile: cluster.caFile,
                    },
                  ],
                },
              ],
            },
            jetstream2Kubernetes: {
              collection: {
                healthInterval: '500ms',
                persistInterval: '500ms',
                maxBackoff: '2s',
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
    await stop?.();
    await cluster?.kubectl('delete', 'namespace', ns, '--wait=false');
    await cluster?.dispose();
  });

  it('serves health without credentials', async () => {
    const res = await request(server).get('/api/jetstream2-kubernetes/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('collects the real cluster and reports the broken ones per cluster', async () => {
    const res = await eventually(
      'the three clusters to settle',
      () => get('/clusters'),
      r =>
        r.body[0]?.status === 'ok' &&
        r.body[1]?.status === 'error' &&
        r.body[2]?.status === 'error',
    );
    const [demo, down, wrong] = res.body;
    expect(demo).toMatchObject({
      name: 'js2-demo',
      title: 'Demo',
      version: 'v1.34.4',
      nodeCount: 5,
      readyNodeCount: 5,
    });
    // 2 × m3.medium, 2 × m3.large, 1 × g3.medium
    expect(demo.cost).toMatchObject({ suPerHour: 80, suPerMonth: 80 * 730 });
    expect(demo.cost.idleSuPerHour).toBeGreaterThan(0);
    expect(demo.cost.idleSuPerHour).toBeLessThan(80);
    expect(down.error).toMatchObject({ reason: 'unreachable' });
    expect(down.error.message).toContain('down');
    expect(down.unreachableSince).toEqual(expect.any(String));
    expect(wrong.error).toMatchObject({
      reason: 'unauthorized',
      guideId: 'zonca-credentials',
    });
    expect(wrong.error.message).not.toMatch(/restart/);
  });

  it('details a cluster: nodes with flavors and SU rates, control plane, leases', async () => {
    const res = await get('/clusters/js2-demo');
    expect(res.status).toBe(200);
    const flavors = res.body.nodes.map((n: any) => [n.flavor, n.suPerHour]);
    expect(flavors).toEqual(
      expect.arrayContaining([
        ['m3.medium', 8],
        ['m3.large', 16],
        ['g3.medium', 32],
      ]),
    );
    expect(res.body.controlPlane.ready).toBe(true);
    expect(res.body.controlPlane.leases.map((l: any) => l.component)).toEqual(
      expect.arrayContaining(['kube-controller-manager', 'kube-scheduler']),
    );
    expect(res.body.namespaces).toContain(ns);
    expect(res.body.workloadCounts.Deployment).toBeGreaterThan(0);
    expect((await get('/clusters/nope')).status).toBe(404);
  });

  it('answers an entity view from the cache, with verdicts, events, cost and an ETag', async () => {
    const res = await eventually(
      'two running pods of the wired deployment',
      () => get('/entities/default/component/wired-app/workloads'),
      r =>
        r.status === 200 &&
        r.body.workloads?.some(
          (w: any) => w.kind === 'Deployment' && w.status === '2/2 ready',
        ),
    );
    const body = res.body;
    // a large view goes out compressed once per data version
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(body.selector).toEqual({
      labelSelector: 'backstage.io/kubernetes-id=wired-app',
      namespace: ns,
      source: 'kubernetes-id',
    });
    expect(body.clustersSearched).toEqual(['js2-demo', 'down', 'wrong-token']);
    expect(body.workloads).toContainEqual({
      kind: 'Deployment',
      namespace: ns,
      name: 'wired',
      clusters: ['js2-demo'],
      status: '2/2 ready',
      verdict: 'ok',
      healthy: true,
    });
    const demo = body.clusters.find((c: any) => c.cluster === 'js2-demo');
    const pods = demo.resources.find((r: any) => r.type === 'pods').resources;
    expect(pods).toHaveLength(2);
    expect(pods[0].metadata.managedFields).toBeUndefined();
    expect(body.cost.suPerHour).toBeGreaterThan(0);
    expect(body.cost.byWorkload[0]).toMatchObject({
      kind: 'Deployment',
      name: 'wired',
    });
    expect(body.events.length).toBeGreaterThan(0);
    expect(body.events[0]).toMatchObject({ cluster: 'js2-demo' });
    // the broken clusters give a message per cluster, the view still answers
    expect(
      body.clusters.find((c: any) => c.cluster === 'down').error.reason,
    ).toBe('unreachable');

    const again = await request(server)
      .get(
        '/api/jetstream2-kubernetes/entities/default/component/wired-app/workloads',
      )
      .set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
  });

  it('sees a scale-up through the watch, and moves the ETag', async () => {
    const before = await get('/entities/default/component/wired-app/workloads');
    await cluster.kubectl(
      '-n',
      ns,
      'scale',
      'deployment',
      'wired',
      '--replicas=3',
    );
    const after = await eventually(
      'three pods after kubectl scale',
      () => get('/entities/default/component/wired-app/workloads'),
      r =>
        r.body.clusters[0].resources.find((x: any) => x.type === 'pods')
          .resources.length === 3,
      30_000,
    );
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('answers an entity without objects, and a malformed selector with a 400', async () => {
    const empty = await get(
      '/entities/default/component/nothing-here/workloads',
    );
    expect(empty.status).toBe(200);
    expect(empty.body.workloads).toEqual([]);
    const bad = await get('/entities/default/component/bad-selector/workloads');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(
      'invalid backstage.io/kubernetes-label-selector',
    );
    expect((await get('/entities/default/9kind/x/workloads')).status).toBe(400);
    expect(
      (await get('/entities/default/component/nobody/workloads')).status,
    ).toBe(404);
  });

  it('serves upstream /services from the same cache, with per-cluster errors', async () => {
    const res = await upstreamServices('wired-app');
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      res.body.items.map((i: any) => [i.cluster.name, i]),
    );
    const pods = byName['js2-demo'].resources.find(
      (r: any) => r.type === 'pods',
    );
    expect(pods.resources).toHaveLength(3);
    expect(byName['js2-demo'].errors).toEqual([]);
    expect(byName.down.errors[0]).toMatchObject({ errorType: 'FETCH_ERROR' });
    expect(byName['wrong-token'].errors[0]).toMatchObject({
      errorType: 'UNAUTHORIZED_ERROR',
      statusCode: 401,
    });
    const bad = await upstreamServices('bad-selector');
    expect(bad.status).toBe(200);
    expect(bad.body.items[0].errors[0].message).toContain('label-selector');
  });

  it('fills upstream podMetrics from the pod usage the collector polls, in upstream’s units', async () => {
    const res = await eventually(
      'upstream /services to report podMetrics for the running wired pods',
      () => upstreamServices('wired-app'),
      r =>
        r.status === 200 &&
        r.body.items.find((i: any) => i.cluster.name === 'js2-demo')?.podMetrics
          ?.length > 0,
    );
    const byName = Object.fromEntries(
      res.body.items.map((i: any) => [i.cluster.name, i]),
    );
    const demo = byName['js2-demo'];
    const podNames = demo.resources
      .find((r: any) => r.type === 'pods')
      .resources.map((p: any) => p.metadata.name);
    for (const m of demo.podMetrics) {
      // only the entity's own pods, each whole, as upstream's drawer and table look them up
      expect(podNames).toContain(m.pod.metadata.name);
      expect(m.pod.metadata.namespace).toBe(ns);
      // cores as a number, bytes as an integer string (upstream's bigint); requests from the spec
      expect(m.cpu).toEqual({
        currentUsage: expect.any(Number),
        requestTotal: 0.5,
        limitTotal: 0,
      });
      expect(m.cpu.currentUsage).toBeGreaterThan(0);
      expect(m.memory).toMatchObject({
        currentUsage: expect.stringMatching(/^[1-9][0-9]*$/),
        requestTotal: String(256 * 2 ** 20),
        limitTotal: 0,
      });
      expect(m.containers).toEqual([
        {
          container: 'web',
          cpuUsage: m.cpu,
          memoryUsage: m.memory,
        },
      ]);
    }
    // no usage, and no error about it, for the clusters that do not answer
    expect(byName.down.podMetrics).toEqual([]);
    expect(byName['wrong-token'].podMetrics).toEqual([]);
    expect(demo.errors).toEqual([]);
  });

  it('reads logs of the entity’s own pods only', async () => {
    const view = await get('/entities/default/component/wired-app/workloads');
    const pod = view.body.clusters[0].resources.find(
      (r: any) => r.type === 'pods',
    ).resources[0].metadata.name;
    const logs = await get(
      `/entities/default/component/wired-app/logs?cluster=js2-demo&podNamespace=${ns}&pod=${pod}&tailLines=5`,
    );
    expect(logs.status).toBe(200);
    expect(logs.text.trim().split('\n').length).toBeLessThanOrEqual(5);
    expect(logs.text.length).toBeGreaterThan(0);
    const foreign = await get(
      `/entities/default/component/nothing-here/logs?cluster=js2-demo&podNamespace=${ns}&pod=${pod}`,
    );
    expect(foreign.status).toBe(404);
    const badContainer = await get(
      `/entities/default/component/wired-app/logs?cluster=js2-demo&podNamespace=${ns}&pod=${pod}&container=nope`,
    );
    expect(badContainer.status).toBe(400);
    expect(badContainer.body.error.message).toContain('web');
  });

  it('lists cluster templates by tag', async () => {
    const res = await get('/templates');
    expect(res.status).toBe(200);
    expect(res.body.map((t: any) => t.entityRef)).toEqual([
      'template:default/magnum-cluster',
    ]);
  });

  it('never sends or logs a token, a secret env value, ConfigMap data or managed fields', async () => {
    const view = await get('/entities/default/component/wired-app/workloads');
    const demo = view.body.clusters[0];
    const deployment = demo.resources.find((r: any) => r.type === 'deployments')
      .resources[0];
    const env = deployment.spec.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'LOG_LEVEL', value: 'debug' });
    expect(env.find((e: any) => e.name === 'DB_PASSWORD').value).not.toBe(
      SECRET_VALUE,
    );
    const configMap = demo.resources.find((r: any) => r.type === 'configmaps')
      .resources[0];
    expect(Object.keys(configMap.data).sort()).toEqual([
      'DATABASE_URL',
      'mode',
    ]);
    expect(deployment.metadata.annotations).toMatchObject({ note: 'kept' });
    expect(bodies.length).toBeGreaterThan(10);
    // The capture holds the backend's own lines: the collector's start and the refused token's warning.
    const logged = backendLogs.text();
    expect(logged).toContain('Collecting from 3 cluster(s)');
    expect(logged).toMatch(/warn .*wrong-token/);
    const all = [...bodies, logged].join('\n');
    for (const secret of [cluster.token, SECRET_VALUE, 'not-a-valid-token']) {
      expect(all).not.toContain(secret);
    }
    expect(all).not.toContain('managedFields');
    expect(all).not.toContain('last-applied-configuration');
  });
});
