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

/** Persists what survives a restart, and coordinates which replica collects. */
export interface ClusterStore {
  saveCluster(cluster: Omit<StoredCluster, 'updatedAt'>): Promise<void>;
  getCluster(name: string): Promise<StoredCluster | undefined>;
  listClusters(): Promise<StoredCluster[]>;
  /**
   * Takes or renews the named lease for `holder` until now + ttlMs. True when `holder` holds it: it was free,
   * expired, or already held by `holder`.
   */
  tryAcquireLease(
    name: string,
    holder: string,
    ttlMs: number,
  ): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
}
