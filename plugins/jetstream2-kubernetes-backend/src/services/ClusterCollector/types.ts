import type {
  ClusterError,
  ClusterStatus,
  ControlPlaneHealth,
  KubeObject,
  KubeObjectsByKind,
  ResourceAmounts,
  ResourceKey,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterDefinition } from '../ClusterLocator/types';
import type { ObjectIndex } from './objectIndex';

// The collector's types, imported by every file of this folder and imported from none of them but
// objectIndex.ts (a class, with no import from this folder), so no file here imports its importer.

/** The collected object lists, by registry key (`nodeLeases` are the kubelet heartbeats). */
type CollectedObjects = KubeObjectsByKind;

/** One container's usage as metrics.k8s.io states it (`cpu: "12345n"`, `memory: "20Ki"`). */
export interface ContainerUsage {
  name: string;
  cpu?: string;
  memory?: string;
}

/** One pod's usage from metrics.k8s.io: its containers' usage, kept as the API's quantities. */
export interface PodUsage {
  containers: ContainerUsage[];
}

/** What the collector knows about one cluster right now. Objects are shared: never mutate them. */
export interface ClusterSnapshot {
  name: string;
  title?: string;
  status: ClusterStatus;
  error?: ClusterError;
  version?: string;
  controlPlane: Omit<ControlPlaneHealth, 'leases'>;
  /** Last time every informer was in sync and the API server answered. */
  collectedAt?: string;
  /** Since when the API server does not answer, if it does not. */
  unreachableSince?: string;
  /** Node usage from metrics.k8s.io, by node name (empty when the cluster does not serve metrics). */
  nodeUsage?: Map<string, ResourceAmounts>;
  /**
   * Pod usage from metrics.k8s.io by `podUsageKey(namespace, name)` (`podUsage.ts`), for the pods the cache
   * holds (empty when the cluster does not serve metrics or says `skipMetricsLookup`). Live only: never
   * persisted.
   */
  podUsage?: ReadonlyMap<string, PodUsage>;
  objects: CollectedObjects;
  /** Changes whenever objects or status change: a key for caches of anything computed from the snapshot. */
  dataVersion?: number;
}

export interface CollectorSettings {
  healthIntervalMs: number;
  requestTimeoutMs: number;
  minBackoffMs: number;
  maxBackoffMs: number;
  listPageSize: number;
}

/** What changed: a type's objects (with the objects touched) or the cluster's status. */
export type ClusterChange =
  /** The objects touched; an updated object also as it was before (after the new one). */
  | { type: 'objects'; key: ResourceKey; objects: KubeObject[] }
  | { type: 'status' };

/** A request for a pod's log through the API server (`pods/log`). */
export interface PodLogRequest {
  namespace: string;
  pod: string;
  container?: string;
  previous?: boolean;
  tailLines?: number;
  timestamps?: boolean;
  limitBytes?: number;
}

/** One cluster's collector: its watches, its indexed cache and its control-plane polls. */
export interface ClusterWatcher {
  readonly cluster: ClusterDefinition;
  start(): void;
  /** Stops the watches and forgets everything collected, so a later start never serves old data. */
  stop(): Promise<void>;
  /** Polls version, health, node and pod metrics once (also run on the interval). */
  poll(): Promise<void>;
  /** The current state; the object lists are shared, never mutate them. */
  snapshot(): ClusterSnapshot;
  /** The current state without the object lists (cheap). */
  state(): Omit<ClusterSnapshot, 'objects'>;
  /** The live cache with its indexes. */
  readonly index: ObjectIndex;
  /** Bumped on every change of objects or status. */
  version(): number;
  onChange(listener: (change: ClusterChange) => void): () => void;
  /** Reads a pod's log through the API server (text; throws a classified error on failure). */
  podLogs(request: PodLogRequest): Promise<{ status: number; body: string }>;
  /** Requests our own client made (lists, health checks, logs; watches are not counted). */
  requestCount(): number;
}

/**
 * The only code that talks to clusters: one list+watch per object type and cluster, and health polls.
 * Every backend replica runs its own, so every replica answers from live data.
 */
export interface ClusterCollector {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Names of the configured clusters, in configuration order. */
  clusterNames(): string[];
  /** The cluster's current state, or undefined for an unknown cluster. */
  snapshot(name: string): ClusterSnapshot | undefined;
  /** The live watcher of a cluster (its indexed cache, logs), or undefined for an unknown cluster. */
  watcher(name: string): ClusterWatcher | undefined;
  /** Called on every change of any cluster, and with `{ type: 'status' }` when clusters are added or removed. */
  onChange(
    listener: (cluster: string, change: ClusterChange) => void,
  ): () => void;
}
