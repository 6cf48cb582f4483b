import type {
  AuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ClusterCollector } from '../ClusterCollector/types';
import { createEntityAccess } from '../EntityWorkloads/createEntityAccess';
import { createViewCache } from '../EntityWorkloads/createViewCache';
import { computeTopology } from './computeTopology';
import type { TopologyService } from './types';

export interface TopologyServiceOptions {
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
  collector: ClusterCollector;
  /** How long an entity and a caller's permission decision are reused (as for the workloads view). */
  cacheTtlMs?: number;
}

/**
 * An entity's topology: the same access check and the same selection as its workloads view, made by
 * computeTopology and cached by the same view cache, so a request whose objects did not change is a few
 * comparisons and no cluster is asked anything.
 *
 * What the topology reads beyond the entity's own objects (an owner, a claim or a Service behind an
 * Ingress that carries other labels) is current when the view is made; a change to such an object alone
 * shows with the entity's next change.
 */
export function createTopologyService(
  options: TopologyServiceOptions,
): TopologyService {
  const access = createEntityAccess({
    catalog: options.catalog,
    auth: options.auth,
    permissions: options.permissions,
    ttlMs: options.cacheTtlMs ?? 30_000,
  });
  const views = createViewCache({
    collector: options.collector,
    compute: computeTopology,
  });
  return {
    async getTopologyView(ref, { credentials }) {
      const { entityRef, entity } = await access.entityFor(ref, credentials);
      return views.view(entityRef, entity).view;
    },
    watchedEntities: views.watchedEntities,
    refreshViews: entityRefs => views.refresh(entityRefs, access.cachedEntity),
  };
}
