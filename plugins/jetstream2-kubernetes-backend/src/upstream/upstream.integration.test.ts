import {
  eventually,
  expectNothingSecret,
  useWiredBackend,
} from '../__testUtils__/wiredBackend';

// Upstream's kubernetes routes served from our cache (kubernetesModuleJetstream2Cache), in the wired backend
// on the real local control plane.
jest.setTimeout(10 * 60_000);

describe("upstream's /services from the jetstream2-kubernetes cache, on the real local control plane", () => {
  const wired = useWiredBackend(`upstream-${Date.now().toString(36)}`);

  it('serves upstream /services from the same cache, with per-cluster errors', async () => {
    const byCluster = (res: { body: any }) =>
      Object.fromEntries(
        (res.body.items ?? []).map((i: any) => [i.cluster.name, i]),
      );
    const podsIn = (res: { body: any }) =>
      byCluster(res)['js2-demo']?.resources.find((r: any) => r.type === 'pods')
        ?.resources ?? [];
    // the two pods of the wired deployment, and the broken clusters settled into their errors
    const res = await eventually(
      'upstream /services to show the 2 wired pods and both broken clusters',
      () => wired.upstreamServices('wired-app'),
      r =>
        r.status === 200 &&
        podsIn(r).length === 2 &&
        byCluster(r).down?.errors.length > 0 &&
        byCluster(r)['wrong-token']?.errors.length > 0,
    );
    const byName = byCluster(res);
    expect(podsIn(res).map((p: any) => p.metadata.namespace)).toEqual([
      wired.ns,
      wired.ns,
    ]);
    expect(byName['js2-demo'].errors).toEqual([]);
    expect(byName.down.errors[0]).toMatchObject({ errorType: 'FETCH_ERROR' });
    expect(byName['wrong-token'].errors[0]).toMatchObject({
      errorType: 'UNAUTHORIZED_ERROR',
      statusCode: 401,
    });
    const bad = await wired.upstreamServices('bad-selector');
    expect(bad.status).toBe(200);
    expect(bad.body.items[0].errors[0].message).toContain('label-selector');
  });

  it('fills upstream podMetrics from the pod usage the collector polls, in upstream’s units', async () => {
    const res = await eventually(
      'upstream /services to report podMetrics for the running wired pods',
      () => wired.upstreamServices('wired-app'),
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
      expect(m.pod.metadata.namespace).toBe(wired.ns);
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

  it('never sends or logs a token, a secret value, ConfigMap data or managed fields', async () => {
    await wired.upstreamServices('wired-app');
    expect(wired.bodies.length).toBeGreaterThan(2);
    expectNothingSecret(wired);
  });
});
