import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { entitySignalChannel } from '@internal/plugin-jetstream2-kubernetes-common';
import {
  jetstream2KubernetesApiRef,
  type Jetstream2KubernetesApi,
} from '../api';
import { useLiveData } from './useLiveData';

type EntityRefParts = { namespace: string; kind: string; name: string };

/**
 * One of the entity's views from the backend (its workloads, its topology), refetched when the backend
 * signals a change of the entity's objects on the entity's channel; an unchanged answer costs a 304.
 */
export function useEntityLiveView<T>(
  entity: Entity,
  fetch: (api: Jetstream2KubernetesApi, ref: EntityRefParts) => Promise<T>,
) {
  const api = useApi(jetstream2KubernetesApiRef);
  const namespace = entity.metadata.namespace ?? 'default';
  const { kind } = entity;
  const { name } = entity.metadata;
  const channel = entitySignalChannel(
    stringifyEntityRef({ kind, namespace, name }),
  );
  return useLiveData(channel, () => fetch(api, { namespace, kind, name }), [
    api,
    namespace,
    kind,
    name,
  ]);
}
