import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { jetstream2KubernetesApiRef } from '../api';

/** The detail (nodes, control plane, counts) of one cluster. */
export function useCluster(name: string) {
  const api = useApi(jetstream2KubernetesApiRef);
  return useAsyncRetry(() => api.getCluster(name), [api, name]);
}
