import type { EntitySelector } from '../types';

export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';

/** One requirement of a label selector. */
export type LabelRequirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!exists' };

/**
 * Parses a Kubernetes label selector string ("a=b,c!=d,e in (x,y),!f,g"). Throws an Error with a readable
 * message when the selector is malformed.
 */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  const reqs: LabelRequirement[] = [];
  // Split on commas outside parentheses.
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  const keyRe = '[A-Za-z0-9][-A-Za-z0-9_./]*';
  const valRe = '[-A-Za-z0-9_.]*';
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    const equality = new RegExp(`^(${keyRe})\\s*(==|=|!=)\\s*(${valRe})$`).exec(
      part,
    );
    const set = new RegExp(`^(${keyRe})\\s+(in|notin)\\s*\\(([^)]*)\\)$`).exec(
      part,
    );
    const absent = new RegExp(`^!\\s*(${keyRe})$`).exec(part);
    const present = new RegExp(`^(${keyRe})$`).exec(part);
    if (equality) {
      reqs.push({
        key: equality[1],
        op: equality[2] === '!=' ? 'notin' : 'in',
        values: [equality[3]],
      });
    } else if (set) {
      const values = set[3].split(',').map(v => v.trim());
      if (values.some(v => !new RegExp(`^${valRe}$`).test(v))) {
        throw new Error(
          `Invalid value in label selector requirement "${part}"`,
        );
      }
      reqs.push({ key: set[1], op: set[2] as 'in' | 'notin', values });
    } else if (absent) {
      reqs.push({ key: absent[1], op: '!exists' });
    } else if (present) {
      reqs.push({ key: present[1], op: 'exists' });
    } else {
      throw new Error(
        `Invalid label selector requirement "${part}"; expected key=value, key!=value, key in (a,b), key notin (a,b), key or !key`,
      );
    }
  }
  return reqs;
}

/** True when the labels satisfy every requirement. */
export function matchesLabelSelector(
  requirements: LabelRequirement[],
  labels: Record<string, string> | undefined,
): boolean {
  const l = labels ?? {};
  for (const r of requirements) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'exists':
        if (!has) return false;
        break;
      case '!exists':
        if (has) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(l[r.key])) return false;
        break;
      case 'notin':
        if (has && r.values.includes(l[r.key])) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/**
 * How an entity selects its Kubernetes objects, with the same rules as the upstream Kubernetes plugin:
 * the label-selector annotation if present, else `backstage.io/kubernetes-id=<id>` from the kubernetes-id
 * annotation or, failing that, the entity name; optionally limited to the namespace annotation.
 */
export function entitySelector(entity: {
  metadata: { name: string; annotations?: Record<string, string> };
}): EntitySelector {
  const a = entity.metadata.annotations ?? {};
  const namespace = a[KUBERNETES_NAMESPACE_ANNOTATION] || undefined;
  const base = namespace ? { namespace } : {};
  if (a[KUBERNETES_LABEL_SELECTOR_ANNOTATION]) {
    return {
      labelSelector: a[KUBERNETES_LABEL_SELECTOR_ANNOTATION],
      source: 'label-selector',
      ...base,
    };
  }
  if (a[KUBERNETES_ID_ANNOTATION]) {
    return {
      labelSelector: `${KUBERNETES_ID_ANNOTATION}=${a[KUBERNETES_ID_ANNOTATION]}`,
      source: 'kubernetes-id',
      ...base,
    };
  }
  return {
    labelSelector: `${KUBERNETES_ID_ANNOTATION}=${entity.metadata.name}`,
    source: 'entity-name',
    ...base,
  };
}
