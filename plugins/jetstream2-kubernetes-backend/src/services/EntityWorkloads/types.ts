import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { EntityWorkloadsResponse } from '@internal/plugin-jetstream2-kubernetes-common';

export interface EntityWorkloadsService {
  /**
   * The entity's objects in every cluster, read from the collector's cache. Throws NotFoundError for an
   * entity the caller cannot see or that does not exist, InputError for an invalid selector annotation.
   */
  getEntityWorkloads(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityWorkloadsResponse>;
}
