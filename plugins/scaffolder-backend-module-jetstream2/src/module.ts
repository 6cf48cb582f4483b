import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createClusterPlanAction } from './actions/planAction';
import { createClusterRenderAction } from './actions/renderAction';
import { createShowFilesAction } from './actions/showFilesAction';

/** Registers the jetstream2:* scaffolder actions. */
export const scaffolderModuleJetstream2 = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'jetstream2',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, config }) {
        const exportDirectory = config.getOptionalString(
          'jetstream2.scaffolder.exportDirectory',
        );
        scaffolder.addActions(
          createClusterPlanAction(),
          createClusterRenderAction({ exportDirectory }),
          createShowFilesAction(),
        );
      },
    });
  },
});
