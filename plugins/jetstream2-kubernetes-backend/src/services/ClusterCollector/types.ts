import type {
  ClusterError,
  KubeObjectsByKind,
  ClusterStatus,
  ControlPlaneHealth,
  ResourceAmounts,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterChange, ClusterWatcher } from './clusterWatcher';

/** The collected object lists, by registry key (`nodeLeases` are the kubelet heartbeats). */
export type CollectedObjects = KubeObjectsByKind;

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

/**
 * The only code that talks to clusters: one list+watch per object type and cluster, and health polls.
 * Every backend replica runs its own; the database lease only decides which replica persists summaries.
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
  /** True while this replica holds the lease and so writes summaries to the database. */
  isLeader(): boolean;
  /** Called on every change of any cluster, and with `{ type: 'status' }` when clusters are added or removed. */
  onChange(
    listener: (cluster: string, change: ClusterChange) => void,
  ): () => void;
}
