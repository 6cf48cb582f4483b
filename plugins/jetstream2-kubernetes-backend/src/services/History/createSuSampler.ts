import type { SuRates } from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterCollector } from '../ClusterCollector/types';
import type { AllocationDirectory } from '../Allocations/createAllocationDirectory';
import { observeSu } from './observeSu';
import type { SuHistoryStore } from './types';

/** One run of the history writer. */
export interface SampleResult {
  bucketStart: number;
  /** Nothing was written: the catalog has no service, cluster or allocation yet (it may still be loading). */
  skipped?: boolean;
  /** Rows added to (clusters and services measured). */
  written: number;
  /** Rows deleted because they are older than the retention. */
  pruned: number;
}

export interface SuSampler {
  /** Measures now, adds the measurement to the current bucket, and deletes what is past the retention. */
  sample(): Promise<SampleResult>;
}

/** The start of the bucket `at` falls in. */
export const bucketOf = (at: number, bucketMs: number) =>
  Math.floor(at / bucketMs) * bucketMs;

export function createSuSampler(options: {
  collector: Pick<ClusterCollector, 'clusterNames' | 'watcher'>;
  directory: AllocationDirectory;
  store: SuHistoryStore;
  rates: SuRates;
  bucketMs: number;
  retentionMs: number;
  now?: () => number;
}): SuSampler {
  const { collector, directory, store, rates, bucketMs, retentionMs } = options;
  const now = options.now ?? Date.now;
  return {
    async sample() {
      const at = now();
      const view = await directory.view();
      const bucketStart = bucketOf(at, bucketMs);
      // While the catalog is still being read, every SU would be charged to the clusters' owners and none
      // to the services: better a gap than a wrong sample.
      if (
        view.services.length === 0 &&
        view.allocations.size === 0 &&
        view.rules.clusterAllocation.size === 0
      ) {
        return { bucketStart, written: 0, pruned: 0, skipped: true };
      }
      const { observations } = observeSu({
        collector,
        services: view.services,
        rates,
      });
      await store.addObservations(bucketStart, observations);
      const pruned = await store.prune(bucketOf(at - retentionMs, bucketMs));
      return { bucketStart, written: observations.length, pruned };
    },
  };
}
