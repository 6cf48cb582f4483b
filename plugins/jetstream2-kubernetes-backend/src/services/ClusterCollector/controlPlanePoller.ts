import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  amountsFromResourceList,
  type ClusterError,
  type ControlPlaneCheck,
  type ResourceAmounts,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { classifyClusterError, type KubeApi } from './kubeApi';
import { parsePodUsage, POD_METRICS_PATH } from './podUsage';
import type { PodUsage } from './types';

/** What the last polls of the control plane found. */
export interface ControlPlaneFacts {
  version?: string;
  ready?: boolean;
  live?: boolean;
  checks: ControlPlaneCheck[];
  /** The last poll's failure; undefined once the API server answers. */
  error?: ClusterError;
  /** Since when polls fail. */
  unreachableSince?: Date;
  /** When the API server last answered. */
  lastHealthyAt?: Date;
  /** Node usage from metrics.k8s.io (empty when the cluster does not serve metrics). */
  nodeUsage: Map<string, ResourceAmounts>;
  /**
   * Usage of the cached pods from metrics.k8s.io, by `podUsageKey` (empty when the cluster does not serve
   * metrics or pod metrics are not asked for).
   */
  podUsage: Map<string, PodUsage>;
}

export interface ControlPlanePoller {
  /** Polls version, health, node and pod metrics once; resolves true when what the status reads changed. */
  poll(): Promise<boolean>;
  /** The current facts (the check list and usage map are shared, never mutate them). */
  facts(): Readonly<ControlPlaneFacts>;
  /** Forgets the version, failure and usage (on stop). */
  reset(): void;
}

/** The checks of a verbose /readyz or /livez answer (`[+]etcd ok`, `[-]informer-sync failed`). */
export function parseChecks(
  body: string,
  endpoint: 'readyz' | 'livez',
): ControlPlaneCheck[] {
  const checks: ControlPlaneCheck[] = [];
  for (const line of body.split('\n')) {
    const m = /^\[([+-])\]([^\s]+)\s/.exec(`${line.trim()} `);
    if (m) checks.push({ name: m[2], endpoint, ok: m[1] === '+' });
  }
  return checks;
}

export function createControlPlanePoller(options: {
  api: Pick<KubeApi, 'getJson' | 'getText'>;
  clusterName: string;
  logger: LoggerService;
  requestTimeoutMs: number;
  /**
   * Poll pod metrics too (one list of every pod's usage per poll), keeping the pods the cache holds.
   * Left out when the cluster says `skipMetricsLookup`.
   */
  podMetrics?: { hasPod(namespace: string, name: string): boolean };
  /**
   * Called when the API server answered a poll, before metrics are read; `recovered` when the previous
   * poll had failed.
   */
  onAnswer(recovered: boolean): void;
}): ControlPlanePoller {
  const { api, clusterName, logger, requestTimeoutMs: t } = options;
  let version: string | undefined;
  let ready: boolean | undefined;
  let live: boolean | undefined;
  let checks: ControlPlaneCheck[] = [];
  let error: ClusterError | undefined;
  let unreachableSince: Date | undefined;
  let lastHealthyAt: Date | undefined;
  let nodeUsage = new Map<string, ResourceAmounts>();
  let podUsage = new Map<string, PodUsage>();
  /** Why metrics are missing, while they are. */
  let metricsMissing: string | undefined;
  /** Metrics going missing is said once at info level; later comings and goings at debug level. */
  let missingSaid = false;

  function noteMetrics(missing: string | undefined) {
    if (missing && !metricsMissing) {
      const message = `Cluster ${clusterName} serves no resource metrics (${missing}); its pods and nodes show no CPU or memory usage`;
      if (missingSaid) logger.debug(message);
      else logger.info(message);
      missingSaid = true;
    } else if (!missing && metricsMissing) {
      logger.debug(`Cluster ${clusterName} serves resource metrics again`);
    }
    metricsMissing = missing;
  }

  /** Node usage, then (when nodes have metrics and pods are asked for) every pod's usage in one request. */
  async function pollMetrics() {
    const nodes = await api.getText('/apis/metrics.k8s.io/v1beta1/nodes', t);
    if (nodes.status !== 200) {
      nodeUsage = new Map();
      podUsage = new Map();
      noteMetrics(`metrics.k8s.io nodes: HTTP ${nodes.status}`);
      return;
    }
    const usage = new Map<string, ResourceAmounts>();
    for (const item of JSON.parse(nodes.body).items ?? []) {
      usage.set(item.metadata?.name ?? '', amountsFromResourceList(item.usage));
    }
    nodeUsage = usage;
    if (!options.podMetrics) {
      noteMetrics(undefined);
      return;
    }
    const pods = await api.getText(POD_METRICS_PATH, t);
    if (pods.status !== 200) {
      podUsage = new Map();
      noteMetrics(`metrics.k8s.io pods: HTTP ${pods.status}`);
      return;
    }
    podUsage = parsePodUsage(pods.body, options.podMetrics.hasPod);
    noteMetrics(undefined);
  }

  const statusKey = () => JSON.stringify([error?.reason, ready, live, version]);

  return {
    async poll() {
      const before = statusKey();
      try {
        const [v, readyz, livez] = await Promise.all([
          api.getJson<{ gitVersion?: string }>('/version', t),
          api.getText('/readyz?verbose', t),
          api.getText('/livez?verbose', t),
        ]);
        for (const r of [readyz, livez]) {
          if (r.status === 401 || r.status === 403) {
            throw Object.assign(new Error(`HTTP ${r.status}`), {
              statusCode: r.status,
            });
          }
        }
        version = v.gitVersion;
        ready = readyz.status === 200;
        live = livez.status === 200;
        checks = [
          ...parseChecks(readyz.body, 'readyz'),
          ...parseChecks(livez.body, 'livez'),
        ];
        const recovered = error !== undefined;
        error = undefined;
        unreachableSince = undefined;
        lastHealthyAt = new Date();
        options.onAnswer(recovered);
        await pollMetrics().catch(err => {
          nodeUsage = new Map();
          podUsage = new Map();
          noteMetrics(`metrics.k8s.io: ${(err as Error).message}`);
        });
      } catch (err) {
        const classified = classifyClusterError(err, clusterName);
        if (!error || error.reason !== classified.reason) {
          logger.warn(
            `Cluster ${clusterName} health check failed: ${classified.message}`,
          );
        }
        error = classified;
        unreachableSince ??= new Date();
        ready = undefined;
        live = undefined;
      }
      return statusKey() !== before;
    },
    facts: () => ({
      version,
      ready,
      live,
      checks,
      error,
      unreachableSince,
      lastHealthyAt,
      nodeUsage,
      podUsage,
    }),
    reset() {
      // ready, live and the checks stay until the next poll, as they always have.
      version = undefined;
      error = undefined;
      unreachableSince = undefined;
      lastHealthyAt = undefined;
      nodeUsage = new Map();
      podUsage = new Map();
      metricsMissing = undefined;
    },
  };
}
