import { useApi } from '@backstage/core-plugin-api';
import type { ClusterDetail } from '@internal/plugin-jetstream2-kubernetes-common';
import { JETSTREAM2_KUBERNETES_SIGNAL_CLUSTERS } from '@internal/plugin-jetstream2-kubernetes-common';
import { jetstream2KubernetesApiRef } from '../api';
import { useLiveData } from './useLiveData';

/** A cluster from /clusters with its detail, or why the detail could not be read. */
export interface ClusterDetailResult {
  name: string;
  detail?: ClusterDetail;
  error?: Error;
}

/**
 * Every cluster the portal knows, each with its detail. One cluster failing does not fail the others;
 * a failure of the list itself is the hook's error. Refetched when cluster data changes.
 */
export function useClusterDetails() {
  const api = useApi(jetstream2KubernetesApiRef);
  return useLiveData(
    JETSTREAM2_KUBERNETES_SIGNAL_CLUSTERS,
    async (): Promise<ClusterDetailResult[]> => {
      const clusters = await api.getClusters();
      return Promise.all(
        clusters.map(async cluster => {
          try {
            return {
              name: cluster.name,
              detail: await api.getCluster(cluster.name),
            };
          } catch (e) {
            return { name: cluster.name, error: e as Error };
          }
        }),
      );
    },
    [api],
  );
}
