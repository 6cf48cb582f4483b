import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  entitySignalChannel,
  type EntityTopologyResponse,
  type TopologyNode,
} from '@internal/plugin-jetstream2-kubernetes-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { jetstream2KubernetesPlugin } from '../../plugin';
import {
  useLocalCluster,
  type LocalCluster,
} from '../../__testUtils__/localCluster';
import { waitFor } from '../../__testUtils__/waitFor';

// The topology route on the real local control plane: the seed's JupyterHub and Science API as the issue's
// "done when" states them, and a deployment of this test's own that `kubectl scale` changes.
jest.setTimeout(10 * 60_000);

const ns = `topology-${Date.now().toString(36)}`;

const component = (name: string, annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
});

const manifest = `
apiVersion: v1
kind: Namespace
metadata: { name: ${ns} }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: topo
  namespace: ${ns}
  labels: { backstage.io/kubernetes-id: topo-app }
spec:
  replicas: 1
  selector: { matchLabels: { app: topo } }
  template:
    metadata:
      labels: { app: topo, backstage.io/kubernetes-id: topo-app }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
---
apiVersion: v1
kind: Service
metadata:
  name: topo
  namespace: ${ns}
  labels: { backstage.io/kubernetes-id: topo-app }
spec:
  selector: { app: topo }
  ports: [{ port: 80 }]
`;

