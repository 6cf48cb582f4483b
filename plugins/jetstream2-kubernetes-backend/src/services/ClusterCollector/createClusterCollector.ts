import type { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import type { ClusterLocator } from '../ClusterLocator/types';
import { createClusterWatcher, type ClusterWatcher } from './clusterWatcher';
import type { ClusterCollector, CollectorSettings } from './types';

/** Decides which replica collects. The default (no coordination) always collects. */
export interface CollectorCoordination {
  /** Takes or renews the right to collect; true while this replica holds it. */
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

/** A lease row in the plugin's database, so that only one backend replica watches the clusters. */
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

export function createClusterCollector(
  options: ClusterCollectorOptions,
): ClusterCollector {
  const { locator, logger } = options;
  const settings = { ...defaultCollectorSettings, ...options.settings };
  const watchers = new Map<string, ClusterWatcher>();
  let names: string[] = [];
  let collecting = false;
  let leaseTimer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function setCollecting(want: boolean) {
    if (want === collecting) return;
    collecting = want;
    if (want) {
      logger.info(
        `Collecting from ${names.length} cluster(s): ${
          names.join(', ') || '(none)'
        }`,
      );
      for (const w of watchers.values()) w.start();
    } else {
      logger.info(
        'Another replica holds the collector lease; stopping collection here',
      );
      await Promise.all([...watchers.values()].map(w => w.stop()));
    }
  }

  async function checkLease() {
    if (stopped) return;
    const coordination = options.coordination;
    if (!coordination) {
      await setCollecting(true);
      return;
    }
    try {
      await setCollecting(await coordination.tryAcquire());
    } catch (err) {
      // Without the database we cannot know whether another replica collects: keep the current role.
      logger.warn(
        `Could not renew the collector lease: ${(err as Error).message}`,
      );
    }
  }

  return {
    async start() {
      const clusters = await locator.getClusters();
      names = clusters.map(c => c.name);
      for (const cluster of clusters) {
        watchers.set(
          cluster.name,
          createClusterWatcher({ cluster, logger, settings }),
        );
      }
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
      stopped = true;
      clearInterval(leaseTimer);
      await Promise.all([...watchers.values()].map(w => w.stop()));
      collecting = false;
      if (options.coordination)
        await options.coordination.release().catch(() => {});
    },
    clusterNames: () => [...names],
    snapshot(name) {
      if (!collecting) return undefined;
      return watchers.get(name)?.snapshot();
    },
    isCollecting: () => collecting,
  };
}
