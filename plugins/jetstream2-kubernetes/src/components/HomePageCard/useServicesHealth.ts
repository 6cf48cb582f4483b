import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import {
  CATALOG_FILTER_EXISTS,
  catalogApiRef,
} from '@backstage/plugin-catalog-react';
import {
  KUBERNETES_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION,
} from '@backstage/plugin-kubernetes-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { jetstream2KubernetesApiRef } from '../../api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  compareServices,
  serviceFromHealth,
  unknownService,
  type ServiceHealth,
} from './serviceHealth';

/**
 * The services that the signed-in user's groups (and the user) own and that say where their workloads
 * are, each with its health from the jetstream2-kubernetes backend (one request for all of them), unhealthy
 * first.
 */
export function useServicesHealth() {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  const api = useApi(jetstream2KubernetesApiRef);

  return useAsyncRetry(async (): Promise<ServiceHealth[]> => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    if (ownershipEntityRefs.length === 0) return [];
    // relations.ownedBy holds spec.owner as a full ref ("group:default/data-science") whichever way the
    // catalog file wrote it, so one filter covers "data-science" and "group:default/data-science".
    const owned = { 'relations.ownedBy': ownershipEntityRefs };
    const { items } = await catalogApi.getEntities({
      filter: [
        {
          ...owned,
          [`metadata.annotations.${KUBERNETES_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
        {
          ...owned,
          [`metadata.annotations.${KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
      ],
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.owner',
      ],
    });
    if (items.length === 0) return [];
    // one request for every service: each judged from its view, which the backend keeps made
    const answers = await api.getEntitiesHealth(items.map(stringifyEntityRef));
    const services = items.map((entity, i) => {
      const answer = answers[i];
      if (answer?.health) return serviceFromHealth(entity, answer.health);
      return unknownService(entity, {
        message: answer?.error?.message ?? 'no answer from the backend',
      });
    });
    return services.sort(compareServices);
  }, [identityApi, catalogApi, api]);
}
