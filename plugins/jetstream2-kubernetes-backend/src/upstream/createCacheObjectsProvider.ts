import type { LoggerService } from '@backstage/backend-plugin-api';
import type { KubernetesFetchError } from '@backstage/plugin-kubernetes-common';
import type {
  KubernetesObjectsProvider,
  ObjectToFetch,
} from '@backstage/plugin-kubernetes-node';
import type { ClusterError } from '@internal/plugin-jetstream2-kubernetes-common';
import { toFetchResponses } from '../services/EntityWorkloads/toFetchResponses';
import { toPodMetrics } from '../services/EntityWorkloads/toPodMetrics';
import type { EntityObjectsSourceSlot } from './entitySourceServiceRef';

/** One cluster's failure in upstream's terms, with our message where upstream has room for one. */
function toKubernetesFetchError(error: ClusterError): KubernetesFetchError {
  switch (error.reason) {
    case 'unauthorized':
      return {
        errorType: 'UNAUTHORIZED_ERROR',
        statusCode: 401,
        resourcePath: '',
      };
    case 'forbidden':
      return {
        errorType: 'UNAUTHORIZED_ERROR',
        statusCode: 403,
        resourcePath: '',
      };
    default:
      return { errorType: 'FETCH_ERROR', message: error.message };
  }
}

/**
 * Upstream's KubernetesObjectsProvider served from the jetstream2-kubernetes collector's cache: upstream's
 * /services/:entity route and every component built on it cost no request to the API servers; podMetrics
 * come from the pod usage the collector polls once per health interval (`toPodMetrics`). Custom
 * resources, which the cache does not hold, go to upstream's default provider.
 */
export function createCacheObjectsProvider(options: {
  slot: EntityObjectsSourceSlot;
  getDefault: () => Promise<KubernetesObjectsProvider>;
  objectTypesToFetch?: ObjectToFetch[];
  logger: LoggerService;
}): KubernetesObjectsProvider {
  const { slot, getDefault, logger } = options;
  const types = options.objectTypesToFetch?.map(t => t.objectType);
  // as upstream: usage only for the pods the answer holds
  const withPods = !types || types.includes('pods');
  return {
    async getKubernetesObjectsByEntity(request, context) {
      const source = slot.get();
      if (!source) {
        logger.warn(
          'The jetstream2-kubernetes cache is not available; using the default objects provider',
        );
        return (await getDefault()).getKubernetesObjectsByEntity(
          request,
          context,
        );
      }
      let selections;
      try {
        selections = source.selectForEntity(request.entity);
      } catch (err) {
        // A malformed selector annotation: one clear message per cluster, never a 500.
        const message = (err as Error).message;
        return {
          items: source.clusterNames().map(name => ({
            cluster: { name },
            resources: [],
            podMetrics: [],
            errors: [{ errorType: 'FETCH_ERROR' as const, message }],
          })),
        };
      }
      return {
        items: selections.map(sel => ({
          cluster: {
            name: sel.cluster,
            ...(sel.title ? { title: sel.title } : {}),
          },
          resources: toFetchResponses(sel.objects, types),
          podMetrics: withPods
            ? toPodMetrics(
                sel.objects.pods ?? [],
                source.podUsage?.(sel.cluster),
              )
            : [],
          errors:
            sel.error && sel.status === 'error'
              ? [toKubernetesFetchError(sel.error)]
              : [],
        })),
      };
    },
    async getCustomResourcesByEntity(request, context) {
      return (await getDefault()).getCustomResourcesByEntity(request, context);
    },
  };
}