/** Every LIST the API server answered, except the metrics API's (the health poll reads pod usage). */
async function listCount(cluster: LocalCluster): Promise<number> {
  const text = await cluster.kubectl('get', '--raw', '/metrics');
  let total = 0;
  for (const line of text.split('\n')) {
    if (
      line.startsWith('apiserver_request_total{') &&
      line.includes('verb="LIST"') &&
      !line.includes('group="metrics.k8s.io"')
    ) {
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return total;
}

type Topology = EntityTopologyResponse;

describe('the topology route on the real local control plane', () => {
  let cluster: LocalCluster;
  let server: any;
  let stop: () => Promise<void>;
  const published: string[] = [];

  const get = (name: string) =>
    request(server).get(
      `/api/jetstream2-kubernetes/entities/default/component/${name}/topology`,
    );
  const until = (what: string, name: string, ok: (t: Topology) => boolean) =>
    waitFor(
      what,
      async () => (await get(name)).body as Topology,
      t => Array.isArray(t?.nodes) && ok(t),
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  const find = (t: Topology, kind: string, name: string) =>
    t.nodes.find(n => n.kind === kind && n.name.startsWith(name));
  const edge = (t: Topology, from?: TopologyNode, to?: TopologyNode) =>
    from && to && t.edges.find(e => e.from === from.id && e.to === to.id);

  beforeAll(async () => {
    cluster = await useLocalCluster();
    const file = path.join(os.tmpdir(), `${ns}.yaml`);
    fs.writeFileSync(file, manifest);
    await cluster.kubectl('apply', '-f', file);
    const backend = await startTestBackend({
      features: [
        jetstream2KubernetesPlugin,
        catalogServiceMock.factory({
          entities: [
            component('jupyterhub', {
              'backstage.io/kubernetes-id': 'jupyterhub',
            }),
            component('science-api', {
              'backstage.io/kubernetes-id': 'science-api',
            }),
            component('topo-app', {
              'backstage.io/kubernetes-id': 'topo-app',
              'backstage.io/kubernetes-namespace': ns,
            }),
          ] as any,
        }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
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
            },
            jetstream2Kubernetes: {
              collection: { healthInterval: '1s', persistInterval: '5s' },
            },
          },
        }),
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({
            publish: async (signal: any) => {
              published.push(signal.channel);
            },
          }),
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

  it("shows JupyterHub's hub Service → hub pod → pending hub-db-dir claim with the volumes guide, and proxy-public without an address", async () => {
    const t = await until(
      "JupyterHub's claim and address",
      'jupyterhub',
      x =>
        Boolean(find(x, 'PersistentVolumeClaim', 'hub-db-dir')?.guideId) &&
        Boolean(find(x, 'ExternalAddress', 'proxy-public')),
    );
    const svc = find(t, 'Service', 'hub');
    const hubPod = t.nodes.find(
      n => n.kind === 'Pod' && n.name.startsWith('hub-'),
    );
    const claim = find(t, 'PersistentVolumeClaim', 'hub-db-dir');
    expect(edge(t, svc, hubPod)?.type).toBe('selects');
    expect(edge(t, hubPod, claim)?.type).toBe('mounts');
    expect(claim).toMatchObject({
      verdict: 'warning',
      status: 'Pending',
      guideId: 'k8s-volumes',
    });
    expect(find(t, 'StorageClass', 'cinder-csi')).toMatchObject({
      missing: true,
    });
    const lb = find(t, 'Service', 'proxy-public');
    const address = find(t, 'ExternalAddress', 'proxy-public');
    expect(edge(t, lb, address)?.type).toBe('exposes');
    expect(lb).toMatchObject({
      verdict: 'warning',
      guideId: 'k8s-external-address',
    });
    expect(address).toMatchObject({
      name: 'proxy-public: none yet',
      guideId: 'k8s-external-address',
    });
    expect(address?.note).toContain('load-balancer role');
    expect(t.insights.map(i => i.ruleId)).toEqual(
      expect.arrayContaining(['pvc-pending', 'no-external-address']),
    );
  });

  it("shows Science API's Deployment → ReplicaSet → pods on their nodes, with the nodes' flavors", async () => {
    const t = await until(
      "Science API's three api pods on nodes",
      'science-api',
      x =>
        x.edges.filter(
          e => e.type === 'runs-on' && e.from.includes('/Pod/science/api-'),
        ).length === 3,
    );
    const deployment = find(t, 'Deployment', 'api');
    const rs = t.nodes.find(
      n => n.kind === 'ReplicaSet' && n.name.startsWith('api-'),
    );
    expect(edge(t, deployment, rs)?.type).toBe('owns');
    const pods = t.nodes.filter(
      n => n.kind === 'Pod' && n.name.startsWith('api-'),
    );
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(edge(t, rs, p)?.type).toBe('owns');
      const on = t.edges.find(e => e.from === p.id && e.type === 'runs-on');
      const node = t.nodes.find(n => n.id === on?.to);
      expect(node).toMatchObject({ kind: 'Node', verdict: 'ok' });
      expect(node?.flavor).toMatch(/^m3\./);
    }
    expect(
      edge(t, find(t, 'HorizontalPodAutoscaler', 'api'), deployment)?.type,
    ).toBe('scales');
  });

  it('follows kubectl scale with a change notice on the entity’s channel, and no view LISTs anything', async () => {
    const first = await until(
      'one topo pod',
      'topo-app',
      x => x.nodes.filter(n => n.kind === 'Pod').length === 1,
    );
    const before = await get('topo-app');
    const lists = await listCount(cluster);
    expect(lists).toBeGreaterThan(0); // the collector's own lists, at its start
    // The API server counts every client's LISTs, and other suites' backends share this cluster (a
    // relist of one cluster is ~20 LISTs). A view that LISTed would add at least one per view: 100 views
    // must add fewer LISTs than views.
    const views = 100;
    for (let i = 0; i < views; i++) {
      expect((await get('topo-app')).status).toBe(200);
    }
    const added = (await listCount(cluster)) - lists;
    expect(added).toBeLessThan(views / 2);

    const channel = entitySignalChannel('component:default/topo-app');
    published.length = 0;
    await cluster.kubectl(
      '-n',
      ns,
      'scale',
      'deployment',
      'topo',
      '--replicas=3',
    );
    await waitFor(
      `a change notice on ${channel}`,
      () => published.includes(channel),
      Boolean,
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const after = await until(
      'three topo pods',
      'topo-app',
      x => x.nodes.filter(n => n.kind === 'Pod').length === 3,
    );
    const svc = find(after, 'Service', 'topo');
    expect(after.edges.filter(e => e.from === svc?.id)).toHaveLength(3);
    expect((await get('topo-app')).headers.etag).not.toBe(before.headers.etag);
    expect(first.nodes.length).toBeLessThan(after.nodes.length);
  });

  it('answers 400 for a malformed reference and 404 for an unknown entity', async () => {
    const bad = await request(server).get(
      '/api/jetstream2-kubernetes/entities/default/9kind/x/topology',
    );
    expect(bad.status).toBe(400);
    expect((await get('nobody')).status).toBe(404);
  });
});
