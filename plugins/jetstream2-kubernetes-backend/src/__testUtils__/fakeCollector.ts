import type {
  ClusterError,
  KubeObject,
  ResourceKey,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { ObjectIndex } from '../services/ClusterCollector/objectIndex';
import type {
  ClusterChange,
  ClusterCollector,
  PodUsage,
} from '../services/ClusterCollector/types';

/**
 * A collector of one cluster, "js2-demo", over a real ObjectIndex (what the watches fill): `put` and
 * `remove` do what a watch event does (store, then tell the listeners, an update with the object as it
 * was); `podLogs` is a jest.fn that answers 'log line'.
 */
export function fakeCollector() {
  const index = new ObjectIndex();
  let error: ClusterError | undefined;
  /** What the metrics poll keeps in the watcher's live state. */
  const podUsage = new Map<string, PodUsage>();
  const listeners: Array<(cluster: string, change: ClusterChange) => void> = [];
  const emit = (change: ClusterChange) =>
    listeners.forEach(l => l('js2-demo', change));
  const podLogs = jest.fn(async () => ({ status: 200, body: 'log line\n' }));
  const watcher = {
    index,
    state: () => ({
      name: 'js2-demo',
      status: error ? 'error' : 'ok',
      error,
      collectedAt: '2026-11-30T00:00:00.000Z',
      podUsage,
    }),
    version: () => index.version,
    podLogs,
  };
  const collector = {
    clusterNames: () => ['js2-demo'],
    watcher: (name: string) => (name === 'js2-demo' ? watcher : undefined),
    onChange: (l: (cluster: string, change: ClusterChange) => void) => {
      listeners.push(l);
      return () => {};
    },
  } as unknown as ClusterCollector;
  return {
    collector,
    index,
    podLogs,
    /** What a metrics poll does: replace every pod's usage. */
    setUsage: (usage: Record<string, PodUsage>) => {
      podUsage.clear();
      for (const [key, value] of Object.entries(usage)) {
        podUsage.set(key, value);
      }
    },
    put: (key: ResourceKey, object: KubeObject) => {
      const previous = index.get(
        key,
        object.metadata?.namespace,
        object.metadata?.name ?? '',
      );
      index.upsert(key, object);
      emit({
        type: 'objects',
        key,
        objects: previous ? [object, previous] : [object],
      });
    },
    remove: (key: ResourceKey, object: KubeObject) => {
      index.remove(key, object);
      emit({ type: 'objects', key, objects: [object] });
    },
    setError: (e?: ClusterError) => {
      error = e;
      emit({ type: 'status' });
    },
  };
}

let rv = 0;
/** A pod of namespace "science" labelled for the entity with kubernetes-id `id`, with one container "app". */
export const entityPod = (
  name: string,
  id: string,
  phase = 'Running',
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'science',
    uid: `uid-${name}`,
    resourceVersion: String(++rv),
    labels: { 'backstage.io/kubernetes-id': id },
  },
  spec: { containers: [{ name: 'app', image: 'app:1' }] },
  status: { phase },
});

/** The catalog Component "science-api" whose workloads carry kubernetes-id `id`. */
export const scienceApi = (id = 'science-api') => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'science-api',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': id },
  },
  spec: { type: 'service', owner: 'guests', lifecycle: 'production' },
});
