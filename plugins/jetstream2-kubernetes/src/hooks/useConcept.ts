import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { jetstream2KubernetesApiRef } from '../api';

/** One concept by id. */
export function useConcept(id: string) {
  const api = useApi(jetstream2KubernetesApiRef);
  return useAsync(() => api.getConcept(id), [api, id]);
}
