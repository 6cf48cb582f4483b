import type { ClusterCapacity } from '@internal/plugin-jetstream2-kubernetes-common';

/** What is free on a cluster for new workloads: amounts by node flavor, never names or workloads. */
export interface CapacityService {
  /** Undefined for a cluster that is not configured. */
  getCapacity(cluster: string): Promise<ClusterCapacity | undefined>;
}
