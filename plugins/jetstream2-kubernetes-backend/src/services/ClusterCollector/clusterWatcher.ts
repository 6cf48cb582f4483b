import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  KubernetesListObject,
  KubernetesObject,
  ListWatch,
  Watch,
  type Informer,
  type ObjectCache,
} from '@kubernetes/client-node';
import {
  amountsFromResourceList,
  resourcePath,
  resourceRegistry,
  type ClusterError,
  type ClusterStatus,
  type ControlPlaneCheck,
  type KubeObject,
  type ResourceAmounts,
  type ResourceDefinition,
  type ResourceKey,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterDefinition } from '../ClusterLocator/types';
import { classifyClusterError, createKubeApi, KubeApi } from './kubeApi';
import { ObjectIndex } from './objectIndex';
import { redactObject } from './redact';
import type { ClusterSnapshot, CollectorSettings } from './types';

interface InformerState {
  def: ResourceDefinition;
  informer: Informer<KubernetesObject> & ObjectCache<KubernetesObject>;
  synced: boolean;
  error?: ClusterError;
  backoffMs: number;
  timer?: NodeJS.Timeout;
}

/** What changed: a type's objects (with the objects touched) or the cluster's status. */
export type ClusterChange =
  | { type: 'objects'; key: ResourceKey; objects: KubeObject[] }
  | { type: 'status' };

export interface PodLogRequest {
  namespace: string;
  pod: string;
  container?: string;
  previous?: boolean;
  tailLines?: number;
  timestamps?: boolean;
  limitBytes?: number;
}

export interface ClusterWatcher {
  readonly cluster: ClusterDefinition;
  start(): void;
  /** Stops the watches and forgets everything collected, so a later start never serves old data. */
  stop(): Promise<void>;
  /** Polls version, health and node metrics once (also run on the interval). */
  poll(): Promise<void>;
  /** The current state; the object lists are shared, never mutate them. */
  snapshot(): ClusterSnapshot;
  /** The current state without the object lists (cheap). */
  state(): Omit<ClusterSnapshot, 'objects'>;
  /** The live cache with its indexes. */
  readonly index: ObjectIndex;
  /** Bumped on every change of objects or status. */
  version(): number;
  onChange(listener: (change: ClusterChange) => void): () => void;
  /** Reads a pod's log through the API server (text; throws a classified error on failure). */
  podLogs(request: PodLogRequest): Promise<{ status: number; body: string }>;
  /** Requests our own client made (lists, health checks, logs; watches are not counted). */
  requestCount(): number;
}

