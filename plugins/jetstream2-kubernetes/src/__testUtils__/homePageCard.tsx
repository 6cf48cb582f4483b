// Test set-up shared by the home card's tests (components/HomePageCard/HomePageCard*.test.tsx).
import type { Entity } from '@backstage/catalog-model';
import { identityApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { EntityWorkloadsResponse } from '@internal/plugin-jetstream2-kubernetes-common';
import { jetstream2KubernetesApiRef, type EntityName } from '../api';
import { rootRouteRef } from '../routes';
import { emptyWorkloadsResponse } from './fixtures';
import { FakeJetstream2KubernetesApi } from './FakeJetstream2KubernetesApi';
import { HomePageCard } from '../components/HomePageCard/HomePageCard';

export const service = (name: string, title: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    title,
    annotations: { 'backstage.io/kubernetes-id': name },
  },
  spec: { type: 'service', owner: 'data-science', lifecycle: 'production' },
});

export const healthy: EntityWorkloadsResponse = {
  ...emptyWorkloadsResponse,
  clusters: [emptyWorkloadsResponse.clusters[0]],
  workloads: [
    {
      kind: 'Deployment',
      namespace: 'science',
      name: 'api',
      clusters: ['js2-demo'],
      status: '2/2 ready',
      verdict: 'ok',
      healthy: true,
    },
    {
      kind: 'Job',
      namespace: 'science',
      name: 'migrate',
      clusters: ['js2-demo'],
      status: 'Complete',
      verdict: 'done',
      healthy: true,
    },
  ],
  recommendedGuides: [
    {
      guideId: 'k8s-manage-apps',
      severity: 'info',
      reasons: ['It runs a Deployment.'],
    },
  ],
  cost: {
    suPerHour: 1.5,
    suPerMonth: 1095,
    byCluster: [],
    byWorkload: [],
    unknownFlavorPods: [],
  },
};

export const failing: EntityWorkloadsResponse = {
  ...emptyWorkloadsResponse,
  clusters: [emptyWorkloadsResponse.clusters[0]],
  workloads: [
    {
      kind: 'Service',
      namespace: 'ml',
      name: 'trainer',
      clusters: ['js2-demo'],
      status: 'ClusterIP',
      verdict: 'ok',
      healthy: true,
    },
    {
      kind: 'Deployment',
      namespace: 'ml',
      name: 'trainer',
      clusters: ['js2-demo'],
      status: 'CrashLoopBackOff',
      verdict: 'error',
      healthy: false,
    },
  ],
  recommendedGuides: [
    {
      guideId: 'zonca-credentials',
      severity: 'error',
      reasons: ['The trainer container keeps crashing.'],
    },
    { guideId: 'k8s-manage-apps', severity: 'info', reasons: ['Second best.'] },
  ],
};

/** Answers per entity name; an unknown name fails like a backend error would. */
class PerEntityApi extends FakeJetstream2KubernetesApi {
  constructor(
    private readonly byName: Record<string, EntityWorkloadsResponse>,
  ) {
    super();
  }
  async getEntityWorkloads(
    entity: EntityName,
  ): Promise<EntityWorkloadsResponse> {
    const found = this.byName[entity.name];
    if (!found) throw new Error(`backend said no for ${entity.name}`);
    return found;
  }
}

export const cluster = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default' },
  spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
});

/** Renders the card with a catalog that answers its queries from the options. */
export async function renderCard(options: {
  /** The user's groups' annotated services. */
  entities: Entity[];
  byName?: Record<string, EntityWorkloadsResponse>;
  ownershipEntityRefs?: string[];
  /** The clusters the user's groups own. */
  clusters?: Entity[];
  /** Every annotated service in the catalog. */
  all?: Entity[];
  /** Allocation Resources, answered to the catalog query for allocations. */
  allocations?: Entity[];
}) {
  // answers as the catalog would for the four queries the card makes
  const catalogApi = {
    getEntities: jest.fn(async (request: any) => {
      const filters = [request.filter].flat();
      if (filters.some(f => f['spec.type'] === 'jetstream2-allocation'))
        return { items: options.allocations ?? [] };
      if (filters.some(f => f['spec.type'] === 'kubernetes-cluster'))
        return { items: options.clusters ?? [] };
      if (filters.some(f => f['relations.ownedBy']))
        return { items: options.entities };
      return { items: options.all ?? options.entities };
    }),
  };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, catalogApi],
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: 'user:default/guest',
            ownershipEntityRefs: options.ownershipEntityRefs ?? [
              'user:default/guest',
              'group:default/data-science',
            ],
          }),
        ],
        [jetstream2KubernetesApiRef, new PerEntityApi(options.byName ?? {})],
      ]}
    >
      <HomePageCard />
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/jetstream2-kubernetes': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
  return catalogApi;
}
