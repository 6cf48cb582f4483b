import {
  isNodeReady,
  matchesLabelSelector,
  nodeFlavorOf,
  resourceByKind,
  type KubeObject,
  type LabelRequirement,
  type ResourceKey,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterChange } from '../ClusterCollector/types';
import type { ObjectIndex } from '../ClusterCollector/objectIndex';

/**
 * Knows, from the watch events, which entities' views may have changed, so an unchanged view is served
 * without selecting or hashing anything.
 *
 * An entity's version moves when an object its selector matches changes (before or after the change, so
 * an object whose labels move away counts too), when an event about such an object arrives or goes, and
 * for every entity when a cluster-wide input of a view changes: a cluster's status (which a relist after
 * 410 Gone also reports), a node fact a view reads (readiness, cordon, flavor, allocatable; heartbeats
 * alone change none) or a storage class.
 *
 * Entities are found by their equality requirements (`backstage.io/kubernetes-id=x`) through a label map,
 * so a change costs a few map look-ups, not a pass over every tracked entity; selectors with no equality
 * requirement are checked on every change.
 */
export interface ViewTracker {
  /** Starts (or updates) tracking an entity's selector. */
  track(
    entityRef: string,
    requirements: LabelRequirement[],
    namespace?: string,
  ): void;
  /** A value that changes whenever the entity's view may have changed. */
  version(entityRef: string): string;
  /** Feeds one change of one cluster (the collector's onChange). */
  onChange(cluster: string, change: ClusterChange): void;
}

interface Tracked {
  entityRef: string;
  requirements: LabelRequirement[];
  namespace?: string;
  /** The `key=value` entries it is filed under in byLabel (none: it is in `unkeyed`). */
  labels: string[];
  version: number;
}

/** The node facts a view reads (see the view's cost, capacity and insight inputs). */
function nodeFacts(node: KubeObject): string {
  return `${isNodeReady(node)}:${Boolean(
    (node as any).spec?.unschedulable,
  )}:${nodeFlavorOf(node)}:${JSON.stringify(
    (node as any).status?.allocatable ?? {},
  )}`;
}

export function createViewTracker(options: {
  index: (cluster: string) => ObjectIndex | undefined;
  maxTracked?: number;
}): ViewTracker {
  const maxTracked = options.maxTracked ?? 5000;
  const tracked = new Map<string, Tracked>();
  const byLabel = new Map<string, Set<Tracked>>();
  const unkeyed = new Set<Tracked>();
  const nodeFactsByCluster = new Map<string, Map<string, string>>();
  let clusterWide = 0;

  function file(t: Tracked) {
    if (t.labels.length === 0) unkeyed.add(t);
    for (const l of t.labels) {
      let set = byLabel.get(l);
      if (!set) byLabel.set(l, (set = new Set()));
      set.add(t);
    }
  }

  function unfile(t: Tracked) {
    unkeyed.delete(t);
    for (const l of t.labels) {
      const set = byLabel.get(l);
      set?.delete(t);
      if (set?.size === 0) byLabel.delete(l);
    }
  }

  /** The entries of the most selective equality-like requirement (`in` with its values). */
  function labelsOf(requirements: LabelRequirement[]): string[] {
    let best: string[] | undefined;
    for (const r of requirements) {
      if (r.op !== 'in') continue;
      if (!best || r.values.length < best.length) {
        best = r.values.map(v => `${r.key}=${v}`);
      }
    }
    return best ?? [];
  }

  function touch(object: KubeObject) {
    const labels = object.metadata?.labels ?? {};
    const namespace = object.metadata?.namespace;
    const candidates = new Set<Tracked>(unkeyed);
    for (const [k, v] of Object.entries(labels)) {
      for (const t of byLabel.get(`${k}=${v}`) ?? []) candidates.add(t);
    }
    for (const t of candidates) {
      if (t.namespace && t.namespace !== namespace) continue;
      if (matchesLabelSelector(t.requirements, labels)) t.version += 1;
    }
  }

  function nodesChanged(cluster: string, objects: KubeObject[]) {
    const index = options.index(cluster);
    let facts = nodeFactsByCluster.get(cluster);
    if (!facts) nodeFactsByCluster.set(cluster, (facts = new Map()));
    for (const o of objects) {
      const name = o.metadata?.name ?? '';
      const current = index?.get('nodes', undefined, name);
      const now = current ? nodeFacts(current) : undefined;
      if (now !== facts.get(name)) {
        if (now === undefined) facts.delete(name);
        else facts.set(name, now);
        clusterWide += 1;
      }
    }
  }

  return {
    track(entityRef, requirements, namespace) {
      const old = tracked.get(entityRef);
      if (old) {
        unfile(old);
        tracked.delete(entityRef);
      } else if (tracked.size >= maxTracked) {
        const oldest = tracked.values().next().value as Tracked;
        unfile(oldest);
        tracked.delete(oldest.entityRef);
      }
      const t: Tracked = {
        entityRef,
        requirements,
        namespace,
        labels: labelsOf(requirements),
        version: old?.version ?? 0,
      };
      tracked.set(entityRef, t);
      file(t);
    },

    version(entityRef) {
      const t = tracked.get(entityRef);
      return t ? `${clusterWide}.${t.version}` : `${clusterWide}.untracked`;
    },

    onChange(cluster, change) {
      if (change.type === 'status') {
        clusterWide += 1;
        return;
      }
      const key: ResourceKey = change.key;
      if (key === 'nodes') {
        nodesChanged(cluster, change.objects);
        return;
      }
      if (key === 'storageClasses') {
        clusterWide += 1;
        return;
      }
      if (key === 'events') {
        const index = options.index(cluster);
        for (const e of change.objects) {
          const about = (e as any).involvedObject ?? (e as any).regarding;
          const aboutKey = about?.kind
            ? (resourceByKind(about.kind)?.key as ResourceKey | undefined)
            : undefined;
          const subject =
            aboutKey && index?.get(aboutKey, about.namespace, about.name);
          if (subject) touch(subject);
        }
        return;
      }
      for (const o of change.objects) touch(o);
    },
  };
}
