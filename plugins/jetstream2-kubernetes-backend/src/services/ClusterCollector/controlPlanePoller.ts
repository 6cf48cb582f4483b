import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  amountsFromResourceList,
  type ClusterError,
  type ControlPlaneCheck,
  type ResourceAmounts,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { classifyClusterError, type KubeApi } from './kubeApi';

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
}

export interface ControlPlanePoller {
  /** Polls version, health and node metrics once; resolves true when what the status reads changed. */
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
   * Called when the API server answered a poll, before node metrics are read; `recovered` when the
   * previous poll had failed.
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

  async function pollMetrics() {
    const res = await api.getText('/apis/metrics.k8s.io/v1beta1/nodes', t);
    if (res.status !== 200) {
      nodeUsage = new Map();
      return;
    }
    const usage = new Map<string, ResourceAmounts>();
    for (const item of JSON.parse(res.body).items ?? []) {
      usage.set(item.metadata?.name ?? '', amountsFromResourceList(item.usage));
    }
    nodeUsage = usage;
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
        await pollMetrics().catch(() => {
          nodeUsage = new Map();
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
    }),
    reset() {
      // ready, live and the checks stay until the next poll, as they always have.
      version = undefined;
      error = undefined;
      unreachableSince = undefined;
      lastHealthyAt = undefined;
      nodeUsage = new Map();
    },
  };
}
