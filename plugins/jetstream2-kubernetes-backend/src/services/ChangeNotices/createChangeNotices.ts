import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  entitySignalChannel,
  JETSTREAM2_KUBERNETES_SIGNAL_CLUSTERS,
  matchesLabelSelector,
  resourceByKind,
  type ResourceKey,
  type ChangeSignal,
  type KubeObject,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { defaultSettings } from '../../settings';
import type {
  ClusterChange,
  ClusterCollector,
} from '../ClusterCollector/types';
import type { WatchedEntity } from '../EntityWorkloads/types';

/** The part of the signals service we use (signalsServiceRef from @backstage/plugin-signals-node). */
export interface SignalPublisher {
  publish(signal: {
    recipients: { type: 'broadcast' };
    channel: string;
    message: ChangeSignal & Record<string, string>;
  }): Promise<void>;
}

export interface ChangeNoticesOptions {
  collector: ClusterCollector;
  signals: SignalPublisher;
  logger: LoggerService;
  /** Entities whose views were asked for recently. */
  watchedEntities: () => WatchedEntity[];
  /**
   * Called with the affected entities before their notices go out, so their views are made before the
   * pages refetch them.
   */
  refreshViews?: (entityRefs: string[]) => Promise<unknown>;
  /** Quiet time after the last change before notices go out. Default `defaultSettings.signalDebounceMs`. */
  debounceMs?: number;
  /** Longest a change waits for its notice during a storm. Default `defaultSettings.signalMaxWaitMs`. */
  maxWaitMs?: number;
}

export interface ChangeNotices {
  start(): void;
  stop(): void;
  /** Notices published so far (for tests and the README's storm figure). */
  published(): number;
}

/**
 * Turns watch events into small change notices: one per affected entity channel and one for the clusters
 * channel, debounced so a burst of events is one notice. A notice carries only a version, never object data;
 * pages refetch through the authenticated routes.
 */
export function createChangeNotices(
  options: ChangeNoticesOptions,
): ChangeNotices {
  const { collector, signals, logger } = options;
  const debounceMs = options.debounceMs ?? defaultSettings.signalDebounceMs;
  const maxWaitMs = options.maxWaitMs ?? defaultSettings.signalMaxWaitMs;
  let pendingObjects: { cluster: string; object: KubeObject }[] = [];
  let statusChanged = false;
  let timer: NodeJS.Timeout | undefined;
  let firstAt: number | undefined;
  let count = 0;
  let unsubscribe: (() => void) | undefined;
  let version = 0;

  /** The object whose labels decide: the object itself, or for an event the object it is about. */
  function subject(cluster: string, o: KubeObject): KubeObject | undefined {
    if (o.kind !== 'Event') return o;
    const involved = (o as any).involvedObject ?? (o as any).regarding;
    const key = involved?.kind
      ? (resourceByKind(involved.kind)?.key as ResourceKey | undefined)
      : undefined;
    if (!key) return undefined;
    return collector
      .watcher(cluster)
      ?.index.get(key, involved.namespace, involved.name);
  }

  function affects(
    entity: WatchedEntity,
    objects: { cluster: string; object: KubeObject }[],
  ): boolean {
    return objects.some(({ cluster, object }) => {
      const o = subject(cluster, object);
      if (!o) return false;
      if (entity.namespace && o.metadata?.namespace !== entity.namespace)
        return false;
      return matchesLabelSelector(entity.requirements, o.metadata?.labels);
    });
  }

  async function flush() {
    timer = undefined;
    firstAt = undefined;
    const objects = pendingObjects;
    const status = statusChanged;
    pendingObjects = [];
    statusChanged = false;
    version += 1;
    const message = { version: `${Date.now()}-${version}` };
    const channels = new Set<string>([JETSTREAM2_KUBERNETES_SIGNAL_CLUSTERS]);
    const affected: string[] = [];
    for (const entity of options.watchedEntities()) {
      if (status || affects(entity, objects)) {
        affected.push(entity.entityRef);
        channels.add(entitySignalChannel(entity.entityRef));
      }
    }
    if (options.refreshViews && affected.length > 0) {
      try {
        await options.refreshViews(affected);
      } catch (err) {
        logger.debug?.(
          `Could not refresh the views of changed entities: ${
            (err as Error).message
          }`,
        );
      }
    }
    for (const channel of channels) {
      count += 1;
      try {
        await signals.publish({
          recipients: { type: 'broadcast' },
          channel,
          message,
        });
      } catch (err) {
        logger.debug?.(
          `Could not publish a change notice on ${channel}: ${
            (err as Error).message
          }`,
        );
      }
    }
  }

  function onChange(cluster: string, change: ClusterChange) {
    if (change.type === 'status') statusChanged = true;
    else
      for (const object of change.objects)
        pendingObjects.push({ cluster, object });
    const now = Date.now();
    firstAt ??= now;
    clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstAt + maxWaitMs - now));
    timer = setTimeout(() => void flush(), wait);
    timer.unref?.();
  }

  return {
    start() {
      unsubscribe = collector.onChange(onChange);
    },
    stop() {
      unsubscribe?.();
      clearTimeout(timer);
    },
    published: () => count,
  };
}
