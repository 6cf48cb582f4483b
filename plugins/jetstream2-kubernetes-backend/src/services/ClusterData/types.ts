import type {
  ClusterDetail,
  ClusterSummary,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterSnapshot } from '../ClusterCollector/types';

/** Cluster answers for the routes: live from the collector's cache, else the last stored ones (stale). */
export interface ClusterDataService {
  listClusters(): Promise<ClusterSummary[]>;
  /** Undefined for a cluster that is not configured. */
  getCluster(name: string): Promise<ClusterDetail | undefined>;
  /** Names of the configured clusters. */
  clusterNames(): string[];
  /** Changes whenever the cluster's objects or status change (-1 for an unknown cluster). */
  dataVersion(name: string): number;
  /** The live objects of a cluster, when this replica collects them. */
  liveSnapshot(name: string): ClusterSnapshot | undefined;
  /**
   * Writes the summaries and details of the clusters this replica has collected, where they changed since
   * its last write; resolves with how many it wrote. Run by one replica at a time (src/scheduled).
   */
  persist(): Promise<number>;
}