function parseChecks(
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

export function createClusterWatcher(options: {
  cluster: ClusterDefinition;
  logger: LoggerService;
  settings: CollectorSettings;
}): ClusterWatcher {
  const { cluster, settings } = options;
  const logger = options.logger.child({ cluster: cluster.name });
  const api: KubeApi = createKubeApi(cluster);
  const index = new ObjectIndex();
  const informers: InformerState[] = [];
  const listeners = new Set<(change: ClusterChange) => void>();
  let started = false;
  let statusVersion = 0;
  let pollTimer: NodeJS.Timeout | undefined;
  let healthError: ClusterError | undefined;
  let unreachableSince: Date | undefined;
  let version: string | undefined;
  let ready: boolean | undefined;
  let live: boolean | undefined;
  let checks: ControlPlaneCheck[] = [];
  let collectedAt: Date | undefined;
  let lastHealthyAt: Date | undefined;
  let nodeUsage = new Map<string, ResourceAmounts>();
  const unsupported =
    cluster.authProvider !== 'serviceAccount'
      ? ({
          reason: 'unknown',
          message: `Cluster ${cluster.name} uses auth provider "${cluster.authProvider}"; the jetstream2-kubernetes collector supports "serviceAccount" only.`,
        } as ClusterError)
      : undefined;

  function emit(change: ClusterChange) {
    if (change.type === 'status') statusVersion += 1;
    for (const l of listeners) {
      try {
        l(change);
      } catch (err) {
        logger.warn(`A change listener failed: ${(err as Error).message}`);
      }
    }
  }

  /**
   * The data is complete as of the last health check once every type has settled: in sync, or refused
   * (a type the service account may not read leaves the cluster degraded, not without data).
   */
  function updateCollectedAt() {
    if (
      lastHealthyAt &&
      informers.some(s => s.synced) &&
      informers.every(s => (s.synced && !s.error) || (!s.synced && s.error))
    ) {
      const before = collectedAt?.getTime();
      collectedAt = lastHealthyAt;
      if (before === undefined) emit({ type: 'status' });
    }
  }

  /**
   * A type is in sync once its list is stored (a fresh list, or a relist after 410 Gone) or its watch
   * resumed from the last resource version after a dropped connection (no list then).
   */
  function markSynced(state: InformerState) {
    if (!started) return;
    const wasError = state.error !== undefined;
    state.synced = true;
    state.error = undefined;
    state.backoffMs = settings.minBackoffMs;
    if (wasError) emit({ type: 'status' });
    updateCollectedAt();
  }

  const listFn =
    (state: InformerState) =>
    async (): Promise<KubernetesListObject<KubernetesObject>> => {
      const { def } = state;
      const items: KubernetesObject[] = [];
      let cont: string | undefined;
      let resourceVersion: string | undefined;
      do {
        const q = new URLSearchParams({ limit: String(settings.listPageSize) });
        if (cont) q.set('continue', cont);
        if (def.fieldSelector) q.set('fieldSelector', def.fieldSelector);
        const page = await api.getJson<any>(
          `${resourcePath(def)}?${q}`,
          settings.requestTimeoutMs,
        );
        for (const item of page.items ?? []) {
          item.kind ??= def.kind;
          item.apiVersion ??= page.apiVersion;
          items.push(redactObject(item));
        }
        cont = page.metadata?.continue || undefined;
        resourceVersion = page.metadata?.resourceVersion;
      } while (cont);
      // The informer stores these items synchronously right after this resolves (emitting add, update and
      // delete events into the index); the type is in sync once that has run.
      setImmediate(() => markSynced(state));
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
      void startInformer(state);
    }, delayMs);
    state.timer.unref?.();
  }

  function onError(state: InformerState, err: unknown) {
    // Aborting the watches on stop() reports errors too; they mean nothing once stopped.
    if (!started) return;
    const classified = classifyClusterError(err, cluster.name);
    if (!state.error || state.error.message !== classified.message) {
      logger.warn(
        `Watching ${state.def.key} failed (${
          classified.reason
        }); retrying in ${Math.round(state.backoffMs / 1000)} s`,
      );
      state.error = classified;
      emit({ type: 'status' });
    }
    const jitter = Math.random() * 0.2 * state.backoffMs;
    scheduleRestart(state, state.backoffMs + jitter);
    state.backoffMs = Math.min(state.backoffMs * 2, settings.maxBackoffMs);
  }

  /** A fresh ListWatch per start: a restarted watcher lists again rather than resuming an old version. */
  function attach(state: InformerState) {
    const { def } = state;
    state.informer = new ListWatch<KubernetesObject>(
      resourcePath(def),
      new Watch(api.kubeConfig),
      listFn(state),
      false,
      undefined,
      def.fieldSelector,
    );
    const key = def.key as ResourceKey;
    const upsert = (obj: KubernetesObject) => {
      const o = redactObject(obj as KubeObject);
      o.kind ??= def.kind;
      index.upsert(key, o);
      emit({ type: 'objects', key, objects: [o] });
    };
    state.informer.on('add', upsert);
    state.informer.on('update', upsert);
    state.informer.on('delete', obj => {
      index.remove(key, obj as KubeObject);
      emit({ type: 'objects', key, objects: [obj as KubeObject] });
    });
    state.informer.on('error', err => onError(state, err));
  }

  for (const def of resourceRegistry as readonly ResourceDefinition[]) {
    informers.push({
      def,
      synced: false,
      backoffMs: settings.minBackoffMs,
    } as InformerState);
  }

  /** Starts (or resumes) a list+watch; in sync when it opened without scheduling a retry. */
  async function startInformer(state: InformerState) {
    try {
      await state.informer.start();
      if (!state.timer) markSynced(state);
    } catch (err) {
      onError(state, err);
    }
  }

  async function pollMetrics() {
    const res = await api.getText(
      '/apis/metrics.k8s.io/v1beta1/nodes',
      settings.requestTimeoutMs,
    );
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

  async function poll() {
    if (unsupported) return;
    const before = JSON.stringify([healthError?.reason, ready, live, version]);
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
      unreachableSince = undefined;
      if (recovered) {
        logger.info(`Cluster ${cluster.name} answers again; relisting`);
        restartInformers();
      }
      lastHealthyAt = new Date();
      updateCollectedAt();
      await pollMetrics().catch(() => {
        nodeUsage = new Map();
      });
    } catch (err) {
      const classified = classifyClusterError(err, cluster.name);
      if (!healthError || healthError.reason !== classified.reason) {
        logger.warn(
          `Cluster ${cluster.name} health check failed: ${classified.message}`,
        );
      }
      healthError = classified;
      unreachableSince ??= new Date();
      ready = undefined;
      live = undefined;
    }
    const after = JSON.stringify([healthError?.reason, ready, live, version]);
    if (before !== after) emit({ type: 'status' });
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

  function status(): { status: ClusterStatus; error?: ClusterError } {
    const errors = informers.filter(s => s.error).map(s => s.error!);
    if (unsupported) return { status: 'error', error: unsupported };
    if (healthError) return { status: 'error', error: healthError };
    if (errors.length === informers.length)
      return { status: 'error', error: errors[0] };
    const waiting = informers.some(s => !s.synced && !s.error);
    if (waiting || version === undefined) return { status: 'pending' };
    if (!informers.some(s => s.synced))
      return { status: 'error', error: errors[0] };
    if (errors.length > 0) return { status: 'degraded', error: errors[0] };
    if (ready === false) {
      const failing = checks
        .filter(c => !c.ok && c.endpoint === 'readyz')
        .map(c => c.name);
      return {
        status: 'degraded',
        error: {
          reason: 'unknown',
          message: `The API server is not ready: failing checks ${
            failing.join(', ') || '(none listed)'
          }.`,
        },
      };
    }
    return { status: 'ok' };
  }

  return {
    cluster,
    index,
    start() {
      if (started || unsupported) return;
      started = true;
      for (const state of informers) {
        attach(state);
        void startInformer(state);
      }
      void poll();
      pollTimer = setInterval(() => void poll(), settings.healthIntervalMs);
      pollTimer.unref?.();
    },
    async stop() {
      started = false;
      clearInterval(pollTimer);
      for (const state of informers) {
        clearTimeout(state.timer);
        state.timer = undefined;
        await state.informer?.stop();
        state.synced = false;
        state.error = undefined;
      }
      index.clear();
      version = undefined;
      collectedAt = undefined;
      lastHealthyAt = undefined;
      healthError = undefined;
      unreachableSince = undefined;
      nodeUsage = new Map();
      emit({ type: 'status' });
    },
    poll,
    version: () => index.version + statusVersion,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async podLogs(request) {
      const q = new URLSearchParams();
      if (request.container) q.set('container', request.container);
      if (request.previous) q.set('previous', 'true');
      if (request.tailLines !== undefined)
        q.set('tailLines', String(request.tailLines));
      if (request.timestamps) q.set('timestamps', 'true');
      q.set('limitBytes', String(request.limitBytes ?? 512 * 1024));
      return api.getText(
        `/api/v1/namespaces/${encodeURIComponent(
          request.namespace,
        )}/pods/${encodeURIComponent(request.pod)}/log?${q}`,
        settings.requestTimeoutMs,
      );
    },
    requestCount: () => api.requestCount,
    snapshot(): ClusterSnapshot {
      const objects: ClusterSnapshot['objects'] = {};
      for (const s of informers) {
        // Lists not yet in sync stay undefined, so rules do not judge an empty list as "none exist".
        if (s.synced)
          objects[s.def.key as ResourceKey] = index.list(
            s.def.key as ResourceKey,
          );
      }
      return { ...this.state(), objects };
    },
    state() {
      const { status: st, error } = status();
      return {
        name: cluster.name,
        title: cluster.title,
        status: st,
        error,
        version,
        controlPlane: { ready, live, checks },
        collectedAt: collectedAt?.toISOString(),
        unreachableSince: unreachableSince?.toISOString(),
        nodeUsage,
        dataVersion: index.version + statusVersion,
      };
    },
  };
}
