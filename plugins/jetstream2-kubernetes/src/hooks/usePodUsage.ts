import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { entitySignalChannel } from '@internal/plugin-jetstream2-kubernetes-common';
import { jetstream2KubernetesApiRef, type EntityName } from '../api';
import { useLiveData } from './useLiveData';

/** How often the pods' usage is fetched while the tab is open (the backend polls metrics every 15 s). */
export const POD_USAGE_POLL_MS = 15_000;

/**
 * The entity's pods' CPU and memory usage per cluster: polled every 15 s, and refetched when the backend
 * signals a change of the entity's objects (a new pod). An unchanged answer costs a 304.
 */
export function usePodUsage(entity: EntityName) {
  const api = useApi(jetstream2KubernetesApiRef);
  const { namespace = 'default', kind, name } = entity;
  const channel = entitySignalChannel(
    stringifyEntityRef({ kind, namespace, name }),
  );
  return useLiveData(
    channel,
    () => api.getPodUsage({ namespace, kind, name }),
    [api, namespace, kind, name],
    { pollIntervalMs: POD_USAGE_POLL_MS, pollWithSignals: true },
  );
}
