/**
 * Equal values stored once, within one cluster: the collector passes the fields the registry marks
 * `'shared'` through here, so the replicas of one template hold one containers list, one label map and
 * one owner list, and events one copy of each reason and message. Shared values are never mutated (no
 * cached object is).
 *
 * Two generations per table: a value seen again moves to the young one; when the young one is full it
 * becomes the old one and the old one is dropped. Values nobody uses any more (an old rollout's labels, a
 * churned annotation) fall out after two generations, so the tables stay bounded by `maxEntries`.
 */
export interface SharedValues {
  /** An equal value stored earlier, or this one (then remembered). */
  share<T>(value: T): T;
  /** Values remembered now (both generations, both tables). */
  size(): number;
  clear(): void;
}

/** Longer strings are rarely repeated (log-like messages): kept as they are. */
const MAX_STRING = 512;
/** Larger structures cost their JSON key to look up: kept as they are. */
const MAX_JSON = 16_384;

function generations<V>(maxEntries: number) {
  let young = new Map<string, V>();
  let old = new Map<string, V>();
  return {
    get(key: string): V | undefined {
      const hit = young.get(key);
      if (hit !== undefined) return hit;
      const older = old.get(key);
      if (older !== undefined) young.set(key, older);
      return older;
    },
    set(key: string, value: V) {
      if (young.size >= maxEntries) {
        old = young;
        young = new Map();
      }
      young.set(key, value);
    },
    size: () => young.size + old.size,
    clear() {
      young = new Map();
      old = new Map();
    },
  };
}

export function createSharedValues(
  options: { maxEntries?: number } = {},
): SharedValues {
  const maxEntries = options.maxEntries ?? 20_000;
  const strings = generations<string>(maxEntries);
  const structures = generations<object>(maxEntries);
  return {
    share<T>(value: T): T {
      if (typeof value === 'string') {
        if (value.length > MAX_STRING) return value;
        const hit = strings.get(value);
        if (hit !== undefined) return hit as T;
        strings.set(value, value);
        return value;
      }
      if (value === null || typeof value !== 'object') return value;
      const key = JSON.stringify(value);
      if (key.length > MAX_JSON) return value;
      const hit = structures.get(key);
      if (hit !== undefined) return hit as T;
      structures.set(key, value as object);
      return value;
    },
    size: () => strings.size() + structures.size(),
    clear() {
      strings.clear();
      structures.clear();
    },
  };
}
