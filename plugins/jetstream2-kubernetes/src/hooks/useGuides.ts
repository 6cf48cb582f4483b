import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { jetstream2KubernetesApiRef, type GuideFilter } from '../api';

/** Guides matching the filter, re-fetched when it changes. */
export function useGuides(filter: GuideFilter = {}) {
  const api = useApi(jetstream2KubernetesApiRef);
  const { concept, source, q } = filter;
  return useAsyncRetry(
    () => api.getGuides({ concept, source, q }),
    [api, concept, source, q],
  );
}
