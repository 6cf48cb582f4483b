import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { jetstream2KubernetesPermissions } from '@internal/plugin-jetstream2-kubernetes-common';
import { createRouter } from './router';
import { createClusterLocator } from './services/ClusterLocator/createClusterLocator';
import {
  createClusterCollector,
  leaseCoordination,
} from './services/ClusterCollector/createClusterCollector';
import { createClusterStore } from './services/ClusterStore/createClusterStore';
import { createClusterDataService } from './services/ClusterData/createClusterDataService';
import { createEntityWorkloadsService } from './services/EntityWorkloads/createEntityWorkloadsService';
import { createTemplatesService } from './services/Templates/createTemplatesService';
import { readPluginSettings } from './settings';

/** The jetstream2-kubernetes backend plugin. */
export const jetstream2KubernetesPlugin = createBackendPlugin({
  pluginId: 'jetstream2-kubernetes',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        database: coreServices.database,
        lifecycle: coreServices.lifecycle,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const {
          logger,
          config,
          httpRouter,
          httpAuth,
          database,
          lifecycle,
          permissions,
          permissionsRegistry,
          catalog,
        } = deps;
        const settings = readPluginSettings(config);
        permissionsRegistry.addPermissions(jetstream2KubernetesPermissions);

        const store = await createClusterStore({ database });
        const collector = createClusterCollector({
          locator: createClusterLocator({ config, logger }),
          logger,
          settings: settings.collector,
          coordination: leaseCoordination({
            store,
            ttlMs: settings.leaseTtlMs,
          }),
        });
        const clusterData = createClusterDataService({
          collector,
          store,
          logger,
          persistIntervalMs: settings.persistIntervalMs,
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            clusterData,
            entityWorkloads: createEntityWorkloadsService({
              catalog,
              clusterData,
            }),
            templates: createTemplatesService({
              catalog,
              tag: settings.templateTag,
            }),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        lifecycle.addStartupHook(async () => {
          await collector.start();
          clusterData.start();
        });
        lifecycle.addShutdownHook(async () => {
          await clusterData.stop();
          await collector.stop();
        });
      },
    });
  },
});
