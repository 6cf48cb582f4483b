import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { createGuideCollatorFactory } from './createGuideCollatorFactory';

/** Indexes the Jetstream2 Kubernetes guides and concepts in the search plugin. */
export const searchModuleJetstream2Kubernetes = createBackendModule({
  pluginId: 'search',
  moduleId: 'jetstream2-kubernetes-collator',
  register(env) {
    env.registerInit({
      deps: {
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ scheduler, indexRegistry }) {
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner({
            frequency: { hours: 6 },
            timeout: { minutes: 1 },
            initialDelay: { seconds: 0 },
          }),
          factory: createGuideCollatorFactory(),
        });
      },
    });
  },
});
