import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AllocationResponse,
  ClusterCapacity,
  ClusterDetail,
  ClusterSummary,
  ClusterTemplateSummary,
  EntityPodUsage,
  EntityWorkloadsResponse,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** Identifies a catalog entity for {@link Jetstream2KubernetesApi.getEntityWorkloads}. */
export interface EntityName {
  namespace?: string;
  kind: string;
  name: string;
}

/** Identifies an allocation (a catalog Resource) for {@link Jetstream2KubernetesApi.getAllocation}. */
export interface AllocationName {
  namespace?: string;
  name: string;
}

/** Which container's log {@link Jetstream2KubernetesApi.getPodLogs} reads. */
export interface PodLogsRequest {
  entity: EntityName;
  cluster: string;
  podNamespace: string;
  pod: string;
  container: string;
  /** The previous run's log (after a restart). */
  previous?: boolean;
  /** Only the last N lines. */
  tailLines?: number;
}

/**
 * What the jetstream2-kubernetes backend offers the browser: live cluster data. The guides and concepts
 * are not here: they are static and bundled from the -common package (this plugin's catalogue module).
 */
export interface Jetstream2KubernetesApi {
  getClusters(): Promise<ClusterSummary[]>;
  getCluster(name: string): Promise<ClusterDetail>;
  /** What is free on a cluster for new workloads, by node flavor (no node names); any signed-in user. */
  getClusterCapacity(name: string): Promise<ClusterCapacity>;
  getEntityWorkloads(entity: EntityName): Promise<EntityWorkloadsResponse>;
  /**
   * The entity's pods' CPU and memory usage per cluster, from the metrics the backend polls; apart from
   * {@link Jetstream2KubernetesApi.getEntityWorkloads} because it changes with every poll.
   */
  getPodUsage(entity: EntityName): Promise<EntityPodUsage[]>;
  getTemplates(): Promise<ClusterTemplateSummary[]>;
  /** A container's log as plain text, through our backend (only the entity's own pods). */
  getPodLogs(request: PodLogsRequest): Promise<string>;
  /**
   * An allocation's balance, burn history, runway, biggest spenders and idle capacity. Refused (403) to
   * users outside the owning group and the platform team.
   */
  getAllocation(allocation: AllocationName): Promise<AllocationResponse>;
}

/** The jetstream2-kubernetes API. */
export const jetstream2KubernetesApiRef = createApiRef<Jetstream2KubernetesApi>(
  {
    id: 'plugin.jetstream2-kubernetes.service',
  },
);
