import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import type {
  ClusterError,
  ClusterStatus,
  KubeObjectsByKind,
  EntityPodUsage,
  EntityWorkloadsResponse,
  LabelRequirement,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** An entity's view as the route sends it: the JSON body and its ETag, computed once per data version. */
export interface EntityWorkloadsView {
  etag: string;
  body: string;
  /** The body gzip-compressed, made once per view (large views are mostly the pods' JSON). */
  gzipped(): Buffer;
}

/** An entity's objects in one cluster, read from the collector's cache. */
export interface EntityClusterSelection {
  cluster: string;
  title?: string;
  status: ClusterStatus;
  error?: ClusterError;
  collectedAt?: string;
  unreachableSince?: string;
  objects: KubeObjectsByKind;
}

/** An entity whose view was asked for recently: change notices are computed for these. */
export interface WatchedEntity {
  entityRef: string;
  requirements: LabelRequirement[];
  namespace?: string;
}

export interface EntityWorkloadsService {
  /**
   * The entity's objects in every cluster, read from the collector's cache. Throws NotAllowedError when
   * the caller may not read them, NotFoundError for an entity that does not exist, InputError for an
   * invalid selector annotation.
   */
  getEntityWorkloads(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityWorkloadsResponse>;
  /** The same as JSON with an ETag, cached per data version. */
  getEntityWorkloadsView(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityWorkloadsView>;
  /** The entity's objects per cluster (for upstream's objects provider); per-cluster errors, no throw. */
  selectForEntity(entity: Entity): EntityClusterSelection[];
  /** Entities whose views were asked for recently. */
  watchedEntities(): WatchedEntity[];
  /**
   * Recomputes the cached views of these entities whose data changed (entities without a cached view are
   * skipped); resolves with how many were recomputed.
   */
  refreshViews(entityRefs: Iterable<string>): Promise<number>;
  /**
   * The current CPU and memory usage of the entity's pods, per cluster (every configured cluster, in
   * order). Kept out of the entity's view, which is cached per data version while usage changes with
   * every poll. Checks and throws as {@link EntityWorkloadsService.getEntityWorkloads} does.
   */
  getPodUsage(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityPodUsage[]>;
  /**
   * Checks that the caller may read the entity's workloads and that the pod is one of them, then returns
   * the pod's log (text). Throws NotAllowedError / NotFoundError / InputError.
   */
  getPodLogs(
    ref: CompoundEntityRef,
    query: PodLogQuery,
    options: { credentials: BackstageCredentials },
  ): Promise<string>;
}

/** A log the caller asks for: a pod of the entity in one cluster, and what of its log. */
export interface PodLogQuery {
  cluster: string;
  namespace: string;
  pod: string;
  container?: string;
  previous?: boolean;
  tailLines?: number;
}
