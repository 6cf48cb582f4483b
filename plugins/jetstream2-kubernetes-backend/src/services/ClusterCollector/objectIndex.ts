import {
  matchesLabelSelector,
  resourceRegistry,
  type KubeObjectsByKind,
  type KubeObject,
  type LabelRequirement,
  type ResourceKey,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** Identity of an object within its type: "namespace/name". */
function objectId(obj: KubeObject): string {
  return `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
}

/** The key of the object an event is about: "Kind/namespace/name". */
function involvedKey(
  kind: string,
  namespace: string | undefined,
  name: string,
): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

interface TypeIndex {
  objects: Map<string, KubeObject>;
  byNamespace: Map<string, Set<string>>;
  /** "key=value" of every label → ids. */
  byLabel: Map<string, Set<string>>;
  /** Bumped on every change of this type. */
  version: number;
  list?: { version: number; items: KubeObject[] };
}

function addTo(map: Map<string, Set<string>>, key: string, id: string) {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string) {
  const set = map.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) map.delete(key);
}

/**
 * The collector's cache of one cluster, kept up to date on watch events, with a namespace and a label
 * index so that selecting an entity's objects touches only candidates, and events indexed by the object
 * they are about. Lists are built once per change of their type.
 */
export class ObjectIndex {
  private readonly types = new Map<string, TypeIndex>();
  private readonly eventsByObject = new Map<string, Set<string>>();
  /** Bumped on every change of any type. */
  version = 0;

  constructor() {
    for (const def of resourceRegistry) {
      this.types.set(def.key, {
        objects: new Map(),
        byNamespace: new Map(),
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
    const id = objectId(obj);
    const previous = t.objects.get(id);
    if (previous) this.unindex(key, t, id, previous);
    t.objects.set(id, obj);
    addTo(t.byNamespace, obj.metadata?.namespace ?? '', id);
    for (const [k, v] of Object.entries(obj.metadata?.labels ?? {})) {
      addTo(t.byLabel, `${k}=${v}`, id);
    }
    if (key === 'events') {
      const involved = (obj as any).involvedObject ?? (obj as any).regarding;
      if (involved?.kind && involved?.name) {
        addTo(
          this.eventsByObject,
          involvedKey(involved.kind, involved.namespace, involved.name),
          id,
        );
      }
    }
    this.bump(t);
  }

  remove(key: ResourceKey, obj: KubeObject) {
    const t = this.type(key);
    const id = objectId(obj);
    const previous = t.objects.get(id);
    if (!previous) return;
    this.unindex(key, t, id, previous);
    t.objects.delete(id);
    this.bump(t);
  }

  /** Forgets every object of a type (before a fresh list, or when the cluster is stopped). */
  clear(key?: ResourceKey) {
    for (const [k, t] of this.types) {
      if (key && k !== key) continue;
      t.objects.clear();
      t.byNamespace.clear();
      t.byLabel.clear();
      if (k === 'events') this.eventsByObject.clear();
      this.bump(t);
    }
  }

  private unindex(key: ResourceKey, t: TypeIndex, id: string, obj: KubeObject) {
    removeFrom(t.byNamespace, obj.metadata?.namespace ?? '', id);
    for (const [k, v] of Object.entries(obj.metadata?.labels ?? {})) {
      removeFrom(t.byLabel, `${k}=${v}`, id);
    }
    if (key === 'events') {
      const involved = (obj as any).involvedObject ?? (obj as any).regarding;
      if (involved?.kind && involved?.name) {
        removeFrom(
          this.eventsByObject,
          involvedKey(involved.kind, involved.namespace, involved.name),
          id,
        );
      }
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
    return this.type(key).objects.size;
  }

  /** Every object of a type; the same array until the type changes. Never mutate it. */
  list(key: ResourceKey): KubeObject[] {
    const t = this.type(key);
    if (!t.list || t.list.version !== t.version) {
      t.list = { version: t.version, items: [...t.objects.values()] };
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
    let candidates: Set<string> | undefined;
    const narrow = (ids: Set<string> | undefined) => {
      const next = ids ?? new Set<string>();
      if (!candidates || next.size < candidates.size) candidates = next;
    };
    if (namespace !== undefined) narrow(t.byNamespace.get(namespace));
    for (const r of requirements) {
      if (r.op === 'in' && r.values.length === 1) {
        narrow(t.byLabel.get(`${r.key}=${r.values[0]}`));
      }
    }
    const ids: Iterable<string> = candidates ?? t.objects.keys();
    const result: KubeObject[] = [];
    for (const id of ids) {
      const obj = t.objects.get(id);
      if (!obj) continue;
      if (
        namespace !== undefined &&
        (obj.metadata?.namespace ?? '') !== namespace
      )
        continue;
      if (!matchesLabelSelector(requirements, obj.metadata?.labels)) continue;
      result.push(obj);
    }
    return result;
  }

  get(key: ResourceKey, namespace: string | undefined, name: string) {
    return this.type(key).objects.get(`${namespace ?? ''}/${name}`);
  }

  /** Events about one object. */
  eventsAbout(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): KubeObject[] {
    const ids = this.eventsByObject.get(involvedKey(kind, namespace, name));
    if (!ids) return [];
    const events = this.type('events');
    return [...ids]
      .map(id => events.objects.get(id))
      .filter((e): e is KubeObject => Boolean(e));
  }

  /** Every list of the given keys, as KubeObjectsByKind. */
  objects(keys: readonly ResourceKey[]): KubeObjectsByKind {
    const result: KubeObjectsByKind = {};
    for (const key of keys) result[key] = this.list(key);
    return result;
  }
}
