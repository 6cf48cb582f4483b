/**
 * The backends under test, started in this process with startTestBackend: our plugin and upstream's
 * kubernetes backend, with (A) or without (B) our module; a mock catalog of the bench's entities, a mock
 * user token, default-allow permissions, and the three clusters in config.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import http from 'node:http';
import type net from 'node:net';
import { jetstream2KubernetesPlugin } from '../src/plugin';
import { kubernetesModuleJetstream2Cache } from '../src/upstream/kubernetesModule';
import type { Cluster } from './cluster';
import type { Run } from './run';

const entity = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': name },
  },
  spec: { type: 'service', owner: 'bench', lifecycle: 'production' },
});

export interface BenchCatalog {
  /** bench-0 … bench-<n - 1>, the entities the pods are spread over. */
  entityNames: string[];
  /** Those, bench-empty (no objects) and bench-fifty (FIFTY pods). */
  entities: Array<ReturnType<typeof entity>>;
  entityByName: Map<string, ReturnType<typeof entity>>;
}

export function benchCatalog(entityCount: number): BenchCatalog {
  const entityNames = Array.from(
    { length: entityCount },
    (_, i) => `bench-${i}`,
  );
  const entities = [...entityNames, 'bench-empty', 'bench-fifty'].map(entity);
  const entityByName = new Map(entities.map(e => [e.metadata.name, e]));
  return { entityNames, entities, entityByName };
}

/** The same API server under three names: js2-a and js2-b direct, js2-remote through the delay proxy. */
export function backendConfig(cluster: Cluster, proxyPort: number) {
  const c = (name: string, url: string) => ({
    name,
    url,
    authProvider: 'serviceAccount',
    serviceAccountToken: cluster.token,
    caFile: cluster.caFile,
  });
  return {
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            c('js2-a', cluster.url),
            c('js2-b', cluster.url),
            c('js2-remote', `https://127.0.0.1:${proxyPort}`),
          ],
        },
      ],
    },
  };
}

export interface Backend {
  name: string;
  port: number;
  /** One keep-alive connection: the series' requests are sequential. */
  agent: http.Agent;
  /** The entities its mock catalog serves. */
  catalog: BenchCatalog;
  stop(): Promise<void>;
}

/** Starts a backend; its stop (idempotent) is also registered with the run. */
export async function startBackend(
  run: Run,
  name: string,
  withModule: boolean,
  config: object,
  catalog: BenchCatalog,
): Promise<Backend> {
  const own = {
    SIGINT: process.listeners('SIGINT'),
    SIGTERM: process.listeners('SIGTERM'),
  };
  const backend = await startTestBackend({
    features: [
      jetstream2KubernetesPlugin,
      kubernetesPlugin,
      ...(withModule ? [kubernetesModuleJetstream2Cache] : []),
      mockServices.rootLogger.factory({ level: 'error' }),
      catalogServiceMock.factory({ entities: catalog.entities as any }),
      mockServices.rootConfig.factory({ data: config as any }),
    ],
  });
  // Backstage adds SIGINT/SIGTERM handlers that stop the backends and exit at once, before the bench's own
  // handler has stopped the local control plane; the bench stops its backends itself, so drop them.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    for (const l of process.listeners(sig)) {
      if (!own[sig].includes(l)) process.removeListener(sig, l);
    }
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    agent.destroy();
    await backend.stop();
  };
  run.onCleanup(`backend ${name}`, stop);
  return {
    name,
    port: (backend.server.address() as net.AddressInfo).port,
    agent,
    catalog,
    stop,
  };
}
