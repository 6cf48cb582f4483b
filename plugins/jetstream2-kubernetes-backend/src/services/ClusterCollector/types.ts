import type {
  ClusterError,
  ClusterObjects,
  ClusterStatus,
  ControlPlaneHealth,
  KubeObject,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** The collected object lists; `nodeLeases` are the kubelet heartbeats in kube-node-lease. */
export type CollectedObjects = ClusterObjects & { nodeLeases?: KubeObject[] };

export type ResourceKey = keyof CollectedObjects;

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
  objects: CollectedObjects;
}

export interface CollectorSettings {
  healthIntervalMs: number;
  requestTimeoutMs: number;
  minBackoffMs: number;
  maxBackoffMs: number;
  listPageSize: number;
}

/** The only code that talks to clusters: one list+watch per object type and cluster, and health polls. */
export interface ClusterCollector {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Names of the configured clusters, in configuration order. */
  clusterNames(): string[];
  /** The cluster's current state, or undefined for an unknown cluster or one not collected here. */
  snapshot(name: string): ClusterSnapshot | undefined;
  /** True while this process holds the collection lease and runs the informers. */
  isCollecting(): boolean;
}
