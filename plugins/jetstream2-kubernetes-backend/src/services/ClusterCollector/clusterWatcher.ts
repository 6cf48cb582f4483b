import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  KubernetesListObject,
  KubernetesObject,
  ListWatch,
  Watch,
  makeInformer,
  type Informer,
  type ObjectCache,
} from '@kubernetes/client-node';
import type {
  ClusterError,
  ClusterObjects,
  ClusterStatus,
  ControlPlaneCheck,
  KubeObject,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterDefinition } from '../ClusterLocator/types';
import { classifyClusterError, createKubeApi, KubeApi } from './kubeApi';
import type { ClusterSnapshot, CollectorSettings, ResourceKey } from './types';

interface ResourceType {
  key: ResourceKey;
  path: string;
  fieldSelector?: string;
}

/** Everything the collector lists and watches, per cluster. Secrets are never collected. */
export const resourceTypes: ResourceType[] = [
  { key: 'nodes', path: '/api/v1/nodes' },
  { key: 'namespaces', path: '/api/v1/namespaces' },
  { key: 'pods', path: '/api/v1/pods' },
  { key: 'deployments', path: '/apis/apps/v1/deployments' },
  { key: 'replicaSets', path: '/apis/apps/v1/replicasets' },
  { key: 'statefulSets', path: '/apis/apps/v1/statefulsets' },
  { key: 'daemonSets', path: '/apis/apps/v1/daemonsets' },
  { key: 'jobs', path: '/apis/batch/v1/jobs' },
  { key: 'cronJobs', path: '/apis/batch/v1/cronjobs' },
  { key: 'services', path: '/api/v1/services' },
  { key: 'ingresses', path: '/apis/networking.k8s.io/v1/ingresses' },
  { key: 'persistentVolumeClaims', path: '/api/v1/persistentvolumeclaims' },
  {
    key: 'horizontalPodAutoscalers',
    path: '/apis/autoscaling/v2/horizontalpodautoscalers',
  },
  { key: 'events', path: '/api/v1/events', fieldSelector: 'type=Warning' },
  {
    key: 'leases',
    path: '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases',
  },
  {
    key: 'nodeLeases',
    path: '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases',
  },
  { key: 'storageClasses', path: '/apis/storage.k8s.io/v1/storageclasses' },
];

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Drops what no route needs and what may carry secrets or bulk: managed fields and kubectl's copy of the
 * last applied manifest. Mutates in place so the informer's cache holds the slim object.
 */
export function slimObject<T extends KubernetesObject>(obj: T): T {
  const meta = obj.metadata as any;
  if (meta) {
    delete meta.managedFields;
    if (meta.annotations && LAST_APPLIED in meta.annotations) {
      delete meta.annotations[LAST_APPLIED];
    }
  }
  return obj;
}

interface InformerState {
  type: ResourceType;
  informer: Informer<KubernetesObject> & ObjectCache<KubernetesObject>;
  synced: boolean;
  error?: ClusterError;
  backoffMs: number;
  timer?: NodeJS.Timeout;
}

export interface ClusterWatcher {
  readonly cluster: ClusterDefinition;
  start(): void;
  stop(): Promise<void>;
  /** Polls version and health once (also run on the interval). */
  poll(): Promise<void>;
  snapshot(): ClusterSnapshot;
  /** Requests our own client made (lists and health checks; watches are not counted). */
  requestCount(): number;
}

function parseChecks(
  body: string,
  endpoint: 'readyz' | 'livez',
): ControlPlaneCheck[] {
  const checks: ControlPlaneCheck[] = [];
  for (const line of body.split('\n')) {
    const m = /^\[([+-])\]([^\s]+)\s/.exec(line.trim() + ' ');
    if (m) checks.push({ name: m[2], endpoint, ok: m[1] === '+' });
  }
  return checks;
}

