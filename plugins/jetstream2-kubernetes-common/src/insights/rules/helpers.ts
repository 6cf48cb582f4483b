// Small helpers the insight rules share: object references, short lists of names, plurals.
import type { InsightSeverity, ObjectRef } from '../../types';
import type { KubeObject } from '../kube';
import { pluralKind } from '../presence';

const severityRank: Record<InsightSeverity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/** Sort order of severities: errors first, then warnings, then information. */
export function compareSeverity(
  a: InsightSeverity,
  b: InsightSeverity,
): number {
  return severityRank[a] - severityRank[b];
}

/** A reference to an object of the given kind, with its namespace when it has one. */
export function ref(kind: string, obj: KubeObject): ObjectRef {
  const r: ObjectRef = { kind, name: obj.metadata?.name ?? '' };
  if (obj.metadata?.namespace) r.namespace = obj.metadata.namespace;
  return r;
}

/** "ns/a, ns/b, ns/c and 2 more" */
export function listNames(refs: ObjectRef[]): string {
  const names = refs
    .slice(0, 3)
    .map(r => (r.namespace ? `${r.namespace}/${r.name}` : r.name));
  const more = refs.length > 3 ? ` and ${refs.length - 3} more` : '';
  return `${names.join(', ')}${more}`;
}

/** "1 Pod", "2 Pods", "2 StorageClasses" */
export function plural(n: number, word: string): string {
  return `${n} ${pluralKind(word, n)}`;
}

/** "is" for one, "are" for more (or any other pair of verb forms). */
export function verb(n: number, one = 'is', many = 'are'): string {
  return n === 1 ? one : many;
}

/** True when the StorageClass carries the (current or beta) default-class annotation. */
export function isDefaultStorageClass(sc: KubeObject): boolean {
  const a = sc.metadata?.annotations ?? {};
  return (
    a['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    a['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  );
}
