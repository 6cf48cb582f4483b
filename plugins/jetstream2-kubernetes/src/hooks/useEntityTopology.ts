import type { Entity } from '@backstage/catalog-model';
import { useEntityLiveView } from './useEntityLiveView';

/** The entity's live topology across clusters (the same change channel as its workloads). */
export function useEntityTopology(entity: Entity) {
  return useEntityLiveView(entity, (api, ref) => api.getEntityTopology(ref));
}
