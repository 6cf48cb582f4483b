import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterChange } from './clusterWatcher';

export interface ChangeEmitter {
  /** Tells every listener; a failing listener is logged and does not stop the others. */
  emit(change: ClusterChange): void;
  onChange(listener: (change: ClusterChange) => void): () => void;
  /** Bumped on every status change emitted. */
  statusVersion(): number;
}

export function createChangeEmitter(logger: LoggerService): ChangeEmitter {
  const listeners = new Set<(change: ClusterChange) => void>();
  let statusVersion = 0;
  return {
    emit(change) {
      if (change.type === 'status') statusVersion += 1;
      for (const l of listeners) {
        try {
          l(change);
        } catch (err) {
          logger.warn(`A change listener failed: ${(err as Error).message}`);
        }
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    statusVersion: () => statusVersion,
  };
}
