import {
  runwayDaysAt,
  utcDatePlusDays,
  type AllocationIdleCapacity,
  type ScaleDownPlan,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** A cluster the allocation pays for, as it is now. */
export interface LiveClusterCost {
  cluster: string;
  suPerHour: number;
  idleSuPerHour: number;
  scaleDown: ScaleDownPlan;
}

/**
 * Idle capacity of the clusters the allocation pays for, as they are now, and what removing the nodes
 * that could go would change: the SU per hour saved and the runway at the burn less the savings. Pure.
 */
export function idleCapacity(
  costs: LiveClusterCost[],
  balanceSu: number,
  burn: number,
  now: number,
): AllocationIdleCapacity {
  const total = costs.reduce((sum, c) => sum + c.suPerHour, 0);
  const idle = costs.reduce((sum, c) => sum + c.idleSuPerHour, 0);
  const removableNodes = costs.flatMap(c =>
    c.scaleDown.nodes.map(n => ({ cluster: c.cluster, ...n })),
  );
  const savingsSuPerHour = costs.reduce(
    (sum, c) => sum + c.scaleDown.savingsSuPerHour,
    0,
  );
  const after =
    savingsSuPerHour > 0
      ? runwayDaysAt(balanceSu, Math.max(0, burn - savingsSuPerHour))
      : runwayDaysAt(balanceSu, burn);
  return {
    suPerHour: idle,
    share: total > 0 ? idle / total : 0,
    removableNodes,
    savingsSuPerHour,
    runwayDaysAfterScaleDown: after,
    runsOutOnAfterScaleDown:
      after === null ? null : utcDatePlusDays(now, after),
  };
}
