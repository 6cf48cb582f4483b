import type { SuSample } from '@internal/plugin-jetstream2-kubernetes-common';

/** One measurement: a cluster's nodes (no entityRef) or a service's pods in a cluster, in SU per hour. */
export interface SuObservation {
  cluster: string;
  entityRef?: string;
  suPerHour: number;
}

/** Which samples to read: those of these clusters (nodes and services), and of these services anywhere. */
export interface SampleQuery {
  /** Epoch ms; samples of buckets starting at or after it. */
  since: number;
  clusters: string[];
  entityRefs: string[];
}

/**
 * The SU burn history in the plugin's database. One row per subject (cluster, or service in a cluster) and
 * bucket, keyed so: a second writer adds its measurement to the bucket's sample, never a second row.
 */
export interface SuHistoryStore {
  /** Adds one measurement per subject to the bucket that starts at `bucketStart`. */
  addObservations(
    bucketStart: number,
    observations: SuObservation[],
  ): Promise<void>;
  /** Each bucket's mean, oldest first. */
  readSamples(query: SampleQuery): Promise<SuSample[]>;
  /** Deletes the buckets that start before `before`; resolves with how many rows went. */
  prune(before: number): Promise<number>;
}
