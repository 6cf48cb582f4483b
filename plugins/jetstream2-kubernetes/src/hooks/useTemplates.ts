import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { jetstream2KubernetesApiRef } from '../api';

/** The scaffolder templates that create or plan Jetstream2 clusters. */
export function useTemplates() {
  const api = useApi(jetstream2KubernetesApiRef);
  return useAsync(() => api.getTemplates(), [api]);
}
