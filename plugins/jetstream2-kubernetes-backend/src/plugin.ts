import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { jetstream2KubernetesPermissions } from '@internal/plugin-jetstream2-kubernetes-common';
import { readAllocationSettings } from './allocationSettings';
import { createRouter } from './router';
import { persistClusterSummaries } from './scheduled/persistClusterSummaries';
import { scheduleGlobalTasks } from './scheduled/scheduleGlobalTasks';
import { createClusterLocator } from './services/ClusterLocator/createClusterLocator';
import { createClusterCollector } from './services/ClusterCollector/createClusterCollector';
import { createClusterStore } from './services/ClusterStore/createClusterStore';
import { createClusterDataService } from './services/ClusterData/createClusterDataService';
import { createEntityWorkloadsService } from './services/EntityWorkloads/createEntityWorkloadsService';
import { createChangeNotices } from './services/ChangeNotices/createChangeNotices';
import { createTemplatesService } from './services/Templates/createTemplatesService';
import { entityObjectsSourceSlotServiceRef } from './upstream/entitySourceServiceRef';
import { obsoleteSettingWarnings, readPluginSettings } from './settings';
import { wireAllocations } from './wireAllocations';

/**
 * The jetstream2-kubernetes backend plugin: collects the clusters into an indexed cache and serves the
 * routes under /api/jetstream2-kubernetes.
 *
 * @public
 */
export const jetstream2KubernetesPlugin = createBackendPlugin({
  pluginId: 'jetstream2-kubernetes',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
        notifications: notificationService,
        entityObjectsSlot: entityObjectsSourceSlotServiceRef,
      },
      async init(deps) {
        const {
          logger,
          config,
          httpRouter,
          httpAuth,
          auth,
          database,
          scheduler,
          lifecycle,
          permissions,
          permissionsRegistry,
          catalog,
          signals,
          notifications,
          entityObjectsSlot,
        } = deps;
        const settings = readPluginSettings(config);
        const allocationSettings = readAllocationSettings(config);
        obsoleteSettingWarnings(config).forEach(w => logger.warn(w));
        permissionsRegistry.addPermissions(jetstream2KubernetesPermissions);

        const store = await createClusterStore({ database });
        const collector = createClusterCollector({
          locator: createClusterLocator({
            config,
            logger,
            catalog,
            auth,
            catalogRefreshMs: settings.catalogRefreshMs,
            credentialFileCheckMs: settings.credentialFileCheckMs,
          }),
          logger,
          settings: settings.collector,
        });
        const clusterData = createClusterDataService({
          collector,
          store,
          logger,
          rates: allocationSettings.rates,
        });
        const entityWorkloads = createEntityWorkloadsService({
          catalog,
          auth,
          permissions,
          collector,
          rates: allocationSettings.rates,
        });
        entityObjectsSlot.set({
          selectForEntity: entity => entityWorkloads.selectForEntity(entity),
          clusterNames: () => collector.clusterNames(),
          podUsage: cluster => collector.watcher(cluster)?.state().podUsage,
        });
        const notices = createChangeNotices({
          collector,
          signals,
          logger,
          watchedEntities: entityWorkloads.watchedEntities,
          refreshViews: entityWorkloads.refreshViews,
          debounceMs: settings.signalDebounceMs,
          maxWaitMs: settings.signalMaxWaitMs,
        });

        // Allocations: burn history, runway, notifications to owning groups.
        const allocations = await wireAllocations({
          settings: allocationSettings,
          database,
          catalog,
          auth,
          permissions,
          logger,
          collector,
          notifications,
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            clusterData,
            entityWorkloads,
            templates: createTemplatesService({
              catalog,
              tag: settings.templateTag,
            }),
            allocations: allocations.allocations,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        // What one replica at a time does; every replica collects and answers.
        await scheduleGlobalTasks({
          scheduler,
          tasks: [
            persistClusterSummaries({
              clusterData,
              logger,
              intervalMs: settings.persistIntervalMs,
            }),
            ...allocations.tasks,
          ],
        });

        lifecycle.addStartupHook(async () => {
          notices.start();
          await collector.start();
        });
        lifecycle.addShutdownHook(async () => {
          notices.stop();
          await collector.stop();
        });
      },
    });
  },
});
