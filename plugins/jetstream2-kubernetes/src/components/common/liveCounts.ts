import type { ClusterDetailResult } from '../../hooks';

/** Objects per kind summed over every cluster that answered, e.g. { Pod: 12 }. */
export function sumWorkloadCounts(
  results: ClusterDetailResult[],
): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const r of results) {
    for (const [kind, n] of Object.entries(r.detail?.workloadCounts ?? {})) {
      totals[kind] = (totals[kind] ?? 0) + (Number.isFinite(n) ? n : 0);
    }
  }
  return totals;
}

/** The live count for a concept's kinds, or undefined when the concept has no kind (e.g. kubelet). */
export function countForKinds(
  kinds: string[] | undefined,
  totals: Record<string, number>,
): number | undefined {
  if (!kinds || kinds.length === 0) return undefined;
  return kinds.reduce((sum, kind) => sum + (totals[kind] ?? 0), 0);
}
