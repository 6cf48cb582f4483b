import type { Entity } from '@backstage/catalog-model';
import { useEntityLiveView } from './useEntityLiveView';

/** The entity's live workloads across clusters, with concepts and recommended guides. */
export function useEntityWorkloads(entity: Entity) {
  return useEntityLiveView(entity, (api, ref) => api.getEntityWorkloads(ref));
}
