import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  ALLOCATION_ENTITY_TYPE,
  type AllocationResponse,
} from '@internal/plugin-jetstream2-kubernetes-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { jetstream2KubernetesApiRef } from '../api';

/** One allocation of a group with its summary, or why it could not be read. */
export interface OwnedAllocation {
  entity: Entity;
  entityRef: string;
  summary?: AllocationResponse;
  error?: Error;
}

/**
 * The allocations (catalog Resources of type jetstream2-allocation) owned by any of `owners`, each with its
 * summary from the backend; one that may not be read carries the error instead. Shortest runway first.
 */
export function useOwnedAllocations(owners: string[] | undefined) {
  const catalogApi = useApi(catalogApiRef);
  const api = useApi(jetstream2KubernetesApiRef);
  const key = owners?.join(',');
  return useAsyncRetry(async (): Promise<OwnedAllocation[]> => {
    if (!owners || owners.length === 0) return [];
    const { items } = await catalogApi.getEntities({
      filter: {
        kind: 'Resource',
        'spec.type': ALLOCATION_ENTITY_TYPE,
        'relations.ownedBy': owners,
      },
      fields: ['kind', 'metadata', 'spec'],
    });
    const rows = await Promise.all(
      items.map(entity =>
        api
          .getAllocation({
            namespace: entity.metadata.namespace,
            name: entity.metadata.name,
          })
          .then(
            (summary): OwnedAllocation => ({
              entity,
              entityRef: stringifyEntityRef(entity),
              summary,
            }),
            (error: Error): OwnedAllocation => ({
              entity,
              entityRef: stringifyEntityRef(entity),
              error,
            }),
          ),
      ),
    );
    const days = (r: OwnedAllocation) =>
      r.summary?.runwayDays ?? Number.POSITIVE_INFINITY;
    return rows.sort(
      (a, b) => days(a) - days(b) || a.entityRef.localeCompare(b.entityRef),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalogApi, api, key]);
}
