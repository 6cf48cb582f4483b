import type { LoggerService } from '@backstage/backend-plugin-api';
import { createListenerSet } from '../../lib/createListenerSet';
import type { ClusterChange } from './types';

export interface ChangeEmitter {
  /** Tells every listener; a failing listener is logged and does not stop the others. */
  emit(change: ClusterChange): void;
  onChange(listener: (change: ClusterChange) => void): () => void;
  /** Bumped on every status change emitted. */
  statusVersion(): number;
}

/** A watcher's change listeners, and the count of status changes that is part of its data version. */
export function createChangeEmitter(logger: LoggerService): ChangeEmitter {
  const listeners = createListenerSet<[ClusterChange]>({
    logger,
    what: 'change',
  });
  let statusVersion = 0;
  return {
    emit(change) {
      if (change.type === 'status') statusVersion += 1;
      listeners.emit(change);
    },
    onChange: listeners.add,
    statusVersion: () => statusVersion,
  };
}
