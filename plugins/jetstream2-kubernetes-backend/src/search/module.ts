import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { LunrSearchEngine } from '@backstage/plugin-search-backend-node';
import {
  searchEngineRegistryExtensionPoint,
  searchIndexRegistryExtensionPoint,
} from '@backstage/plugin-search-backend-node/alpha';
import { createGuideCollatorFactory } from './createGuideCollatorFactory';
import { EntityFirstSearchEngine } from './entityFirstSearchEngine';

/**
 * Indexes the Jetstream2 Kubernetes guides and concepts in the search plugin, and sets the portal's search
 * engine: the search plugin's default (Lunr, in memory) with catalog entities whose name matches the term
 * ranked before guides and concepts. A portal that installs another engine module must leave this one's
 * engine out (the search plugin accepts one engine).
 */
export const searchModuleJetstream2Kubernetes = createBackendModule({
  pluginId: 'search',
  moduleId: 'jetstream2-kubernetes-collator',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
        engineRegistry: searchEngineRegistryExtensionPoint,
      },
      async init({ logger, scheduler, indexRegistry, engineRegistry }) {
        engineRegistry.setSearchEngine(
          new EntityFirstSearchEngine(new LunrSearchEngine({ logger })),
        );
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
