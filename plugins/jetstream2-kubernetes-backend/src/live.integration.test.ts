import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { entitySignalChannel } from '@internal/plugin-jetstream2-kubernetes-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { jetstream2KubernetesPlugin } from './plugin';
import {
  useLocalCluster,
  type LocalCluster,
} from './__testUtils__/localCluster';

// Live: change notices after a kubectl scale, and clusters added and removed through config while the
// backend runs, on the real local control plane.
jest.setTimeout(10 * 60_000);

const ns = `live-${Date.now().toString(36)}`;
const entityRef = 'component:default/live-app';

const manifest = `
apiVersion: v1
kind: Namespace
metadata: { name: ${ns} }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: live
  namespace: ${ns}
  labels: { backstage.io/kubernetes-id: live-app }
spec:
  replicas: 1
  selector: { matchLabels: { app: live } }
  template:
    metadata:
      labels: { app: live, backstage.io/kubernetes-id: live-app }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`;

async function until<T>(
  what: string,
  fn: () => Promise<T> | T,
  ok: (v: T) => boolean,
  timeoutMs: number,
): Promise<number> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (ok(v)) return Date.now() - start;
    if (Date.now() - start > timeoutMs) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(
          v,
        ).slice(0, 400)}`,
      );
    }
    await new Promise(r => setTimeout(r, 100));
  }
}

describe('live updates on the real local control plane', () => {
  let cluster: LocalCluster;
  let server: any;
  let stop: () => Promise<void>;
  const published: { channel: string; at: number }[] = [];
  let config: ReturnType<typeof mockServices.rootConfig>;
  const clusterEntry = (name: string) => ({
    name,
    url: cluster.url,
    authProvider: 'serviceAccount',
    serviceAccountToken: cluster.token,
    caFile: cluster.caFile,
  });
  const configData = (clusters: object[]) => ({
    kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters }] },
    jetstream2Kubernetes: {
      collection: { healthInterval: '500ms', persistInterval: '1s' },
    },
  });

  beforeAll(async () => {
    cluster = await useLocalCluster();
    const file = path.join(os.tmpdir(), `${ns}.yaml`);
    fs.writeFileSync(file, manifest);
    await cluster.kubectl('apply', '-f', file);
    config = mockServices.rootConfig({
      data: configData([clusterEntry('js2-demo')]),
    });
    const backend = await startTestBackend({
      features: [
        jetstream2KubernetesPlugin,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'live-app',
                namespace: 'default',
                annotations: {
                  'backstage.io/kubernetes-id': 'live-app',
                  'backstage.io/kubernetes-namespace': ns,
                },
              },
              spec: { type: 'service', owner: 'team', lifecycle: 'production' },
            } as any,
          ],
        }),
        createServiceFactory({
          service: coreServices.rootConfig,
          deps: {},
          factory: () => config,
        }),
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({
            publish: async (signal: any) => {
              published.push({ channel: signal.channel, at: Date.now() });
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

  const podCount = async () => {
    const res = await request(server).get(
      '/api/jetstream2-kubernetes/entities/default/component/live-app/workloads',
    );
    return res.body.clusters?.[0]?.resources
      ?.find((r: any) => r.type === 'pods')
      ?.resources.filter((p: any) => !p.metadata.deletionTimestamp).length;
  };
  const clusterNames = async () =>
    (await request(server).get('/api/jetstream2-kubernetes/clusters')).body.map(
      (c: any) => `${c.name}:${c.status}`,
    );

  it('publishes a notice on the entity channel within 2 s of a kubectl scale, a burst as few notices', async () => {
    await until('the first pod', podCount, n => n === 1, 60_000);
    const channel = entitySignalChannel(entityRef);
    const before = published.filter(p => p.channel === channel).length;
    const scaledAt = Date.now();
    await cluster.kubectl(
      '-n',
      ns,
      'scale',
      'deployment',
      'live',
      '--replicas=5',
    );
    const ms = await until(
      'a notice on the entity channel',
      () => published.filter(p => p.channel === channel && p.at >= scaledAt),
      list => list.length > 0,
      2_000 + 5_000, // kubectl itself takes a moment on 2 cores
    );
    expect(ms).toBeLessThan(7_000);
    await until('5 pods', podCount, n => n === 5, 30_000);
    // scaling 1 → 5 makes dozens of pod events; they arrive as a handful of notices, not one each
    await new Promise(r => setTimeout(r, 1500));
    const notices =
      published.filter(p => p.channel === channel).length - before;
    expect(notices).toBeGreaterThanOrEqual(1);
    expect(notices).toBeLessThanOrEqual(10);
  });

  it('adds and removes clusters from config while running; a malformed entry is refused, the rest keep working', async () => {
    config.update({
      data: configData([
        clusterEntry('js2-demo'),
        clusterEntry('js2-second'),
        { name: 'broken', url: 'not a url', authProvider: 'serviceAccount' },
      ]),
    });
    await until(
      'the added cluster to be collected',
      clusterNames,
      names => names.includes('js2-second:ok') && names.includes('js2-demo:ok'),
      30_000,
    );
    expect(await clusterNames()).not.toContainEqual(
      expect.stringMatching(/^broken/),
    );
    config.update({ data: configData([clusterEntry('js2-demo')]) });
    await until(
      'the removed cluster to disappear',
      clusterNames,
      names => names.length === 1 && names[0] === 'js2-demo:ok',
      30_000,
    );
    const res = await request(server).get(
      '/api/jetstream2-kubernetes/entities/default/component/live-app/workloads',
    );
    expect(res.body.clustersSearched).toEqual(['js2-demo']);
  });
});
