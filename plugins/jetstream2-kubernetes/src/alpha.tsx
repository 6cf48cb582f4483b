import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import SchoolIcon from '@material-ui/icons/School';
import { Jetstream2KubernetesClient, jetstream2KubernetesApiRef } from './api';
import { JETSTREAM2_KUBERNETES_SEARCH_TYPE } from './components/Jetstream2SearchResultListItem';
import { isJetstream2KubernetesAvailable } from './isJetstream2KubernetesAvailable';
import {
  isGroupEntity,
  isJetstream2Allocation,
} from './isJetstream2Allocation';
import { rootRouteRef } from './routes';
import { jetstream2FormFields } from './scaffolder/alpha';

/** api:jetstream2-kubernetes */
const jetstream2KubernetesApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: jetstream2KubernetesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new Jetstream2KubernetesClient({ discoveryApi, fetchApi }),
    }),
});

/** page:jetstream2-kubernetes, in the sidebar as "Kubernetes" (longer titles are cut off there). */
const jetstream2KubernetesPage = PageBlueprint.make({
  params: {
    path: '/jetstream2-kubernetes',
    routeRef: rootRouteRef,
    title: 'Kubernetes',
    icon: <SchoolIcon />,
    noHeader: true,
    loader: () =>
      import('./components/Jetstream2KubernetesPage').then(m => (
        <m.Jetstream2KubernetesPage />
      )),
  },
});

/**
 * entity-content:jetstream2-kubernetes/workloads, the entity's one "Kubernetes" tab: upstream's workload
 * components with our status, guides, concepts, events and cost. The path stays /workloads so links keep
 * working; upstream's own Kubernetes tab is turned off in the app.
 */
const entityJetstream2KubernetesContent = EntityContentBlueprint.make({
  name: 'workloads',
  params: {
    path: '/workloads',
    title: 'Kubernetes',
    group: 'deployment',
    filter: isJetstream2KubernetesAvailable,
    loader: () =>
      import('./components/EntityWorkloadsContent').then(m => (
        <m.EntityWorkloadsContent />
      )),
  },
});

/** entity-card:jetstream2-kubernetes/overview on the entity overview. */
const entityJetstream2KubernetesCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    // 'info' puts it in the overview's side column, beside About, where it is seen first
    type: 'info',
    filter: isJetstream2KubernetesAvailable,
    loader: () =>
      import('./components/EntityOverviewCard').then(m => (
        <m.EntityOverviewCard />
      )),
  },
});

/**
 * entity-content:jetstream2-kubernetes/allocation, the page of a Jetstream2 allocation (a Resource of type
 * jetstream2-allocation): its runway, burn over time, biggest spenders and idle capacity.
 */
const entityJetstream2AllocationContent = EntityContentBlueprint.make({
  name: 'allocation',
  params: {
    path: '/allocation',
    title: 'Allocation',
    filter: isJetstream2Allocation,
    loader: () =>
      import('./components/AllocationPage').then(m => <m.AllocationPage />),
  },
});

/** entity-card:jetstream2-kubernetes/group-allocations on a group's page: its allocations and their runway. */
const entityJetstream2GroupAllocationsCard = EntityCardBlueprint.make({
  name: 'group-allocations',
  params: {
    // beside the group's profile, where it is seen without scrolling
    type: 'info',
    filter: isGroupEntity,
    loader: () =>
      import('./components/GroupAllocationsCard').then(m => (
        <m.GroupAllocationsCard />
      )),
  },
});

/** search-result-list-item:jetstream2-kubernetes for guide and concept documents. */
const jetstream2KubernetesSearchResultListItem =
  SearchResultListItemBlueprint.make({
    params: {
      predicate: result => result.type === JETSTREAM2_KUBERNETES_SEARCH_TYPE,
      component: () =>
        import('./components/Jetstream2SearchResultListItem').then(
          m => m.Jetstream2SearchResultListItem,
        ),
    },
  });

/** The jetstream2-kubernetes plugin for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'jetstream2-kubernetes',
  title: 'Jetstream2 Kubernetes',
  icon: <SchoolIcon />,
  extensions: [
    jetstream2KubernetesApi,
    jetstream2KubernetesPage,
    entityJetstream2KubernetesContent,
    entityJetstream2KubernetesCard,
    entityJetstream2AllocationContent,
    entityJetstream2GroupAllocationsCard,
    jetstream2KubernetesSearchResultListItem,
    ...jetstream2FormFields,
  ],
  routes: { root: rootRouteRef },
});
