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
  resourcePath,
  resourceRegistry,
  type KubeObject,
  type ResourceDefinition,
  type ResourceKey,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterChange, CollectorSettings } from './types';
import {
  initialSync,
  nextSync,
  type InformerSync,
  type SyncEvent,
} from './informerSync';
import { classifyClusterError, type KubeApi } from './kubeApi';
import type { ObjectIndex } from './objectIndex';
import { redactObject } from './redact';

interface Entry {
  def: ResourceDefinition;
  key: ResourceKey;
  informer?: Informer<KubernetesObject> & ObjectCache<KubernetesObject>;
  sync: InformerSync;
  /** A pending retry after a failure. */
  timer?: NodeJS.Timeout;
}

/** One list+watch per registry type of one cluster, feeding the object index. */
export interface ResourceInformers {
  running(): boolean;
  start(): void;
  /** Stops every watch; every type is out of sync afterwards. */
  stop(): Promise<void>;
  /**
   * Retries at once the types waiting in back-off (the API server answers again). Types with an open
   * watch are left alone: ListWatch.start() on an instance with an open watch would race the aborted
   * watch's done callback against the new one.
   */
  retryWaiting(): void;
  /** Each type's sync state, in registry order. */
  syncStates(): InformerSync[];
  /** The types in sync, in registry order. */
  syncedKeys(): ResourceKey[];
}

export function createResourceInformers(options: {
  api: KubeApi;
  clusterName: string;
  index: ObjectIndex;
  logger: LoggerService;
  settings: CollectorSettings;
  emit(change: ClusterChange): void;
  /** Called whenever a type comes (or stays) in sync. */
  onSynced(): void;
}): ResourceInformers {
  const { api, index, logger, settings, emit } = options;
  let running = false;
  const entries: Entry[] = (
    resourceRegistry as readonly ResourceDefinition[]
  ).map(def => ({
    def,
    key: def.key as ResourceKey,
    sync: initialSync(settings),
  }));

  /** The only write of a type's sync state. */
  function apply(entry: Entry, event: SyncEvent) {
    const transition = nextSync(entry.sync, event, settings);
    entry.sync = transition.next;
    return transition;
  }

  function markSynced(entry: Entry) {
    if (!running) return;
    if (apply(entry, { type: 'synced' }).statusChanged)
      emit({ type: 'status' });
    options.onSynced();
  }

  function onError(entry: Entry, err: unknown) {
    // Aborting the watches on stop() reports errors too; they mean nothing once stopped.
    if (!running) return;
    const backoffMs = entry.sync.backoffMs;
    const transition = apply(entry, {
      type: 'failed',
      error: classifyClusterError(err, options.clusterName),
      jitter: Math.random(),
    });
    if (transition.statusChanged) {
      logger.warn(
        `Watching ${entry.key} failed (${
          transition.next.error!.reason
        }); retrying in ${Math.round(backoffMs / 1000)} s`,
      );
      emit({ type: 'status' });
    }
    scheduleRestart(entry, transition.retryInMs!);
  }

  function scheduleRestart(entry: Entry, delayMs: number) {
    if (!running) return;
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (!running) return;
      void startInformer(entry);
    }, delayMs);
    entry.timer.unref?.();
  }

  /**
   * Lists every page. A type is in sync once its list is stored (a fresh list, or a relist after 410 Gone)
   * or its watch resumed from the last resource version after a dropped connection (no list then).
   */
  const listFn =
    (entry: Entry) =>
    async (): Promise<KubernetesListObject<KubernetesObject>> => {
      const { def } = entry;
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
      setImmediate(() => markSynced(entry));
      return {
        apiVersion: 'v1',
        kind: 'List',
        metadata: { resourceVersion },
        items,
      };
    };

  /** A fresh ListWatch per start: a restarted watcher lists again rather than resuming an old version. */
  function attach(entry: Entry) {
    const { def, key } = entry;
    const informer = new ListWatch<KubernetesObject>(
      resourcePath(def),
      new Watch(api.kubeConfig),
      listFn(entry),
      false,
      undefined,
      def.fieldSelector,
    );
    const upsert = (obj: KubernetesObject) => {
      const o = redactObject(obj as KubeObject);
      o.kind ??= def.kind;
      // The change carries the object as it was too, so listeners see an object whose labels moved away.
      const previous = index.get(
        key,
        o.metadata?.namespace,
        o.metadata?.name ?? '',
      );
      index.upsert(key, o);
      emit({ type: 'objects', key, objects: previous ? [o, previous] : [o] });
    };
    informer.on('add', upsert);
    informer.on('update', upsert);
    informer.on('delete', obj => {
      index.remove(key, obj as KubeObject);
      emit({ type: 'objects', key, objects: [obj as KubeObject] });
    });
    informer.on('error', err => onError(entry, err));
    entry.informer = informer;
  }

  /** Starts (or resumes) a list+watch; in sync when it opened without scheduling a retry. */
  async function startInformer(entry: Entry) {
    try {
      await entry.informer!.start();
      if (!entry.timer) markSynced(entry);
    } catch (err) {
      onError(entry, err);
    }
  }

  return {
    running: () => running,
    start() {
      running = true;
      for (const entry of entries) {
        attach(entry);
        void startInformer(entry);
      }
    },
    async stop() {
      running = false;
      for (const entry of entries) {
        clearTimeout(entry.timer);
        entry.timer = undefined;
        await entry.informer?.stop();
        apply(entry, { type: 'stopped' });
      }
    },
    retryWaiting() {
      for (const entry of entries) {
        if (!entry.timer) continue;
        clearTimeout(entry.timer);
        entry.timer = undefined;
        apply(entry, { type: 'retryNow' });
        void startInformer(entry);
      }
    },
    syncStates: () => entries.map(e => e.sync),
    syncedKeys: () => entries.filter(e => e.sync.synced).map(e => e.key),
  };
}
