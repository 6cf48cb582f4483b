import {
  keptFieldsOf,
  type KeptField,
  type KeptFields,
  type KubeObject,
  type ResourceDefinition,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { SharedValues } from './sharedValues';

/** The mount point of the service-account token the API server adds to every container. */
const TOKEN_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * Drops, in place (on an object just parsed, not yet stored), the service-account token volume the API
 * server adds to every pod (`kube-api-access-<random>`, a projected volume with a serviceAccountToken
 * source) and its mounts: named per pod, it would keep the replicas of one template from sharing a spec.
 */
function dropTokenVolume(pod: any) {
  const spec = pod?.spec;
  if (!Array.isArray(spec?.volumes)) return;
  const token = new Set<string>();
  spec.volumes = spec.volumes.filter((v: any) => {
    const isToken =
      typeof v?.name === 'string' &&
      v.name.startsWith('kube-api-access-') &&
      (v.projected?.sources ?? []).some((s: any) => s?.serviceAccountToken);
    if (isToken) token.add(v.name);
    return !isToken;
  });
  if (token.size === 0) return;
  if (spec.volumes.length === 0) delete spec.volumes;
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const c of spec[list] ?? []) {
      if (!Array.isArray(c?.volumeMounts)) continue;
      c.volumeMounts = c.volumeMounts.filter(
        (m: any) => !(token.has(m?.name) && m?.mountPath === TOKEN_MOUNT),
      );
      if (c.volumeMounts.length === 0) delete c.volumeMounts;
    }
  }
}

/**
 * A table that names its fields (no `'*'`) and shares each of them: the object it makes is shared too (the
 * elements of a pod's `conditions`, the object an event is about). A table with `'*'` (a pod spec) makes
 * objects that differ per object (the node) and is not.
 */
const allShared = new WeakMap<KeptFields, boolean>();
function onlyShared(kept: KeptFields): boolean {
  let known = allShared.get(kept);
  if (known === undefined) {
    known =
      !('*' in kept) &&
      Object.values(kept).every(v => v === 'shared' || v === false);
    allShared.set(kept, known);
  }
  return known;
}

function project(
  value: unknown,
  kept: KeptField,
  shared: SharedValues,
): unknown {
  if (kept === true) return value;
  if (kept === 'shared') return shared.share(value);
  if (kept === false) return undefined;
  if (Array.isArray(value)) return value.map(v => project(v, kept, shared));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  // named fields first, in the table's order, so objects of a kind share one shape
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(kept)) {
    if (field === '*') continue;
    const v = source[field];
    if (v === undefined || v === null) continue;
    const p = project(v, kept[field], shared);
    if (p !== undefined) out[field] = p;
  }
  const rest = kept['*'];
  if (rest === true || rest === 'shared') {
    for (const field of Object.keys(source)) {
      if (Object.prototype.hasOwnProperty.call(kept, field)) continue;
      const v = source[field];
      if (v === undefined) continue;
      out[field] = rest === 'shared' ? shared.share(v) : v;
    }
  }
  return onlyShared(kept) ? shared.share(out) : out;
}

/**
 * An object as the collector keeps it: only the fields the registry's `kept` table names for its kind,
 * with equal values shared within the cluster (`shared`). Apply after redaction (redact.ts): shared
 * values are already safe. Pure but for the shared table and the in-place drop of the token volume.
 */
export function trimObject(
  def: ResourceDefinition,
  obj: KubeObject,
  shared: SharedValues,
): KubeObject {
  if (def.kind === 'Pod') dropTokenVolume(obj);
  return project(obj, keptFieldsOf(def) as KeptFields, shared) as KubeObject;
}
