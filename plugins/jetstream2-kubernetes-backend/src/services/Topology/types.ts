import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { KubeObjectsByKind } from '@internal/plugin-jetstream2-kubernetes-common';
import type { ObjectIndex } from '../ClusterCollector/objectIndex';
import type {
  EntityWorkloadsView,
  WatchedEntity,
} from '../EntityWorkloads/types';
import type { TopologyGraph } from './topologyGraph';

/** The part of a cluster's cache the topology reads: look-ups by name or labels, events about an object. */
export type TopologyLookup = Pick<
  ObjectIndex,
  'get' | 'list' | 'select' | 'eventsAbout'
>;

/**
 * What each unit of the topology (one per kind of edge) reads and writes, for one cluster: the entity's
 * selected objects, the cluster's cache for what they name (owners, nodes, claims, storage classes,
 * Services behind an Ingress), and the graph it adds to.
 */
export interface ClusterTopologyInput {
  cluster: string;
  /** The entity's objects in this cluster (its label selector). */
  objects: KubeObjectsByKind;
  /** The cluster's cache. */
  index: TopologyLookup;
  graph: TopologyGraph;
}

/** An entity's topology as the route sends it: JSON, ETag, gzip; made once per change of its objects. */
export type EntityTopologyView = EntityWorkloadsView;

export interface TopologyService {
  /**
   * The entity's topology across clusters from the collector's cache, cached until one of its objects, a
   * node, a storage class or a cluster's status changes. Throws NotAllowedError, NotFoundError and
   * InputError as the entity's workloads view does (same permission).
   */
  getTopologyView(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityTopologyView>;
  /** Entities whose topology was asked for recently (the change notices follow them). */
  watchedEntities(): WatchedEntity[];
  /** Remakes the cached topologies of these entities; resolves with how many changed. */
  refreshViews(entityRefs: Iterable<string>): Promise<number>;
}
