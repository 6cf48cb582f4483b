import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';

/** Registers the jetstream2:* scaffolder actions. */
export const scaffolderModuleJetstream2 = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'jetstream2',
  register(reg) {
    reg.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions();
      },
    });
  },
});
