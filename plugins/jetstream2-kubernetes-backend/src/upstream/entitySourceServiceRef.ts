import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { PodUsage } from '../services/ClusterCollector/types';
import type { EntityClusterSelection } from '../services/EntityWorkloads/types';

/** What upstream's objects provider reads: the entity's objects per cluster from our collector's cache. */
export interface EntityObjectsSource {
  selectForEntity(entity: Entity): EntityClusterSelection[];
  clusterNames(): string[];
  /**
   * The cluster's pod usage from metrics.k8s.io (`ClusterSnapshot.podUsage`), for upstream's podMetrics;
   * without it, or for a cluster without metrics, podMetrics stay empty.
   */
  podUsage?(cluster: string): ReadonlyMap<string, PodUsage> | undefined;
}

/**
 * A process-wide slot through which the jetstream2-kubernetes plugin hands its cache to the module of the
 * upstream kubernetes plugin (two plugins cannot share instances otherwise). The plugin fills it at init.
 */
export interface EntityObjectsSourceSlot {
  set(source: EntityObjectsSource): void;
  get(): EntityObjectsSource | undefined;
}

export const entityObjectsSourceSlotServiceRef =
  createServiceRef<EntityObjectsSourceSlot>({
    id: 'jetstream2-kubernetes.entity-objects-source',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {},
        factory() {
          let current: EntityObjectsSource | undefined;
          return {
            set: source => {
              current = source;
            },
            get: () => current,
          };
        },
      }),
  });
