import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { jetstream2KubernetesPlugin } from '../plugin';
import { kubernetesModuleJetstream2Cache } from '../upstream/kubernetesModule';
import { captureLogs } from './captureLogs';
import { useLocalCluster, type LocalCluster } from './localCluster';
import { waitFor } from './waitFor';

// The wired backend of the integration tests: our plugin and upstream's kubernetes plugin (served from our
// cache) in one backend on the real local control plane, with a second cluster that is unreachable and a
// third that refuses the token. Each test file starts its own, in a namespace of its own.

/** A secret value the workloads carry (an env value, a ConfigMap value) that must never be sent or logged. */
export const SECRET_VALUE = 'hunter2-wiring-test';

const entity = (name: string, annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
});

export const wiredEntities = (ns: string) => [
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

const manifest = (ns: string) => `
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
export function eventually<T extends { body?: unknown }>(
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

/**
 * Starts the wired backend for the tests of the describe block that calls this (before all, stopped after
 * all), with the entities' workloads applied in namespace `ns`. Every body it answers and every line the
 * backend logs are kept, for the checks that no secret leaves.
 */
export function useWiredBackend(ns: string) {
  const entities = wiredEntities(ns);
  const bodies: string[] = [];
  // Everything the backend logs (every plugin, every level, with each line's fields), from the start.
  const logs = captureLogs();
  const wired = {
    ns,
    entities,
    bodies,
    logs,
    server: undefined as any,
    cluster: undefined as unknown as LocalCluster,
    /** GET on our plugin's routes. */
    get: async (p: string) => {
      const res = await request(wired.server).get(
        `/api/jetstream2-kubernetes${p}`,
      );
      bodies.push(res.text);
      return res;
    },
    /** Upstream's POST /services/:entity for one of the entities. */
    upstreamServices: async (name: string) => {
      const res = await request(wired.server)
        .post(`/api/kubernetes/services/${name}`)
        .send({ entity: entities.find(e => e.metadata.name === name) });
      bodies.push(res.text);
      return res;
    },
  };
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const cluster = await useLocalCluster();
    wired.cluster = cluster;
    const file = path.join(os.tmpdir(), `${ns}.yaml`);
    fs.writeFileSync(file, manifest(ns));
    await cluster.kubectl('apply', '-f', file);
    const down = await closedPort();
    const backend = await startTestBackend({
      features: [
        jetstream2KubernetesPlugin,
        kubernetesPlugin,
        kubernetesModuleJetstream2Cache,
        logs.factory,
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
    wired.server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
    await wired.cluster?.kubectl('delete', 'namespace', ns, '--wait=false');
    await wired.cluster?.dispose();
  });

  return wired;
}

/**
 * Checks that no body sent and no line logged holds a token, a secret value, ConfigMap data or managed
 * fields. A failure names what leaked, never the value (the test's output is a log too).
 */
export function expectNothingSecret(wired: ReturnType<typeof useWiredBackend>) {
  const all = [...wired.bodies, wired.logs.text()].join('\n');
  const secrets: Array<[string, string]> = [
    ["the local control plane's token", wired.cluster.token],
    ['the secret env and ConfigMap value', SECRET_VALUE],
    ["the 'wrong-token' cluster's token", 'not-a-valid-token'],
    ['managed fields', 'managedFields'],
    ["kubectl's last-applied copy", 'last-applied-configuration'],
  ];
  const leaked = secrets
    .filter(([, value]) => all.includes(value))
    .map(([what]) => what);
  expect(leaked).toEqual([]);
}
