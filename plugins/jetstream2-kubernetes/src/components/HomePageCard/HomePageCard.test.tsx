import type { Entity } from '@backstage/catalog-model';
import { identityApiRef } from '@backstage/core-plugin-api';
import {
  CATALOG_FILTER_EXISTS,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { EntityWorkloadsResponse } from '@internal/plugin-jetstream2-kubernetes-common';
import { screen, within } from '@testing-library/react';
import { jetstream2KubernetesApiRef, type EntityName } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  emptyWorkloadsResponse,
  FakeJetstream2KubernetesApi,
} from '../../__testUtils__';
import { HomePageCard } from './HomePageCard';

const service = (name: string, title: string): Entity => ({
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

const healthy: EntityWorkloadsResponse = {
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

const failing: EntityWorkloadsResponse = {
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

async function renderCard(options: {
  entities: Entity[];
  byName?: Record<string, EntityWorkloadsResponse>;
  ownershipEntityRefs?: string[];
  /** Allocation Resources, answered to the catalog query for allocations. */
  allocations?: Entity[];
}) {
  const catalogApi = {
    getEntities: jest.fn(async (request: any) => ({
      items:
        request?.filter?.['spec.type'] === 'jetstream2-allocation'
          ? options.allocations ?? []
          : options.entities,
    })),
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

describe('HomePageCard', () => {
  it("asks the catalog for the user's groups' annotated services", async () => {
    const catalogApi = await renderCard({ entities: [] });
    await screen.findByText(/None of your groups' services/);
    const owned = {
      'relations.ownedBy': ['user:default/guest', 'group:default/data-science'],
    };
    expect(catalogApi.getEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: [
          {
            ...owned,
            'metadata.annotations.backstage.io/kubernetes-id':
              CATALOG_FILTER_EXISTS,
          },
          {
            ...owned,
            'metadata.annotations.backstage.io/kubernetes-label-selector':
              CATALOG_FILTER_EXISTS,
          },
        ],
      }),
    );
  });

  it('lists unhealthy services first, with the first guide linked and the SU burn', async () => {
    await renderCard({
      entities: [
        service('science-api', 'Science API'),
        service('gpu-training', 'GPU training'),
      ],
      byName: { 'science-api': healthy, 'gpu-training': failing },
    });
    const list = await screen.findByRole('list', {
      name: 'Your services on Kubernetes',
    });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);

    // the failing one first, whatever order the catalog gave
    expect(
      within(rows[0]).getByRole('link', { name: 'GPU training' }),
    ).toHaveAttribute('href', '/catalog/default/component/gpu-training');
    expect(within(rows[0]).getByText('Failing')).toBeInTheDocument();
    expect(
      within(rows[0]).getByText(
        '1 of 2 workloads need attention: Deployment trainer CrashLoopBackOff',
      ),
    ).toBeInTheDocument();
    const guide = within(rows[0]).getAllByRole('link')[1];
    expect(guide).toHaveAttribute(
      'href',
      '/jetstream2-kubernetes/guides/zonca-credentials',
    );
    expect(
      within(rows[0]).getByText(/The trainer container keeps crashing/),
    ).toBeInTheDocument();
    expect(within(rows[0]).queryByText(/SU\/h/)).not.toBeInTheDocument();

    // a finished Job reads as done, not as a fault
    expect(
      within(rows[1]).getByRole('link', { name: 'Science API' }),
    ).toBeInTheDocument();
    expect(within(rows[1]).getByText('Healthy')).toBeInTheDocument();
    expect(
      within(rows[1]).getByText('2 workloads healthy'),
    ).toBeInTheDocument();
    expect(within(rows[1]).getByText('1.5 SU/h')).toBeInTheDocument();
    expect(within(rows[1]).getAllByRole('link')[1]).toHaveAttribute(
      'href',
      '/jetstream2-kubernetes/guides/k8s-manage-apps',
    );
  });

  it('shows a service whose workloads could not be loaded, and one with none, as unknown', async () => {
    await renderCard({
      entities: [
        service('binderhub', 'BinderHub'),
        service('science-api', 'Science API'),
        service('jupyterhub', 'JupyterHub'),
      ],
      byName: {
        'science-api': healthy,
        jupyterhub: {
          ...emptyWorkloadsResponse,
          clusters: [emptyWorkloadsResponse.clusters[0]],
        },
      },
    });
    const list = await screen.findByRole('list', {
      name: 'Your services on Kubernetes',
    });
    const rows = within(list).getAllByRole('listitem');
    expect(
      rows.map(r => within(r).getAllByRole('link')[0].textContent),
    ).toEqual(['BinderHub', 'JupyterHub', 'Science API']);
    expect(
      within(rows[0]).getByText(
        'Could not load its workloads: backend said no for binderhub',
      ),
    ).toBeInTheDocument();
    expect(
      within(rows[1]).getByText('No workloads found in any cluster'),
    ).toBeInTheDocument();
    expect(within(rows[1]).getByText('Unknown')).toBeInTheDocument();
  });

  it('says how to annotate a service when the groups own none', async () => {
    const catalogApi = await renderCard({
      entities: [],
      ownershipEntityRefs: [],
    });
    expect(
      await screen.findByText(/None of your groups' services/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText('backstage.io/kubernetes-id').length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByRole('link', { name: 'Kubernetes concepts and guides' }),
    ).toHaveAttribute('href', '/jetstream2-kubernetes');
    expect(catalogApi.getEntities).not.toHaveBeenCalled();
  });

  it("shows the runway of the groups' allocations above the services", async () => {
    const allocation: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'science-gateways-allocation',
        namespace: 'default',
        title: 'Science gateways (cis240017)',
      },
      spec: { type: 'jetstream2-allocation', owner: 'science-gateways' },
    };
    const catalogApi = await renderCard({
      entities: [service('science-api', 'Science API')],
      byName: { 'science-api': healthy },
      allocations: [allocation],
    });
    const list = await screen.findByRole('list', { name: 'Your allocations' });
    expect(
      within(list).getByRole('link', { name: 'Science gateways (cis240017)' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/science-gateways-allocation/allocation',
    );
    // the fake backend's allocation: 1,200 SU at 5 SU/h
    expect(
      within(list).getByText('Lasts until 17 December 2026, 10 days'),
    ).toBeInTheDocument();
    expect(
      within(list).getByText('1,200 SU left, burning 5 SU per hour'),
    ).toBeInTheDocument();
    expect(catalogApi.getEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: {
          kind: 'Resource',
          'spec.type': 'jetstream2-allocation',
          'relations.ownedBy': [
            'user:default/guest',
            'group:default/data-science',
          ],
        },
      }),
    );
    // the services follow
    expect(
      await screen.findByRole('list', { name: 'Your services on Kubernetes' }),
    ).toBeInTheDocument();
  });
});
