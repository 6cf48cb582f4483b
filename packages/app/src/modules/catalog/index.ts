import catalogPlugin from '@backstage/plugin-catalog/alpha';
import {
  RELATION_CARDS,
  relationCardFilter,
  type RelationCardId,
} from './relationCards';

/**
 * The catalog plugin with its relation cards shown only when they have something to list (an empty card
 * above the Kubernetes health pushes it below the fold).
 */
export const portalCatalogPlugin = catalogPlugin.withOverrides({
  extensions: (Object.keys(RELATION_CARDS) as RelationCardId[]).map(id =>
    catalogPlugin.getExtension(id).override({
      params: { filter: relationCardFilter(id) },
    }),
  ),
});
