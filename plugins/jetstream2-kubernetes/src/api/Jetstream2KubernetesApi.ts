import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ClusterDetail,
  ClusterSummary,
  ClusterTemplateSummary,
  Concept,
  EntityWorkloadsResponse,
  Guide,
  GuideSource,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** Filters for {@link Jetstream2KubernetesApi.getGuides}; all given filters must match. */
export interface GuideFilter {
  /** A concept id, e.g. "pod". */
  concept?: string;
  source?: GuideSource;
  /** Free text looked up in the guides. */
  q?: string;
}

/** Identifies a catalog entity for {@link Jetstream2KubernetesApi.getEntityWorkloads}. */
export interface EntityName {
  namespace?: string;
  kind: string;
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

/** What the jetstream2-kubernetes backend offers the browser. */
export interface Jetstream2KubernetesApi {
  getGuides(filter?: GuideFilter): Promise<Guide[]>;
  getGuide(id: string): Promise<Guide>;
  getConcepts(): Promise<Concept[]>;
  getConcept(id: string): Promise<Concept>;
  getClusters(): Promise<ClusterSummary[]>;
  getCluster(name: string): Promise<ClusterDetail>;
  getEntityWorkloads(entity: EntityName): Promise<EntityWorkloadsResponse>;
  getTemplates(): Promise<ClusterTemplateSummary[]>;
  /** A container's log as plain text, through our backend (only the entity's own pods). */
  getPodLogs(request: PodLogsRequest): Promise<string>;
}

/** The jetstream2-kubernetes API. */
export const jetstream2KubernetesApiRef = createApiRef<Jetstream2KubernetesApi>(
  {
    id: 'plugin.jetstream2-kubernetes.service',
  },
);
