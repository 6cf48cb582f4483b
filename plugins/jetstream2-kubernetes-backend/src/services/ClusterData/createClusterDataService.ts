import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ClusterDetail,
  ClusterSummary,
  SuRates,
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
  now?: () => Date;
  /** SU per vCPU-hour by flavor family, for the clusters' cost (the built-in rates when not given). */
  rates?: SuRates;
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
  if (live?.unreachableSince) result.unreachableSince = live.unreachableSince;
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
  const { collector, store, logger, rates } = options;
  const now = options.now ?? (() => new Date());
  /** Summaries and details computed once per data version of a cluster, not per request. */
  type Computed = {
    version: number;
    summary?: ClusterSummary;
    detail?: ClusterDetail;
  };
  const computed = new Map<string, Computed>();
  function cached<K extends 'summary' | 'detail'>(
    snap: ClusterSnapshot,
    kind: K,
    make: () => Required<Computed>[K],
  ): Required<Computed>[K] {
    let entry = computed.get(snap.name);
    if (!entry || entry.version !== snap.dataVersion) {
      entry = { version: snap.dataVersion ?? -1 };
      computed.set(snap.name, entry);
    }
    if (!entry[kind]) entry[kind] = make();
    return entry[kind] as Required<Computed>[K];
  }
  /** The cached answer with its age brought up to now. */
  function aged<T extends ClusterSummary>(value: T, t: Date): T {
    return { ...value, ageSeconds: ageSeconds(value.collectedAt, t) };
  }

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
      ...(snap?.unreachableSince
        ? { unreachableSince: snap.unreachableSince }
        : {}),
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
    dataVersion(name) {
      return collector.snapshot(name)?.dataVersion ?? -1;
    },
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
        if (fresh)
          return aged(
            cached(fresh, 'summary', () => summariseCluster(fresh, t, rates)),
            t,
          );
        const s = stored.get(name);
        if (s) return fromStore(s.summary, snap, t);
        return emptySummary(name, snap);
      });
    },

    async getCluster(name) {
      if (!collector.clusterNames().includes(name)) return undefined;
      const t = now();
      const { snap, fresh } = live(name);
      if (fresh)
        return aged(
          cached(fresh, 'detail', () => detailCluster(fresh, t, rates)),
          t,
        );
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
        return { ...detailCluster(snap, t, rates), status: snap.status };
      }
      return detail;
    },

    async persist() {
      const t = now();
      let written = 0;
      for (const name of collector.clusterNames()) {
        const { fresh } = live(name);
        if (!fresh) continue;
        const detail = {
          ...cached(fresh, 'detail', () => detailCluster(fresh, t, rates)),
        };
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
        // Written every run, changed or not: another replica may have written since this one did (and the
        // collection time changes with every health poll anyway).
        try {
          await store.saveCluster({
            name,
            summary,
            detail,
            collectedAt: fresh.collectedAt,
          });
          written += 1;
        } catch (err) {
          logger.warn(
            `Could not store cluster ${name}: ${(err as Error).message}`,
          );
        }
      }
      return written;
    },
  };
}
