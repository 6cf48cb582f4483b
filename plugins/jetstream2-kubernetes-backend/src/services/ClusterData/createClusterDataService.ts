import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ClusterDetail,
  ClusterSummary,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type {
  ClusterCollector,
  ClusterSnapshot,
} from '../ClusterCollector/types';
import type { ClusterStore, StoredCluster } from '../ClusterStore/types';
import { detailCluster, summariseCluster } from './summarise';
import type { ClusterDataService } from './types';

export interface ClusterDataServiceOptions {
  collector: ClusterCollector;
  store: ClusterStore;
  logger: LoggerService;
  persistIntervalMs?: number;
  now?: () => Date;
}

function ageSeconds(
  collectedAt: string | undefined,
  now: Date,
): number | undefined {
  if (!collectedAt) return undefined;
  return Math.max(
    0,
    Math.round((now.getTime() - Date.parse(collectedAt)) / 1000),
  );
}

/**
 * The stored answer, marked stale, with the live status and error when the collector knows them (a
 * cluster that is down after a restart shows its last data and why it is not fresh).
 */
function fromStore<T extends ClusterSummary>(
  stored: T,
  live: ClusterSnapshot | undefined,
  now: Date,
): T {
  const result: T = {
    ...stored,
    stale: true,
    ageSeconds: ageSeconds(stored.collectedAt, now),
  };
  if (live && live.status !== 'pending') {
    result.status = live.status;
    if (live.error) result.error = live.error;
    else delete result.error;
  }
  return result;
}

export function createClusterDataService(
  options: ClusterDataServiceOptions,
): ClusterDataService {
  const { collector, store, logger } = options;
  const now = options.now ?? (() => new Date());
  const persistIntervalMs = options.persistIntervalMs ?? 30_000;
  const lastWritten = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;

  /** Live data counts once the collector has a complete collection of the cluster. */
  const live = (name: string) => {
    const snap = collector.snapshot(name);
    return { snap, fresh: snap?.collectedAt ? snap : undefined };
  };

  async function storedByName(): Promise<Map<string, StoredCluster>> {
    try {
      return new Map((await store.listClusters()).map(s => [s.name, s]));
    } catch (err) {
      logger.warn(`Could not read stored clusters: ${(err as Error).message}`);
      return new Map();
    }
  }

  function emptySummary(
    name: string,
    snap: ClusterSnapshot | undefined,
  ): ClusterSummary {
    const zero = { cpuCores: 0, memoryBytes: 0, gpus: 0 };
    return {
      name,
      ...(snap?.title ? { title: snap.title } : {}),
      status: snap?.status ?? 'pending',
      ...(snap?.error ? { error: snap.error } : {}),
      nodeCount: 0,
      readyNodeCount: 0,
      capacity: zero,
      allocatable: zero,
      requested: zero,
      podCount: 0,
    };
  }

  return {
    clusterNames: () => collector.clusterNames(),
    liveSnapshot: name => collector.snapshot(name),

    async listClusters() {
      const t = now();
      const names = collector.clusterNames();
      const needStore = names.some(n => !live(n).fresh);
      const stored = needStore
        ? await storedByName()
        : new Map<string, StoredCluster>();
      return names.map(name => {
        const { snap, fresh } = live(name);
        if (fresh) return summariseCluster(fresh, t);
        const s = stored.get(name);
        if (s) return fromStore(s.summary, snap, t);
        return emptySummary(name, snap);
      });
    },

    async getCluster(name) {
      if (!collector.clusterNames().includes(name)) return undefined;
      const t = now();
      const { snap, fresh } = live(name);
      if (fresh) return detailCluster(fresh, t);
      let s: StoredCluster | undefined;
      try {
        s = await store.getCluster(name);
      } catch (err) {
        logger.warn(
          `Could not read stored cluster ${name}: ${(err as Error).message}`,
        );
      }
      if (s) return fromStore(s.detail, snap, t);
      const detail: ClusterDetail = {
        ...emptySummary(name, snap),
        nodes: [],
        controlPlane: { checks: [], leases: [] },
        namespaces: [],
        workloadCounts: {},
        insights: [],
      };
      if (snap) {
        return { ...detailCluster(snap, t), status: snap.status };
      }
      return detail;
    },

    async persist() {
      if (!collector.isCollecting()) return;
      const t = now();
      for (const name of collector.clusterNames()) {
        const { fresh } = live(name);
        if (!fresh) continue;
        const detail = detailCluster(fresh, t);
        const {
          nodes,
          controlPlane,
          namespaces,
          workloadCounts,
          insights,
          ...summary
        } = detail;
        delete summary.ageSeconds;
        delete detail.ageSeconds;
        const key = JSON.stringify(detail);
        if (lastWritten.get(name) === key) continue;
        try {
          await store.saveCluster({
            name,
            summary,
            detail,
            collectedAt: fresh.collectedAt,
          });
          lastWritten.set(name, key);
        } catch (err) {
          logger.warn(
            `Could not store cluster ${name}: ${(err as Error).message}`,
          );
        }
      }
    },

    start() {
      timer = setInterval(() => void this.persist(), persistIntervalMs);
      timer.unref?.();
    },

    async stop() {
      clearInterval(timer);
      await this.persist();
    },
  };
}
