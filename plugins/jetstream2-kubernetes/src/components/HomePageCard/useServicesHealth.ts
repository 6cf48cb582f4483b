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
import {
  compareServices,
  judgeService,
  unknownService,
  type ServiceHealth,
} from './serviceHealth';

/**
 * The services that the signed-in user's groups (and the user) own and that say where their workloads
 * are, each with its health from the jetstream2-kubernetes backend, unhealthy first.
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
    const services = await Promise.all(
      items.map(entity =>
        api
          .getEntityWorkloads({
            namespace: entity.metadata.namespace ?? 'default',
            kind: entity.kind,
            name: entity.metadata.name,
          })
          .then(
            data => judgeService(entity, data),
            (error: Error) => unknownService(entity, error),
          ),
      ),
    );
    return services.sort(compareServices);
  }, [identityApi, catalogApi, api]);
}
