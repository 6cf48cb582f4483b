import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { jetstream2KubernetesApiRef } from '../api';

/** Every concept. */
export function useConcepts() {
  const api = useApi(jetstream2KubernetesApiRef);
  return useAsyncRetry(() => api.getConcepts(), [api]);
}
