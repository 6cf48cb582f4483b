import request from 'supertest';
import {
  expectNothingSecret,
  eventually,
  SECRET_VALUE,
  useWiredBackend,
} from './__testUtils__/wiredBackend';

// The wiring test, on the real local control plane: our routes in a backend with upstream's kubernetes plugin
// (__testUtils__/wiredBackend.ts), a second cluster that is unreachable and a third that refuses the token.
// The first build of the Go control plane can take minutes.
jest.setTimeout(10 * 60_000);

describe('jetstream2KubernetesPlugin wired with upstream kubernetes, on the real local control plane', () => {
  const wired = useWiredBackend(`wiring-${Date.now().toString(36)}`);

  it('serves health without credentials', async () => {
    const res = await request(wired.server).get(
      '/api/jetstream2-kubernetes/health',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('collects the real cluster and reports the broken ones per cluster', async () => {
    const res = await eventually(
      'the three clusters to settle',
      () => wired.get('/clusters'),
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
    const res = await wired.get('/clusters/js2-demo');
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
    expect(res.body.namespaces).toContain(wired.ns);
    expect(res.body.workloadCounts.Deployment).toBeGreaterThan(0);
    expect((await wired.get('/clusters/nope')).status).toBe(404);
  });

  it('answers an entity view from the cache, with verdicts, events, cost and an ETag', async () => {
    const res = await eventually(
      'two running pods of the wired deployment',
      () => wired.get('/entities/default/component/wired-app/workloads'),
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
      namespace: wired.ns,
      source: 'kubernetes-id',
    });
    expect(body.clustersSearched).toEqual(['js2-demo', 'down', 'wrong-token']);
    expect(body.workloads).toContainEqual({
      kind: 'Deployment',
      namespace: wired.ns,
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

    const again = await request(wired.server)
      .get(
        '/api/jetstream2-kubernetes/entities/default/component/wired-app/workloads',
      )
      .set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
  });

  it('sees a scale-up through the watch, and moves the ETag', async () => {
    const before = await wired.get(
      '/entities/default/component/wired-app/workloads',
    );
    await wired.cluster.kubectl(
      '-n',
      wired.ns,
      'scale',
      'deployment',
      'wired',
      '--replicas=3',
    );
    const after = await eventually(
      'three pods after kubectl scale',
      () => wired.get('/entities/default/component/wired-app/workloads'),
      r =>
        r.body.clusters[0].resources.find((x: any) => x.type === 'pods')
          .resources.length === 3,
      30_000,
    );
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('answers an entity without objects, and a malformed selector with a 400', async () => {
    const empty = await wired.get(
      '/entities/default/component/nothing-here/workloads',
    );
    expect(empty.status).toBe(200);
    expect(empty.body.workloads).toEqual([]);
    const bad = await wired.get(
      '/entities/default/component/bad-selector/workloads',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(
      'invalid backstage.io/kubernetes-label-selector',
    );
    expect(
      (await wired.get('/entities/default/9kind/x/workloads')).status,
    ).toBe(400);
    expect(
      (await wired.get('/entities/default/component/nobody/workloads')).status,
    ).toBe(404);
  });

  it('reads logs of the entity’s own pods only', async () => {
    const view = await wired.get(
      '/entities/default/component/wired-app/workloads',
    );
    const pod = view.body.clusters[0].resources.find(
      (r: any) => r.type === 'pods',
    ).resources[0].metadata.name;
    const logs = await wired.get(
      `/entities/default/component/wired-app/logs?cluster=js2-demo&podNamespace=${wired.ns}&pod=${pod}&tailLines=5`,
    );
    expect(logs.status).toBe(200);
    expect(logs.text.trim().split('\n').length).toBeLessThanOrEqual(5);
    expect(logs.text.length).toBeGreaterThan(0);
    const foreign = await wired.get(
      `/entities/default/component/nothing-here/logs?cluster=js2-demo&podNamespace=${wired.ns}&pod=${pod}`,
    );
    expect(foreign.status).toBe(404);
    const badContainer = await wired.get(
      `/entities/default/component/wired-app/logs?cluster=js2-demo&podNamespace=${wired.ns}&pod=${pod}&container=nope`,
    );
    expect(badContainer.status).toBe(400);
    expect(badContainer.body.error.message).toContain('web');
  });

  it('lists cluster templates by tag', async () => {
    const res = await wired.get('/templates');
    expect(res.status).toBe(200);
    expect(res.body.map((t: any) => t.entityRef)).toEqual([
      'template:default/magnum-cluster',
    ]);
  });

  it('never sends or logs a token, a secret env value, ConfigMap data or managed fields', async () => {
    const view = await wired.get(
      '/entities/default/component/wired-app/workloads',
    );
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
    expect(wired.bodies.length).toBeGreaterThan(10);
    // The capture holds the backend's own lines: the collector's start and the refused token's warning.
    const logged = wired.logs.text();
    expect(logged).toContain('Collecting from 3 cluster(s)');
    expect(logged).toMatch(/warn .*wrong-token/);
    expectNothingSecret(wired);
  });
});
