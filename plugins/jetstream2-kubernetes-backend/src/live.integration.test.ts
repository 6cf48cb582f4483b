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
import { waitFor } from './__testUtils__/waitFor';

// Live: change notices after a kubectl scale, and clusters added and removed through config while the
// backend runs, on the real local control plane.
jest.setTimeout(10 * 60_000);

/** A wait on the cluster: checked every 100 ms, for up to `timeoutMs`. */
const slow = (timeoutMs: number) => ({ timeoutMs, intervalMs: 100 });

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
    await waitFor('the first pod', podCount, n => n === 1, slow(60_000));
    const channel = entitySignalChannel(entityRef);
    const before = published.filter(p => p.channel === channel).length;
    const startedAt = Date.now();
    await cluster.kubectl(
      '-n',
      ns,
      'scale',
      'deployment',
      'live',
      '--replicas=5',
    );
    // Timed from kubectl's answer (the API server has accepted the scale): kubectl's own start-up, which
    // can take a second on a busy 2-core machine, is not the portal's latency.
    const answeredAt = Date.now();
    const notice = await waitFor(
      'a notice on the entity channel after the scale',
      () => published.find(p => p.channel === channel && p.at >= startedAt),
      Boolean,
      { timeoutMs: 10_000 },
    );
    expect(notice!.at - answeredAt).toBeLessThanOrEqual(2_000);
    await waitFor('5 pods', podCount, n => n === 5, slow(30_000));
    // Scaling 1 → 5 makes dozens of pod events; they arrive as a handful of notices, not one each. The
    // burst is over once the pods run and the entity's channel had no notice for 2 s (maxWait is 1 s).
    const onChannel = () => published.filter(p => p.channel === channel);
    await waitFor(
      "the entity's notices to stop for 2 s",
      () => Date.now() - Math.max(...onChannel().map(p => p.at)) >= 2_000,
      Boolean,
      slow(30_000),
    );
    const notices = onChannel().length - before;
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
    await waitFor(
      'the added cluster to be collected',
      clusterNames,
      names => names.includes('js2-second:ok') && names.includes('js2-demo:ok'),
      slow(30_000),
    );
    expect(await clusterNames()).not.toContainEqual(
      expect.stringMatching(/^broken/),
    );
    config.update({ data: configData([clusterEntry('js2-demo')]) });
    await waitFor(
      'the removed cluster to disappear',
      clusterNames,
      names => names.length === 1 && names[0] === 'js2-demo:ok',
      slow(30_000),
    );
    const res = await request(server).get(
      '/api/jetstream2-kubernetes/entities/default/component/live-app/workloads',
    );
    expect(res.body.clustersSearched).toEqual(['js2-demo']);
  });
});
