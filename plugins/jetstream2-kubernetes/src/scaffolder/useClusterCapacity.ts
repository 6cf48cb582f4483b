import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { jetstream2KubernetesApiRef } from '../api';

/** The free room of a cluster, from the backend's live data (loaded once per cluster name). */
export function useClusterCapacity(cluster: string | undefined) {
  const api = useApi(jetstream2KubernetesApiRef);
  return useAsync(
    async () => (cluster ? api.getClusterCapacity(cluster) : undefined),
    [api, cluster],
  );
}