export function createClusterWatcher(options: {
  cluster: ClusterDefinition;
  logger: LoggerService;
  settings: CollectorSettings;
}): ClusterWatcher {
  const { cluster, settings } = options;
  const logger = options.logger.child({ cluster: cluster.name });
  const api: KubeApi = createKubeApi(cluster);
  const informers: InformerState[] = [];
  let started = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let healthError: ClusterError | undefined;
  let version: string | undefined;
  let ready: boolean | undefined;
  let live: boolean | undefined;
  let checks: ControlPlaneCheck[] = [];
  let collectedAt: Date | undefined;
  let lastHealthyAt: Date | undefined;
  const unsupported =
    cluster.authProvider !== 'serviceAccount'
      ? ({
          reason: 'unknown',
          message: `Cluster ${cluster.name} uses auth provider "${cluster.authProvider}"; the jetstream2-kubernetes collector supports "serviceAccount" only.`,
        } as ClusterError)
      : undefined;

  const listFn =
    (type: ResourceType) =>
    async (): Promise<KubernetesListObject<KubernetesObject>> => {
      const items: KubernetesObject[] = [];
      let cont: string | undefined;
      let resourceVersion: string | undefined;
      do {
        const q = new URLSearchParams({ limit: String(settings.listPageSize) });
        if (cont) q.set('continue', cont);
        if (type.fieldSelector) q.set('fieldSelector', type.fieldSelector);
        const page = await api.getJson<any>(
          `${type.path}?${q}`,
          settings.requestTimeoutMs,
        );
        const kind =
          typeof page.kind === 'string'
            ? page.kind.replace(/List$/, '')
            : undefined;
        for (const item of page.items ?? []) {
          if (kind && !item.kind) item.kind = kind;
          if (page.apiVersion && !item.apiVersion)
            item.apiVersion = page.apiVersion;
          items.push(slimObject(item));
        }
        cont = page.metadata?.continue || undefined;
        resourceVersion = page.metadata?.resourceVersion;
      } while (cont);
      // The informer stores these items right after this resolves: the type is in sync from here on,
      // even before the watch's response headers arrive.
      const state = informers.find(st => st.type === type);
      if (state && started) {
        state.synced = true;
        state.error = undefined;
        state.backoffMs = settings.minBackoffMs;
      }
      return {
        apiVersion: 'v1',
        kind: 'List',
        metadata: { resourceVersion },
        items,
      };
    };

  function scheduleRestart(state: InformerState, delayMs: number) {
    if (!started) return;
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      if (!started) return;
      state.informer.start().catch(err => onError(state, err));
    }, delayMs);
    state.timer.unref?.();
  }

  function onError(state: InformerState, err: unknown) {
    // Aborting the watches on stop() reports errors too; they mean nothing once stopped.
    if (!started) return;
    const classified = classifyClusterError(err, cluster.name);
    if (!state.error || state.error.message !== classified.message) {
      logger.warn(
        `Watching ${state.type.key} failed (${
          classified.reason
        }); retrying in ${Math.round(state.backoffMs / 1000)} s`,
      );
    }
    state.error = classified;
    const jitter = Math.random() * 0.2 * state.backoffMs;
    scheduleRestart(state, state.backoffMs + jitter);
    state.backoffMs = Math.min(state.backoffMs * 2, settings.maxBackoffMs);
  }

  for (const type of resourceTypes) {
    const fn = listFn(type);
    const informer = type.fieldSelector
      ? new ListWatch<KubernetesObject>(
          type.path,
          new Watch(api.kubeConfig),
          fn,
          false,
          undefined,
          type.fieldSelector,
        )
      : makeInformer<KubernetesObject>(api.kubeConfig, type.path, fn);
    const state: InformerState = {
      type,
      informer,
      synced: false,
      backoffMs: settings.minBackoffMs,
    };
    informer.on('add', obj => {
      slimObject(obj);
    });
    informer.on('update', obj => {
      slimObject(obj);
    });
    informer.on('error', err => onError(state, err));
    informers.push(state);
  }

  async function startInformer(state: InformerState) {
    try {
      await state.informer.start();
    } catch (err) {
      onError(state, err);
    }
  }

  // start() resolves once the list is stored and the watch is open, or after it reported an error (which
  // schedules a restart). So a start that scheduled nothing means the informer is in sync.
  for (const state of informers) {
    const originalStart = state.informer.start.bind(state.informer);
    state.informer.start = async () => {
      await originalStart();
      if (!state.timer && started) {
        state.synced = true;
        state.error = undefined;
        state.backoffMs = settings.minBackoffMs;
      }
    };
  }

  async function poll() {
    if (unsupported) return;
    try {
      const t = settings.requestTimeoutMs;
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
      const recovered = healthError !== undefined;
      healthError = undefined;
      if (recovered) {
        logger.info(`Cluster ${cluster.name} answers again; relisting`);
        restartInformers();
      }
      lastHealthyAt = new Date();
      if (informers.every(s => s.synced && !s.error))
        collectedAt = lastHealthyAt;
    } catch (err) {
      const classified = classifyClusterError(err, cluster.name);
      if (!healthError || healthError.reason !== classified.reason) {
        logger.warn(
          `Cluster ${cluster.name} health check failed: ${classified.message}`,
        );
      }
      healthError = classified;
      ready = undefined;
      live = undefined;
    }
  }

  /**
   * After the API server answers again, retries at once the informers waiting in back-off. Informers with
   * an open watch are left alone: ListWatch.start() on an instance with an open watch would race the
   * aborted watch's done callback against the new one.
   */
  function restartInformers() {
    for (const state of informers) {
      if (!state.timer) continue;
      clearTimeout(state.timer);
      state.timer = undefined;
      state.backoffMs = settings.minBackoffMs;
      void startInformer(state);
    }
  }

  return {
    cluster,
    start() {
      if (started || unsupported) return;
      started = true;
      for (const state of informers) void startInformer(state);
      void poll();
      pollTimer = setInterval(() => void poll(), settings.healthIntervalMs);
      pollTimer.unref?.();
    },
    async stop() {
      started = false;
      clearInterval(pollTimer);
      for (const state of informers) {
        clearTimeout(state.timer);
        await state.informer.stop();
      }
    },
    poll,
    requestCount: () => api.requestCount,
    snapshot(): ClusterSnapshot {
      const objects: ClusterObjects & { nodeLeases?: KubeObject[] } = {};
      for (const s of informers) {
        // Lists not yet in sync stay undefined, so rules do not judge an empty list as "none exist".
        if (s.synced)
          (objects as any)[s.type.key] = s.informer.list() as KubeObject[];
      }
      const errors = informers.filter(s => s.error).map(s => s.error!);
      let status: ClusterStatus = 'ok';
      let error: ClusterError | undefined;
      if (unsupported) {
        status = 'error';
        error = unsupported;
      } else if (healthError) {
        status = 'error';
        error = healthError;
      } else if (errors.length === informers.length) {
        status = 'error';
        error = errors[0];
      } else if (!informers.every(s => s.synced) || version === undefined) {
        status = errors.length > 0 ? 'error' : 'pending';
        error = errors[0];
      } else if (errors.length > 0) {
        status = 'degraded';
        error = errors[0];
      } else if (ready === false) {
        status = 'degraded';
        const failing = checks
          .filter(c => !c.ok && c.endpoint === 'readyz')
          .map(c => c.name);
        error = {
          reason: 'unknown',
          message: `The API server is not ready: failing checks ${
            failing.join(', ') || '(none listed)'
          }.`,
        };
      }
      if (
        (status === 'ok' || status === 'degraded') &&
        lastHealthyAt &&
        informers.every(s => s.synced && !s.error)
      ) {
        // Everything listed after the last successful health check: the data is complete as of then.
        collectedAt = lastHealthyAt;
      }
      return {
        name: cluster.name,
        title: cluster.title,
        status,
        error,
        version,
        controlPlane: { ready, live, checks },
        collectedAt: collectedAt?.toISOString(),
        objects,
      };
    },
  };
}
