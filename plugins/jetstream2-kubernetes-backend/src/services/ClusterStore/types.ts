import type {
  ClusterDetail,
  ClusterSummary,
} from '@internal/plugin-jetstream2-kubernetes-common';

export interface StoredCluster {
  name: string;
  summary: ClusterSummary;
  detail: ClusterDetail;
  collectedAt?: string;
  /** Epoch milliseconds of the write. */
  updatedAt: number;
}

/** Persists what survives a restart: the last summary and detail of each cluster. */
export interface ClusterStore {
  saveCluster(cluster: Omit<StoredCluster, 'updatedAt'>): Promise<void>;
  getCluster(name: string): Promise<StoredCluster | undefined>;
  listClusters(): Promise<StoredCluster[]>;
}
