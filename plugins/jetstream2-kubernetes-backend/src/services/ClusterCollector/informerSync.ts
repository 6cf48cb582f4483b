import type { ClusterError } from '@internal/plugin-jetstream2-kubernetes-common';

/** Where one resource type's list+watch stands. */
export interface InformerSync {
  /** Its list is stored (or its watch resumed) since the last start. */
  readonly synced: boolean;
  /** Its last failure, until it is in sync again. */
  readonly error?: ClusterError;
  /** The wait before the next retry after a failure. */
  readonly backoffMs: number;
}

export type SyncEvent =
  /** The list is stored (a fresh list, or a relist after 410 Gone), or the watch resumed. */
  | { type: 'synced' }
  /** The list or watch failed; `jitter` in [0, 1) spreads the retries of many types. */
  | { type: 'failed'; error: ClusterError; jitter: number }
  /** The API server answers again: a type waiting in back-off retries at once. */
  | { type: 'retryNow' }
  /** The watcher stopped; nothing collected counts any more. */
  | { type: 'stopped' };

export interface BackoffLimits {
  minBackoffMs: number;
  maxBackoffMs: number;
}

export interface SyncTransition {
  next: InformerSync;
  /** The cluster's status may read differently (a failure appeared, changed or cleared). */
  statusChanged: boolean;
  /** After a failure: retry in this many milliseconds. */
  retryInMs?: number;
}

export function initialSync(limits: BackoffLimits): InformerSync {
  return { synced: false, backoffMs: limits.minBackoffMs };
}

/** The one place where a type becomes (or stops being) in sync. */
export function nextSync(
  state: InformerSync,
  event: SyncEvent,
  limits: BackoffLimits,
): SyncTransition {
  switch (event.type) {
    case 'synced':
      return {
        next: { synced: true, backoffMs: limits.minBackoffMs },
        statusChanged: state.error !== undefined,
      };
    case 'failed': {
      // The same failure again (same message) keeps the first one and does not change the status.
      const changed =
        !state.error || state.error.message !== event.error.message;
      return {
        next: {
          synced: state.synced,
          error: changed ? event.error : state.error,
          backoffMs: Math.min(state.backoffMs * 2, limits.maxBackoffMs),
        },
        statusChanged: changed,
        retryInMs: state.backoffMs + event.jitter * 0.2 * state.backoffMs,
      };
    }
    case 'retryNow':
      return {
        next: { ...state, backoffMs: limits.minBackoffMs },
        statusChanged: false,
      };
    case 'stopped':
      return {
        next: { synced: false, backoffMs: state.backoffMs },
        statusChanged: false,
      };
    default:
      throw new Error(`Unknown sync event ${(event as SyncEvent).type}`);
  }
}

/**
 * The data is complete once every type has settled: in sync, or refused (a type the service account may
 * not read leaves the cluster degraded, not without data); at least one must be in sync.
 */
export function allSettled(states: readonly InformerSync[]): boolean {
  return (
    states.some(s => s.synced) &&
    states.every(s => (s.synced && !s.error) || (!s.synced && !!s.error))
  );
}
