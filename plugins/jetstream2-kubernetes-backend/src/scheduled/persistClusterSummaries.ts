import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterDataService } from '../services/ClusterData/types';
import type { GlobalTask } from './types';

/** The id of the task that writes cluster summaries; its runs are logged at debug level with this id. */
export const PERSIST_CLUSTER_SUMMARIES = 'persist-cluster-summaries';

/**
 * Writes the summary and detail of every cluster this replica has collected to the database, where a
 * freshly started portal reads them (marked stale) until its own watches are in sync. Every replica has
 * live data, so whichever replica takes a run writes the clusters as they are now.
 */
export function persistClusterSummaries(options: {
  clusterData: Pick<ClusterDataService, 'persist'>;
  logger: LoggerService;
  intervalMs: number;
}): GlobalTask {
  const { clusterData, logger, intervalMs } = options;
  return {
    id: PERSIST_CLUSTER_SUMMARIES,
    schedule: {
      frequency: { milliseconds: intervalMs },
      // A run writes a row per cluster; a replica that dies during one blocks the others this long at most.
      timeout: { milliseconds: Math.max(2 * intervalMs, 10_000) },
    },
    async run() {
      const written = await clusterData.persist();
      logger.debug(
        `${PERSIST_CLUSTER_SUMMARIES}: wrote the summaries of ${written} cluster(s) to the database`,
      );
    },
  };
}
