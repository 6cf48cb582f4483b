import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { workloadWriterServiceRef } from '@internal/plugin-jetstream2-kubernetes-node';
import { createKubernetesApplyAction } from './actions/deploy/applyAction';
import { createPortalCatalog } from './actions/deploy/portalCatalog';
import { createCatalogRegisterAction } from './actions/deploy/registerAction';
import { createRepoUrlAction } from './actions/deploy/repoUrlAction';
import { createClusterPlanAction } from './actions/planAction';
import { createClusterRenderAction } from './actions/renderAction';
import { createShowFilesAction } from './actions/showFilesAction';

/**
 * Registers the jetstream2:* scaffolder actions: planning and rendering clusters, and the golden path's
 * register and apply (with the deployer credential of `jetstream2Kubernetes.writers`).
 */
export const scaffolderModuleJetstream2 = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'jetstream2',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        userInfo: coreServices.userInfo,
        auditor: coreServices.auditor,
        writer: workloadWriterServiceRef,
      },
      async init({
        scaffolder,
        config,
        auth,
        discovery,
        userInfo,
        auditor,
        writer,
      }) {
        const exportDirectory = config.getOptionalString(
          'jetstream2.scaffolder.exportDirectory',
        );
        scaffolder.addActions(
          createClusterPlanAction(),
          createClusterRenderAction({ exportDirectory }),
          createShowFilesAction(),
        );
        const catalog = createPortalCatalog({ discovery, auth });
        const deployNamespaces = config.getOptionalConfig(
          'jetstream2.scaffolder.deployNamespaces',
        );
        scaffolder.addActions(
          createRepoUrlAction({ config }),
          createCatalogRegisterAction({ catalog, userInfo, auditor }),
          createKubernetesApplyAction({
            writer,
            catalog,
            userInfo,
            auditor,
            deployNamespaces: template =>
              deployNamespaces?.getOptionalStringArray(template) ?? [],
          }),
        );
      },
    });
  },
});
