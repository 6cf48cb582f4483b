import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SuSampler } from '../services/History/createSuSampler';
import type { GlobalTask } from './types';

/** The id of the task that writes the SU burn history; its runs are logged at debug level with this id. */
export const SAMPLE_SU_HISTORY = 'sample-su-history';

/**
 * Measures the SU burn of every cluster and service and adds it to the current history bucket. Runs several
 * times per bucket, so a bucket has its sample even when the replica that ran it stops: the next run, on
 * whichever replica takes it, fills the bucket (no gap), and the table's key adds to the sample rather than
 * writing a second one (no duplicate).
 */
export function sampleSuHistory(options: {
  sampler: SuSampler;
  logger: LoggerService;
  sampleIntervalMs: number;
  bucketMs: number;
}): GlobalTask {
  const { sampler, logger, sampleIntervalMs, bucketMs } = options;
  return {
    id: SAMPLE_SU_HISTORY,
    schedule: {
      frequency: { milliseconds: sampleIntervalMs },
      // a replica that dies during a run holds the task this long: well within one bucket
      timeout: {
        milliseconds: Math.min(
          Math.max(2 * sampleIntervalMs, 10_000),
          Math.max(bucketMs / 2, 5_000),
        ),
      },
    },
    async run() {
      const { bucketStart, written, pruned, skipped } = await sampler.sample();
      if (skipped) {
        logger.debug(
          `${SAMPLE_SU_HISTORY}: skipped, the catalog has no service, cluster or allocation yet`,
        );
        return;
      }
      logger.debug(
        `${SAMPLE_SU_HISTORY}: added ${written} measurement(s) to the bucket of ${new Date(
          bucketStart,
        ).toISOString()}${
          pruned ? `; deleted ${pruned} past the retention` : ''
        }`,
      );
    },
  };
}
