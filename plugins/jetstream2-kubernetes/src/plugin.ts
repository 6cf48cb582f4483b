import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { Jetstream2KubernetesClient, jetstream2KubernetesApiRef } from './api';
import { rootRouteRef } from './routes';

/** The jetstream2-kubernetes frontend plugin (legacy frontend system). */
export const jetstream2KubernetesPlugin = createPlugin({
  id: 'jetstream2-kubernetes',
  apis: [
    createApiFactory({
      api: jetstream2KubernetesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new Jetstream2KubernetesClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/** The page with the guides library, the concept glossary and the clusters. */
export const Jetstream2KubernetesPage = jetstream2KubernetesPlugin.provide(
  createRoutableExtension({
    name: 'Jetstream2KubernetesPage',
    component: () =>
      import('./components/Jetstream2KubernetesPage').then(
        m => m.Jetstream2KubernetesPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/** The entity's Kubernetes tab: live workloads across clusters, concepts, recommended guides, cluster context. */
export const EntityJetstream2KubernetesContent =
  jetstream2KubernetesPlugin.provide(
    createComponentExtension({
      name: 'EntityJetstream2KubernetesContent',
      component: {
        lazy: () =>
          import('./components/EntityWorkloadsContent').then(
            m => m.EntityWorkloadsContent,
          ),
      },
    }),
  );

/** The entity overview card: workload health at a glance and the most useful guide. */
export const EntityJetstream2KubernetesCard =
  jetstream2KubernetesPlugin.provide(
    createComponentExtension({
      name: 'EntityJetstream2KubernetesCard',
      component: {
        lazy: () =>
          import('./components/EntityOverviewCard').then(
            m => m.EntityOverviewCard,
          ),
      },
    }),
  );

/** An allocation's page: runway, burn over time, biggest spenders, idle capacity (an entity tab). */
export const EntityJetstream2AllocationContent =
  jetstream2KubernetesPlugin.provide(
    createComponentExtension({
      name: 'EntityJetstream2AllocationContent',
      component: {
        lazy: () =>
          import('./components/AllocationPage').then(m => m.AllocationPage),
      },
    }),
  );

/** A group's Jetstream2 allocations with their runway (a card for the group page). */
export const EntityJetstream2GroupAllocationsCard =
  jetstream2KubernetesPlugin.provide(
    createComponentExtension({
      name: 'EntityJetstream2GroupAllocationsCard',
      component: {
        lazy: () =>
          import('./components/GroupAllocationsCard').then(
            m => m.GroupAllocationsCard,
          ),
      },
    }),
  );

/** A search result item for guides and concepts (legacy search page). */
export const Jetstream2KubernetesSearchResultListItem =
  jetstream2KubernetesPlugin.provide(
    createComponentExtension({
      name: 'Jetstream2KubernetesSearchResultListItem',
      component: {
        lazy: () =>
          import('./components/Jetstream2SearchResultListItem').then(
            m => m.Jetstream2SearchResultListItem,
          ),
      },
    }),
  );
