import { useApi } from '@backstage/core-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { jetstream2KubernetesApiRef } from '../api';

/** The entity's live workloads across clusters, with concepts and recommended guides. */
export function useEntityWorkloads(entity: Entity) {
  const api = useApi(jetstream2KubernetesApiRef);
  const namespace = entity.metadata.namespace ?? 'default';
  const { kind } = entity;
  const { name } = entity.metadata;
  return useAsyncRetry(
    () => api.getEntityWorkloads({ namespace, kind, name }),
    [api, namespace, kind, name],
  );
}
