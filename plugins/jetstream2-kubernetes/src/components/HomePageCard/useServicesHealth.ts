import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import {
  CATALOG_FILTER_EXISTS,
  catalogApiRef,
  type CatalogApi,
} from '@backstage/plugin-catalog-react';
import {
  KUBERNETES_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION,
} from '@backstage/plugin-kubernetes-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  jetstream2KubernetesApiRef,
  type Jetstream2KubernetesApi,
} from '../../api';
import {
  compareServices,
  isUnhealthy,
  serviceFromHealth,
  unknownService,
  type ServiceHealth,
} from './serviceHealth';

/** What the home card shows. */
export interface ServicesHealth {
  /** The services the user's groups (and the user) own, unhealthy first. */
  own: ServiceHealth[];
  /**
   * For people who operate clusters (catalog Resources of spec.type kubernetes-cluster owned by their
   * groups): the other groups' services on those clusters that need a person.
   */
  operated: { clusters: string[]; services: ServiceHealth[] };
}

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.owner',
];

/** Entities that say where their workloads are, with other filter fields (an OR over the two annotations). */
function annotated(extra: Record<string, string | string[]>) {
  return [
    KUBERNETES_ANNOTATION,
    KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION,
  ].map(annotation => ({
    ...extra,
    [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
  }));
}

/** Each service judged by the backend from its cached view, in one request for all of them. */
async function judgeAll(
  api: Jetstream2KubernetesApi,
  entities: Entity[],
): Promise<ServiceHealth[]> {
  if (entities.length === 0) return [];
  const answers = await api.getEntitiesHealth(entities.map(stringifyEntityRef));
  return entities.map((entity, i) => {
    const answer = answers[i];
    if (answer?.health) return serviceFromHealth(entity, answer.health);
    return unknownService(entity, {
      message: answer?.error?.message ?? 'no answer from the backend',
    });
  });
}

/** The names of the clusters the user's groups own in the catalog. */
async function operatedClusters(
  catalogApi: CatalogApi,
  owners: string[],
): Promise<string[]> {
  const { items } = await catalogApi.getEntities({
    filter: {
      kind: 'Resource',
      'spec.type': 'kubernetes-cluster',
      'relations.ownedBy': owners,
    },
    fields: ['metadata.name'],
  });
  return items.map(e => e.metadata.name).sort();
}

/**
 * The services that the signed-in user's groups (and the user) own and that say where their workloads
 * are, each with its health from the jetstream2-kubernetes backend (one request for all of them), unhealthy
 * first; and, for someone
 * who operates clusters, every other unhealthy service on those clusters.
 */
export function useServicesHealth() {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  const api = useApi(jetstream2KubernetesApiRef);

  return useAsyncRetry(async (): Promise<ServicesHealth> => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    if (ownershipEntityRefs.length === 0)
      return { own: [], operated: { clusters: [], services: [] } };
    // relations.ownedBy holds spec.owner as a full ref ("group:default/data-science") whichever way the
    // catalog file wrote it, so one filter covers "data-science" and "group:default/data-science".
    const [{ items }, clusters] = await Promise.all([
      catalogApi.getEntities({
        filter: annotated({ 'relations.ownedBy': ownershipEntityRefs }),
        fields: FIELDS,
      }),
      operatedClusters(catalogApi, ownershipEntityRefs),
    ]);
    const own = (await judgeAll(api, items)).sort(compareServices);
    if (clusters.length === 0)
      return { own, operated: { clusters, services: [] } };

    const mine = new Set(own.map(s => s.entityRef));
    const { items: all } = await catalogApi.getEntities({
      filter: annotated({}),
      fields: FIELDS,
    });
    const others = all.filter(e => !mine.has(stringifyEntityRef(e)));
    const services = (await judgeAll(api, others))
      .filter(s => isUnhealthy(s) && s.clusters.some(c => clusters.includes(c)))
      .sort(compareServices);
    return { own, operated: { clusters, services } };
  }, [identityApi, catalogApi, api]);
}
