import type {
  AuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { SuRates } from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterCollector } from '../ClusterCollector/types';
import { createEntityAccess } from './createEntityAccess';
import { createViewCache } from './createViewCache';
import { parseEntitySelection, selectInClusters } from './entitySelection';
import { readPodLogs } from './readPodLogs';
import { toPodMetrics, withPodRef } from './toPodMetrics';
import type { EntityWorkloadsService } from './types';

export interface EntityWorkloadsServiceOptions {
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
  collector: ClusterCollector;
  /**
   * How long an entity read from the catalog, and a permission decision for one user and entity, are
   * reused. A user who loses access keeps it for at most this long. Default 30 s.
   */
  cacheTtlMs?: number;
  /** At most this many events per entity view. Default 200. */
  maxEvents?: number;
  /** SU per vCPU-hour by flavor family, for the views' cost (the built-in rates when not given). */
  rates?: SuRates;
}

/**
 * An entity's workloads from the collector's cache, for the routes and upstream's objects provider: every
 * answer passes the access check (createEntityAccess); views come from the view cache (createViewCache);
 * usage and logs are read for the entity's own pods only.
 */
export function createEntityWorkloadsService(
  options: EntityWorkloadsServiceOptions,
): EntityWorkloadsService {
  const { collector } = options;
  const access = createEntityAccess({
    catalog: options.catalog,
    auth: options.auth,
    permissions: options.permissions,
    ttlMs: options.cacheTtlMs ?? 30_000,
  });
  const views = createViewCache({
    collector,
    maxEvents: options.maxEvents ?? 200,
    rates: options.rates,
  });

  return {
    async getEntityWorkloads(ref, { credentials }) {
      const { entityRef, entity } = await access.entityFor(ref, credentials);
      const { view, response } = views.view(entityRef, entity);
      return response ?? JSON.parse(view.body);
    },
    async getEntityWorkloadsView(ref, { credentials }) {
      const { entityRef, entity } = await access.entityFor(ref, credentials);
      return views.view(entityRef, entity).view;
    },
    selectForEntity: entity =>
      selectInClusters(collector, parseEntitySelection(entity)),
    watchedEntities: views.watchedEntities,
    refreshViews: entityRefs => views.refresh(entityRefs, access.cachedEntity),
    // The same pod selection as the view, never cached with it, and without making the entity watched.
    async getPodUsage(ref, { credentials }) {
      const { entity } = await access.entityFor(ref, credentials);
      const { selector, requirements } = parseEntitySelection(entity);
      return collector.clusterNames().map(cluster => {
        const watcher = collector.watcher(cluster);
        const podUsage = watcher?.state().podUsage;
        if (!watcher || !podUsage || podUsage.size === 0) {
          return { cluster, podMetrics: [] };
        }
        const pods = watcher.index.select(
          'pods',
          requirements,
          selector.namespace,
        );
        return {
          cluster,
          podMetrics: toPodMetrics(pods, podUsage).map(withPodRef),
        };
      });
    },
    async getPodLogs(ref, query, { credentials }) {
      const { entityRef, entity } = await access.entityFor(ref, credentials);
      return readPodLogs({
        collector,
        entityRef,
        selection: parseEntitySelection(entity),
        query,
      });
    },
  };
}
