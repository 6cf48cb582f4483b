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
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import MenuBookIcon from '@material-ui/icons/MenuBook';
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
 * entity-content:jetstream2-kubernetes/workloads, the entity's one "Kubernetes" tab: what needs attention,
 * upstream's workload components with our status, guides, concepts, events and cost. It takes upstream's
 * path, /kubernetes (upstream's own tab is turned off in the app), so `…/kubernetes` links open it.
 */
const entityJetstream2KubernetesContent = EntityContentBlueprint.make({
  name: 'workloads',
  params: {
    path: '/kubernetes',
    title: 'Kubernetes',
    filter: isJetstream2KubernetesAvailable,
    loader: () =>
      import('./components/EntityWorkloadsContent').then(m => (
        <m.EntityWorkloadsContent />
      )),
  },
});

/**
 * entity-content:jetstream2-kubernetes/topology, the entity's "Topology" tab beside "Kubernetes" (both
 * top-level tabs, not a header group, so what is wrong is one click from the overview): its
 * objects as a live graph. A tab of its own because a graph needs the page's width and height, while the
 * Kubernetes tab keeps to what is wrong first within three screens.
 */
const entityJetstream2KubernetesTopology = EntityContentBlueprint.make({
  name: 'topology',
  params: {
    path: '/topology',
    title: 'Topology',
    filter: isJetstream2KubernetesAvailable,
    loader: () =>
      import('./components/EntityTopologyContent').then(m => (
        <m.EntityTopologyContent />
      )),
  },
});

/**
 * entity-card:jetstream2-kubernetes/overview on the entity overview: in the main column ('content'), where
 * health is read first. The app lists it first in app.extensions, which puts it above the other cards.
 */
const entityJetstream2KubernetesCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    type: 'content',
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

/** search-filter-result-type:jetstream2-kubernetes, "Guides and concepts" in the search page's type filter. */
const jetstream2KubernetesSearchResultType =
  SearchFilterResultTypeBlueprint.make({
    params: {
      value: JETSTREAM2_KUBERNETES_SEARCH_TYPE,
      name: 'Guides and concepts',
      icon: <MenuBookIcon />,
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
    entityJetstream2KubernetesTopology,
    entityJetstream2KubernetesCard,
    entityJetstream2AllocationContent,
    entityJetstream2GroupAllocationsCard,
    jetstream2KubernetesSearchResultListItem,
    jetstream2KubernetesSearchResultType,
    ...jetstream2FormFields,
  ],
  routes: { root: rootRouteRef },
});
