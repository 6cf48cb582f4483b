import { clusterCapacity } from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterDataService } from '../ClusterData/types';
import type { CapacityService } from './types';

export interface CapacityServiceOptions {
  clusterData: Pick<ClusterDataService, 'getCluster'>;
}

/**
 * The free room of a cluster, from the cluster detail the data service already keeps (live, cached per
 * data version, or the stored one marked stale): allocatable minus what bound pods request, per node
 * that takes new pods, grouped by flavor. Only amounts leave; the detail's names and workloads do not.
 */
export function createCapacityService(
  options: CapacityServiceOptions,
): CapacityService {
  const { clusterData } = options;
  return {
    async getCapacity(cluster) {
      const detail = await clusterData.getCluster(cluster);
      if (!detail) return undefined;
      return clusterCapacity(detail, detail.nodes ?? []);
    },
  };
}
