import {
  createFrontendPlugin,
  createRouteRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

const rootRouteRef = createRouteRef();

const jetstream2KubernetesPage = PageBlueprint.make({
  params: {
    path: '/jetstream2-kubernetes',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/Jetstream2KubernetesPage').then(m => (
        <m.Jetstream2KubernetesPage />
      )),
  },
});

/** The jetstream2-kubernetes plugin for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'jetstream2-kubernetes',
  title: 'Jetstream2 Kubernetes',
  extensions: [jetstream2KubernetesPage],
  routes: { root: rootRouteRef },
});
