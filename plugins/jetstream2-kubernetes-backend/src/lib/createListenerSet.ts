import type { LoggerService } from '@backstage/backend-plugin-api';

/** Listeners of one kind of event: each is told in turn, and a failing one never keeps the others from hearing. */
export interface ListenerSet<Args extends unknown[]> {
  /** Adds a listener; the returned function removes it. */
  add(listener: (...args: Args) => void): () => void;
  /** Tells every listener, in the order they were added; a listener that throws is logged and skipped. */
  emit(...args: Args): void;
  /** Removes every listener. */
  clear(): void;
}

/**
 * The one listener set of the plugin (collector changes, a watcher's changes, cluster locator updates).
 * `what` names the event in the warning a failing listener leaves, e.g. 'change' → "A change listener
 * failed: …".
 */
export function createListenerSet<Args extends unknown[]>(options: {
  logger: Pick<LoggerService, 'warn'>;
  what: string;
}): ListenerSet<Args> {
  const listeners = new Set<(...args: Args) => void>();
  return {
    add(listener) {
      // A wrapper per subscription, so one function added twice is two subscriptions removed one by one.
      const entry = (...args: Args) => listener(...args);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    emit(...args) {
      // A copy: a listener that unsubscribes (or subscribes another) while being told changes no one's turn.
      for (const listener of [...listeners]) {
        try {
          listener(...args);
        } catch (error) {
          options.logger.warn(
            `A ${options.what} listener failed: ${(error as Error).message}`,
          );
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}
