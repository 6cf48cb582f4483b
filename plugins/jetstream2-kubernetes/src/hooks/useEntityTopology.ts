import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { entitySignalChannel } from '@internal/plugin-jetstream2-kubernetes-common';
import { jetstream2KubernetesApiRef } from '../api';
import { useLiveData } from './useLiveData';

/**
 * The entity's live topology across clusters; refetched when the backend signals a change of the entity's
 * objects (the same channel as its workloads), an unchanged answer costing a 304.
 */
export function useEntityTopology(entity: Entity) {
  const api = useApi(jetstream2KubernetesApiRef);
  const namespace = entity.metadata.namespace ?? 'default';
  const { kind } = entity;
  const { name } = entity.metadata;
  const channel = entitySignalChannel(
    stringifyEntityRef({ kind, namespace, name }),
  );
  return useLiveData(
    channel,
    () => api.getEntityTopology({ namespace, kind, name }),
    [api, namespace, kind, name],
  );
}
