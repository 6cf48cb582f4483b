import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { jetstream2KubernetesApiRef } from '../api';

/** One guide by id. */
export function useGuide(id: string) {
  const api = useApi(jetstream2KubernetesApiRef);
  return useAsync(() => api.getGuide(id), [api, id]);
}
