import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { rootRouteRef } from './routes';

/** The jetstream2-kubernetes frontend plugin (legacy frontend system). */
export const jetstream2KubernetesPlugin = createPlugin({
  id: 'jetstream2-kubernetes',
  routes: {
    root: rootRouteRef,
  },
});

/** The page with every guide and concept. */
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
