import type { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import type {
  ClusterDefinition,
  ClusterLocator,
} from '../ClusterLocator/types';
import {
  createClusterWatcher,
  type ClusterChange,
  type ClusterWatcher,
} from './clusterWatcher';
import type { ClusterCollector, CollectorSettings } from './types';

/** Decides which replica persists. The default (no coordination) always does. */
export interface CollectorCoordination {
  /** Takes or renews the right to persist; true while this replica holds it. */
  tryAcquire(): Promise<boolean>;
  release(): Promise<void>;
  /** How often tryAcquire runs, in milliseconds. */
  renewIntervalMs: number;
}

export const defaultCollectorSettings: CollectorSettings = {
  healthIntervalMs: 15_000,
  requestTimeoutMs: 10_000,
  minBackoffMs: 1_000,
  maxBackoffMs: 30_000,
  listPageSize: 500,
};

export interface ClusterCollectorOptions {
  locator: ClusterLocator;
  logger: LoggerService;
  settings?: Partial<CollectorSettings>;
  coordination?: CollectorCoordination;
}

/** A lease row in the plugin's database, so that only one backend replica writes cluster summaries. */
export function leaseCoordination(options: {
  store: {
    tryAcquireLease(n: string, h: string, ttl: number): Promise<boolean>;
    releaseLease(n: string, h: string): Promise<void>;
  };
  ttlMs: number;
  holder?: string;
}): CollectorCoordination {
  const holder = options.holder ?? `${process.pid}-${randomUUID()}`;
  return {
    renewIntervalMs: Math.max(1000, Math.floor(options.ttlMs / 4)),
    tryAcquire: () =>
      options.store.tryAcquireLease('collector', holder, options.ttlMs),
    release: () => options.store.releaseLease('collector', holder),
  };
}

/**
 * Every replica watches every cluster, so every replica answers from live data; the lease only elects the
 * replica that writes summaries to the database (what a restarted portal shows until its watches sync).
 */
export function createClusterCollector(
  options: ClusterCollectorOptions,
): ClusterCollector {
  const { locator, logger } = options;
  const settings = { ...defaultCollectorSettings, ...options.settings };
  const watchers = new Map<
    string,
    { watcher: ClusterWatcher; fingerprint: string; unsubscribe: () => void }
  >();
  const listeners = new Set<(cluster: string, change: ClusterChange) => void>();
  let names: string[] = [];
  let leader = false;
  let running = false;
  let leaseTimer: NodeJS.Timeout | undefined;
  let unsubscribeLocator: (() => void) | undefined;
  let syncing: Promise<void> = Promise.resolve();

  function emit(cluster: string, change: ClusterChange) {
    for (const l of listeners) l(cluster, change);
  }

  function add(cluster: ClusterDefinition) {
    const watcher = createClusterWatcher({ cluster, logger, settings });
    const unsubscribe = watcher.onChange(change => emit(cluster.name, change));
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
      emit('', { type: 'status' });
    }
  }

  function resync() {
    syncing = syncing.then(syncClusters);
    return syncing;
  }

  async function checkLease() {
    const coordination = options.coordination;
    if (!coordination || !running) {
      leader = running;
      return;
    }
    try {
      const now = await coordination.tryAcquire();
      if (now !== leader) {
        logger.info(
          now
            ? 'This replica now writes cluster summaries to the database'
            : 'Another replica writes cluster summaries; this one keeps serving its own live data',
        );
      }
      leader = now;
    } catch (err) {
      // Without the database we cannot know whether another replica writes: stop writing.
      leader = false;
      logger.warn(
        `Could not renew the collector lease: ${(err as Error).message}`,
      );
    }
  }

  return {
    async start() {
      running = true;
      await resync();
      const subscription = locator.subscribe(() => void resync());
      unsubscribeLocator = () => subscription.unsubscribe();
      await checkLease();
      if (options.coordination) {
        leaseTimer = setInterval(
          () => void checkLease(),
          options.coordination.renewIntervalMs,
        );
        leaseTimer.unref?.();
      }
    },
    async stop() {
      running = false;
      clearInterval(leaseTimer);
      unsubscribeLocator?.();
      locator.stop();
      await syncing;
      await Promise.all([...watchers.keys()].map(remove));
      if (leader && options.coordination) {
        // At shutdown the database may already be closing: give the release a second, never a hang.
        await Promise.race([
          options.coordination.release().catch(() => {}),
          new Promise(resolve => setTimeout(resolve, 1000).unref?.()),
        ]);
      }
      leader = false;
    },
    clusterNames: () => [...names],
    snapshot: name => watchers.get(name)?.watcher.snapshot(),
    watcher: name => watchers.get(name)?.watcher,
    isLeader: () => leader,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
