import { useApi } from '@backstage/core-plugin-api';
import { JETSTREAM2_KUBERNETES_SIGNAL_CLUSTERS } from '@internal/plugin-jetstream2-kubernetes-common';
import { jetstream2KubernetesApiRef } from '../api';
import { useLiveData } from './useLiveData';

/** The detail (nodes, control plane, counts) of one cluster, refetched when cluster data changes. */
export function useCluster(name: string) {
  const api = useApi(jetstream2KubernetesApiRef);
  return useLiveData(
    JETSTREAM2_KUBERNETES_SIGNAL_CLUSTERS,
    () => api.getCluster(name),
    [api, name],
  );
}
