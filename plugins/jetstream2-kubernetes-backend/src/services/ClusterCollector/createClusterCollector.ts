import type { LoggerService } from '@backstage/backend-plugin-api';
import { createListenerSet } from '../../lib/createListenerSet';
import { defaultSettings } from '../../settings';
import type {
  ClusterDefinition,
  ClusterLocator,
} from '../ClusterLocator/types';
import { createClusterWatcher } from './clusterWatcher';
import type {
  ClusterChange,
  ClusterCollector,
  ClusterWatcher,
  CollectorSettings,
} from './types';

export interface ClusterCollectorOptions {
  locator: ClusterLocator;
  logger: LoggerService;
  /** Missing values take `defaultSettings.collector` (settings.ts). */
  settings?: Partial<CollectorSettings>;
}

/**
 * Every replica watches every cluster, so every replica answers from live data. (Which replica writes
 * summaries to the database is up to the scheduler: see src/scheduled.)
 */
export function createClusterCollector(
  options: ClusterCollectorOptions,
): ClusterCollector {
  const { locator, logger } = options;
  const settings = { ...defaultSettings.collector, ...options.settings };
  const watchers = new Map<
    string,
    { watcher: ClusterWatcher; fingerprint: string; unsubscribe: () => void }
  >();
  const listeners = createListenerSet<[string, ClusterChange]>({
    logger,
    what: 'cluster change',
  });
  let names: string[] = [];
  let running = false;
  let unsubscribeLocator: (() => void) | undefined;
  let syncing: Promise<void> = Promise.resolve();

  function add(cluster: ClusterDefinition) {
    const watcher = createClusterWatcher({ cluster, logger, settings });
    const unsubscribe = watcher.onChange(change =>
      listeners.emit(cluster.name, change),
    );
    watchers.set(cluster.name, {
      watcher,
      fingerprint: cluster.fingerprint,
      unsubscribe,
    });
    watcher.start();
  }

  async function remove(name: string) {
    const entry = watchers.get(name);
    if (!entry) return;
    watchers.delete(name);
    await entry.watcher.stop();
    entry.unsubscribe();
  }

  /** Reads the clusters and starts, restarts or stops watchers to match. */
  async function syncClusters() {
    let clusters: ClusterDefinition[];
    try {
      clusters = await locator.getClusters();
    } catch (err) {
      logger.warn(
        `Could not read the cluster definitions: ${(err as Error).message}`,
      );
      return;
    }
    if (!running) return;
    const wanted = new Map(clusters.map(c => [c.name, c]));
    const changes: string[] = [];
    for (const name of [...watchers.keys()]) {
      const next = wanted.get(name);
      if (!next) {
        await remove(name);
        changes.push(`removed ${name}`);
      } else if (next.fingerprint !== watchers.get(name)!.fingerprint) {
        await remove(name);
        add(next);
        changes.push(`reconnected ${name}`);
      }
    }
    for (const c of clusters) {
      if (!watchers.has(c.name)) {
        add(c);
        changes.push(`added ${c.name}`);
      }
    }
    names = clusters.map(c => c.name);
    if (changes.length > 0) {
      logger.info(
        `Collecting from ${names.length} cluster(s) (${changes.join(', ')})`,
      );
      listeners.emit('', { type: 'status' });
    }
  }

  function resync() {
    syncing = syncing.then(syncClusters);
    return syncing;
  }

  return {
    async start() {
      running = true;
      await resync();
      const subscription = locator.subscribe(() => void resync());
      unsubscribeLocator = () => subscription.unsubscribe();
    },
    async stop() {
      running = false;
      unsubscribeLocator?.();
      locator.stop();
      await syncing;
      await Promise.all([...watchers.keys()].map(remove));
    },
    clusterNames: () => [...names],
    snapshot: name => watchers.get(name)?.watcher.snapshot(),
    watcher: name => watchers.get(name)?.watcher,
    onChange: listeners.add,
  };
}
