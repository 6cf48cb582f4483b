import {
  matchesLabelSelector,
  resourceRegistry,
  type KubeObjectsByKind,
  type KubeObject,
  type LabelRequirement,
  type ResourceKey,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** The key of the object an event is about: "Kind/namespace/name". */
function involvedKey(
  kind: string,
  namespace: string | undefined,
  name: string,
): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

/** The object an event is about (core events name it involvedObject, events.k8s.io regarding). */
function involvedOf(event: KubeObject) {
  const about = (event as any).involvedObject ?? (event as any).regarding;
  return about?.kind && about?.name ? about : undefined;
}

interface TypeIndex {
  /** namespace ("" for cluster-scoped) → name → object: no key string per object. */
  byNamespace: Map<string, Map<string, KubeObject>>;
  count: number;
  /** "key=value" of every label → the objects carrying it. */
  byLabel: Map<string, Set<KubeObject>>;
  /** Bumped on every change of this type. */
  version: number;
  list?: { version: number; items: KubeObject[] };
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V) {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V) {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

/**
 * The collector's cache of one cluster, kept up to date on watch events, with a namespace and a label
 * index so that selecting an entity's objects touches only candidates, and events indexed by the object
 * they are about. Lists are built once per change of their type. The indexes hold the objects themselves
 * (no key string per object): an object replaced by a newer version leaves every index it was in.
 */
export class ObjectIndex {
  private readonly types = new Map<string, TypeIndex>();
  private readonly eventsByObject = new Map<string, Set<KubeObject>>();
  /** Bumped on every change of any type. */
  version = 0;

  constructor() {
    for (const def of resourceRegistry) {
      this.types.set(def.key, {
        byNamespace: new Map(),
        count: 0,
        byLabel: new Map(),
        version: 0,
      });
    }
  }

  private type(key: ResourceKey): TypeIndex {
    return this.types.get(key)!;
  }

  upsert(key: ResourceKey, obj: KubeObject) {
    const t = this.type(key);
    const namespace = obj.metadata?.namespace ?? '';
    const name = obj.metadata?.name ?? '';
    let names = t.byNamespace.get(namespace);
    if (!names) t.byNamespace.set(namespace, (names = new Map()));
    const previous = names.get(name);
    if (previous) this.unindex(key, t, previous);
    else t.count += 1;
    names.set(name, obj);
    for (const [k, v] of Object.entries(obj.metadata?.labels ?? {})) {
      addTo(t.byLabel, `${k}=${v}`, obj);
    }
    const involved = key === 'events' ? involvedOf(obj) : undefined;
    if (involved) {
      addTo(
        this.eventsByObject,
        involvedKey(involved.kind, involved.namespace, involved.name),
        obj,
      );
    }
    this.bump(t);
  }

  remove(key: ResourceKey, obj: KubeObject) {
    const t = this.type(key);
    const namespace = obj.metadata?.namespace ?? '';
    const names = t.byNamespace.get(namespace);
    const previous = names?.get(obj.metadata?.name ?? '');
    if (!names || !previous) return;
    this.unindex(key, t, previous);
    names.delete(obj.metadata?.name ?? '');
    if (names.size === 0) t.byNamespace.delete(namespace);
    t.count -= 1;
    this.bump(t);
  }

  /** Forgets every object of a type (before a fresh list, or when the cluster is stopped). */
  clear(key?: ResourceKey) {
    for (const [k, t] of this.types) {
      if (key && k !== key) continue;
      t.byNamespace.clear();
      t.byLabel.clear();
      t.count = 0;
      if (k === 'events') this.eventsByObject.clear();
      this.bump(t);
    }
  }

  /** Takes an object (as stored) out of the label and event indexes. */
  private unindex(key: ResourceKey, t: TypeIndex, obj: KubeObject) {
    for (const [k, v] of Object.entries(obj.metadata?.labels ?? {})) {
      removeFrom(t.byLabel, `${k}=${v}`, obj);
    }
    const involved = key === 'events' ? involvedOf(obj) : undefined;
    if (involved) {
      removeFrom(
        this.eventsByObject,
        involvedKey(involved.kind, involved.namespace, involved.name),
        obj,
      );
    }
  }

  private bump(t: TypeIndex) {
    t.version += 1;
    this.version += 1;
  }

  typeVersion(key: ResourceKey): number {
    return this.type(key).version;
  }

  size(key: ResourceKey): number {
    return this.type(key).count;
  }

  /** Every object of a type; the same array until the type changes. Never mutate it. */
  list(key: ResourceKey): KubeObject[] {
    const t = this.type(key);
    if (!t.list || t.list.version !== t.version) {
      const items: KubeObject[] = [];
      for (const names of t.byNamespace.values()) {
        for (const obj of names.values()) items.push(obj);
      }
      t.list = { version: t.version, items };
    }
    return t.list.items;
  }

  /**
   * Objects of a type matching a label selector (and namespace). Equality requirements are looked up in
   * the label index; the rest are checked on the candidates only.
   */
  select(
    key: ResourceKey,
    requirements: LabelRequirement[],
    namespace?: string,
  ): KubeObject[] {
    const t = this.type(key);
    let candidates:
      | { size: number; values(): Iterable<KubeObject> }
      | undefined;
    const narrow = (
      found: { size: number; values(): Iterable<KubeObject> } | undefined,
    ) => {
      const next = found ?? new Set<KubeObject>();
      if (!candidates || next.size < candidates.size) candidates = next;
    };
    if (namespace !== undefined) narrow(t.byNamespace.get(namespace));
    for (const r of requirements) {
      if (r.op === 'in' && r.values.length === 1) {
        narrow(t.byLabel.get(`${r.key}=${r.values[0]}`));
      }
    }
    const result: KubeObject[] = [];
    const check = (obj: KubeObject) => {
      if (
        namespace !== undefined &&
        (obj.metadata?.namespace ?? '') !== namespace
      )
        return;
      if (matchesLabelSelector(requirements, obj.metadata?.labels)) {
        result.push(obj);
      }
    };
    if (candidates) {
      for (const obj of candidates.values()) check(obj);
    } else {
      for (const names of t.byNamespace.values()) {
        for (const obj of names.values()) check(obj);
      }
    }
    return result;
  }

  get(key: ResourceKey, namespace: string | undefined, name: string) {
    return this.type(key)
      .byNamespace.get(namespace ?? '')
      ?.get(name);
  }

  /** Events about one object. */
  eventsAbout(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): KubeObject[] {
    const events = this.eventsByObject.get(involvedKey(kind, namespace, name));
    return events ? [...events] : [];
  }

  /** Every list of the given keys, as KubeObjectsByKind. */
  objects(keys: readonly ResourceKey[]): KubeObjectsByKind {
    const result: KubeObjectsByKind = {};
    for (const key of keys) result[key] = this.list(key);
    return result;
  }
}
