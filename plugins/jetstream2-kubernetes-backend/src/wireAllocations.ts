import type {
  AuthService,
  DatabaseService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { AllocationSettings } from './allocationSettings';
import { sampleSuHistory } from './scheduled/sampleSuHistory';
import { sendNotifications } from './scheduled/sendNotifications';
import type { GlobalTask } from './scheduled/types';
import { createAllocationDirectory } from './services/Allocations/createAllocationDirectory';
import { createAllocationsService } from './services/Allocations/createAllocationsService';
import type { AllocationsService } from './services/Allocations/types';
import type { ClusterCollector } from './services/ClusterCollector/types';
import { createSuHistoryStore } from './services/History/createSuHistoryStore';
import { createSuSampler } from './services/History/createSuSampler';
import { createNoticeStore } from './services/Notifications/createNoticeStore';
import { createNotifier } from './services/Notifications/createNotifier';

/**
 * The allocation features, put together: the catalog directory of allocations, clusters and services, the
 * burn history and its writer, the allocations service behind the route, and the notifier. Resolves with
 * the service and the global tasks to schedule (the history writer, and the notifier unless turned off).
 */
export async function wireAllocations(deps: {
  settings: AllocationSettings;
  database: DatabaseService;
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  collector: Pick<ClusterCollector, 'clusterNames' | 'watcher'>;
  notifications: NotificationService;
}): Promise<{ allocations: AllocationsService; tasks: GlobalTask[] }> {
  const { settings, collector, logger } = deps;
  const { bucketMs, sampleIntervalMs, retentionMs } = settings.history;
  const directory = createAllocationDirectory({
    catalog: deps.catalog,
    auth: deps.auth,
    logger,
    // read at most once per sample round
    ttlMs: Math.min(
      sampleIntervalMs,
      settings.notifications.intervalMs,
      30_000,
    ),
  });
  const store = await createSuHistoryStore({ database: deps.database });
  const history = {
    collector,
    directory,
    store,
    rates: settings.rates,
    bucketMs,
    retentionMs,
  };
  const allocations = createAllocationsService({
    ...history,
    catalog: deps.catalog,
    auth: deps.auth,
    permissions: deps.permissions,
    windowMs: settings.runwayWindowMs,
    warnBelowDays: settings.notifications.runwayThresholdDays,
  });
  const tasks: GlobalTask[] = [
    sampleSuHistory({
      sampler: createSuSampler(history),
      logger,
      sampleIntervalMs,
      bucketMs,
    }),
  ];
  if (settings.notifications.enabled) {
    tasks.push(
      sendNotifications({
        notifier: createNotifier({
          collector,
          directory,
          allocations,
          store: await createNoticeStore({ database: deps.database }),
          notifications: deps.notifications,
          logger,
          flapWindowMs: settings.notifications.flapWindowMs,
          runwayThresholdDays: settings.notifications.runwayThresholdDays,
        }),
        logger,
        intervalMs: settings.notifications.intervalMs,
      }),
    );
  }
  return { allocations, tasks };
}
