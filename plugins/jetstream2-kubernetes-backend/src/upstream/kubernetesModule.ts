import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { kubernetesObjectsProviderExtensionPoint } from '@backstage/plugin-kubernetes-node';
import { createCacheObjectsProvider } from './createCacheObjectsProvider';
import { entityObjectsSourceSlotServiceRef } from './entitySourceServiceRef';

/**
 * A module of the upstream kubernetes backend plugin: its objects provider reads the jetstream2-kubernetes
 * collector's cache instead of listing every object type on every view.
 *
 * @public
 */
export const kubernetesModuleJetstream2Cache = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'jetstream2-cache',
  register(env) {
    env.registerInit({
      deps: {
        objectsProvider: kubernetesObjectsProviderExtensionPoint,
        slot: entityObjectsSourceSlotServiceRef,
        logger: coreServices.logger,
      },
      async init({ objectsProvider, slot, logger }) {
        objectsProvider.addObjectsProvider(
          async ({ getDefault, objectTypesToFetch }) =>
            createCacheObjectsProvider({
              slot,
              getDefault,
              objectTypesToFetch,
              logger,
            }),
        );
      },
    });
  },
});
