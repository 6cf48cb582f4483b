import { useApi } from '@backstage/core-plugin-api';
import type { ClusterDetail } from '@internal/plugin-jetstream2-kubernetes-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { jetstream2KubernetesApiRef } from '../api';

/** A cluster from /clusters with its detail, or why the detail could not be read. */
export interface ClusterDetailResult {
  name: string;
  detail?: ClusterDetail;
  error?: Error;
}

/**
 * Every cluster the portal knows, each with its detail. One cluster failing does not fail the others;
 * a failure of the list itself is the hook's error.
 */
export function useClusterDetails() {
  const api = useApi(jetstream2KubernetesApiRef);
  return useAsyncRetry(async (): Promise<ClusterDetailResult[]> => {
    const clusters = await api.getClusters();
    return Promise.all(
      clusters.map(async cluster => {
        try {
          return { name: cluster.name, detail: await api.getCluster(cluster.name) };
        } catch (e) {
          return { name: cluster.name, error: e as Error };
        }
      }),
    );
  }, [api]);
}
