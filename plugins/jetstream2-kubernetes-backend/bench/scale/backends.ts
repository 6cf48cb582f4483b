/**
 * The scale bench's backends, in this process: A (our plugin, upstream's kubernetes plugin and our module,
 * a signals service that records what is published), an empty one with the same features for the
 * baseline RSS, and B (upstream's kubernetes plugin alone: its default provider). The catalog holds the
 * group's services and the background workloads' entities; the config names the one API server under
 * `clusters` names, plus a dead cluster and a flapping one.
 */
import {
  createServiceFactory,
  type ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import http from 'node:http';
import type net from 'node:net';
import { jetstream2KubernetesPlugin } from '../../src/plugin';
import { kubernetesModuleJetstream2Cache } from '../../src/upstream/kubernetesModule';
import type { Backend, BenchCatalog } from '../backends';
import type { Cluster } from '../cluster';
import type { Run } from '../run';
import { backgroundDeployments, serviceName } from './workload';
import type { ScaleOptions } from './options';

export const TEAM = 'group:default/bench-team';

const component = (name: string, owner: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': name },
  },
  spec: { type: 'service', owner, lifecycle: 'production' },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

/** The group's services (entityNames, viewed by the series) and the background workloads' entities. */
export function scaleCatalog(
  opts: Pick<ScaleOptions, 'services' | 'podsPerCluster'>,
): BenchCatalog {
  const entityNames = Array.from({ length: opts.services }, (_, i) =>
    serviceName(i),
  );
  const others = backgroundDeployments(opts.podsPerCluster - opts.services).map(
    b => b.name,
  );
  const entities = [
    ...entityNames.map(n => component(n, TEAM)),
    ...others.map(n => component(n, 'group:default/other-team')),
  ];
  return {
    entityNames,
    entities,
    entityByName: new Map(entities.map(e => [e.metadata.name, e])),
  };
}

export const clusterName = (i: number) => `js2-${String(i).padStart(3, '0')}`;

/** The API server under `clusters` names, then the dead and the flapping cluster. */
export function scaleConfig(
  cluster: Cluster,
  clusters: number,
  extra: { deadUrl: string; flappingUrl: string },
) {
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
            ...Array.from({ length: clusters }, (_, i) =>
              c(clusterName(i), cluster.url),
            ),
            c('js2-dead', extra.deadUrl),
            c('js2-flapping', extra.flappingUrl),
          ],
        },
      ],
    },
  };
}

/** One publish the recording signals service saw. */
export interface PublishedSignal {
  channel: string;
  at: number;
}

/** A signals service that records every publish and tells listeners at once (the bench's open tabs). */
export interface SignalRecorder {
  readonly published: PublishedSignal[];
  subscribe(listener: (signal: PublishedSignal) => void): () => void;
  factory: ServiceFactory;
}

export function createSignalRecorder(): SignalRecorder {
  const published: PublishedSignal[] = [];
  const listeners = new Set<(signal: PublishedSignal) => void>();
  return {
    published,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    factory: createServiceFactory({
      service: signalsServiceRef,
      deps: {},
      factory: () => ({
        publish: async (signal: { channel: string }) => {
          const s = { channel: signal.channel, at: Date.now() };
          published.push(s);
          for (const l of listeners) l(s);
        },
      }),
    }),
  };
}

export type ScaleBackendKind = 'A' | 'empty' | 'empty clusters' | 'B';

/** Starts a backend of the given kind; its stop (idempotent) is also registered with the run. */
export async function startScaleBackend(
  run: Run,
  kind: ScaleBackendKind,
  config: object,
  catalog: BenchCatalog,
  signals: SignalRecorder = createSignalRecorder(),
): Promise<Backend> {
  const own = {
    SIGINT: process.listeners('SIGINT'),
    SIGTERM: process.listeners('SIGTERM'),
  };
  const ours: Array<ServiceFactory | typeof jetstream2KubernetesPlugin> =
    kind === 'B'
      ? []
      : [
          jetstream2KubernetesPlugin,
          kubernetesModuleJetstream2Cache,
          signals.factory,
        ];
  const backend = await startTestBackend({
    features: [
      ...ours,
      kubernetesPlugin,
      mockServices.rootLogger.factory({ level: 'error' }),
      catalogServiceMock.factory({ entities: catalog.entities as any }),
      mockServices.rootConfig.factory({ data: config as any }),
    ],
  });
  // Backstage's own SIGINT/SIGTERM handlers would exit before the bench stopped its control plane.
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
  run.onCleanup(`backend ${kind}`, stop);
  return {
    name: kind,
    port: (backend.server.address() as net.AddressInfo).port,
    agent,
    catalog,
    stop,
  };
}
