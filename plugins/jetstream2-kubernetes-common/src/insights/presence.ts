import type { ConceptPresence } from '../types';
import { resourceRegistry } from '../resources/registry';
import { objectStatus } from '../resources/status';
import type { KubeObjectsByKind, KubeObject } from './kube';

/** The concept id that explains each collected kind (from the resource registry). */
export const conceptIdByKind: Record<string, string> = Object.fromEntries(
  resourceRegistry
    .filter(d => 'conceptId' in d)
    .map(d => [d.kind, d.conceptId as string]),
);

/** The order concepts are listed in: the registry's order, for the types shown with counts. */
const presenceOrder = resourceRegistry.filter(
  d => 'presence' in d && d.presence,
);

export function pluralKind(kind: string, n: number): string {
  if (n === 1) return kind;
  return kind.endsWith('s') ? `${kind}es` : `${kind}s`;
}

/** A short state of one object, used to group counts: "Running", "Pending", "Ready", "Bound", ... */
export function objectState(kind: string, obj: KubeObject): string {
  return objectStatus(kind, obj).state;
}

/** "3 Pods: 2 Running, 1 Pending" */
export function presenceSummary(
  kind: string,
  count: number,
  states: Record<string, number>,
): string {
  const parts = Object.entries(states)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([state, n]) => `${n} ${state}`);
  return `${count} ${pluralKind(kind, count)}: ${parts.join(', ')}`;
}

/** Which concepts the objects show, with counts by state; kinds without objects are left out. */
export function computeConceptPresence(
  objects: KubeObjectsByKind,
): ConceptPresence[] {
  const result: ConceptPresence[] = [];
  for (const def of presenceOrder) {
    const items = objects[def.key] ?? [];
    const kind = def.kind;
    if (items.length === 0) continue;
    const states: Record<string, number> = {};
    for (const item of items) {
      const state = objectState(kind, item);
      states[state] = (states[state] ?? 0) + 1;
    }
    result.push({
      conceptId: conceptIdByKind[kind],
      kind,
      count: items.length,
      states,
      summary: presenceSummary(kind, items.length, states),
    });
  }
  return result;
}

/** Adds up presences of the same kind (e.g. one entity in several clusters). */
export function mergeConceptPresence(
  lists: ConceptPresence[][],
): ConceptPresence[] {
  const byKind = new Map<string, ConceptPresence>();
  for (const list of lists) {
    for (const p of list) {
      const existing = byKind.get(p.kind);
      if (!existing) {
        byKind.set(p.kind, { ...p, states: { ...p.states } });
        continue;
      }
      existing.count += p.count;
      for (const [state, n] of Object.entries(p.states)) {
        existing.states[state] = (existing.states[state] ?? 0) + n;
      }
      existing.summary = presenceSummary(
        existing.kind,
        existing.count,
        existing.states,
      );
    }
  }
  return [...byKind.values()];
}
