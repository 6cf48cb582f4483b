import {
  allocationEndsAt,
  chargeAllocation,
  forecastRunway,
  type AllocationResponse,
  type ChargeRules,
  type Jetstream2Allocation,
  type SuSample,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { SuObservation } from '../History/types';
import { idleCapacity, type LiveClusterCost } from './idleCapacity';

export type { LiveClusterCost };
import { spendersOf } from './spenders';

export interface AllocationInput {
  entityRef: string;
  title: string;
  owner: string;
  allocation: Jetstream2Allocation;
  /** The stored samples of the allocation's clusters and services. */
  samples: SuSample[];
  /** What was measured now, and which clusters could be measured. */
  live: { observations: SuObservation[]; clusters: string[] };
  rules: ChargeRules;
  /** Titles of services, by entity ref. */
  titles: ReadonlyMap<string, string>;
  /** The live cost of each cluster whose nodes the allocation pays for. */
  clusterCosts: LiveClusterCost[];
  bucketMs: number;
  windowMs: number;
  /** The runway below which owners are notified. */
  warnBelowDays: number;
  now: number;
}

const DAY_MS = 86_400_000;

/**
 * The allocation's page in one answer: its balance and runway, the burn history, the spenders by cluster
 * and by service over the runway's window (they add up to the burn), and the idle capacity of the clusters
 * it pays for. Pure.
 */
export function summariseAllocation(
  input: AllocationInput,
): AllocationResponse {
  const { allocation, rules, bucketMs, windowMs, now } = input;
  const id = allocation.allocationId;
  const charges = chargeAllocation(id, input.samples, rules);
  const liveCharges = chargeAllocation(
    id,
    input.live.observations.map(o => ({ ...o, at: now })),
    rules,
  );
  const currentSuPerHour = liveCharges.history.reduce(
    (sum, s) => sum + s.suPerHour,
    0,
  );
  const runway = forecastRunway({
    recordedBalanceSu: allocation.balanceSu,
    balanceAsOf: allocation.balanceAsOf
      ? Date.parse(allocation.balanceAsOf)
      : undefined,
    endsAt: allocationEndsAt(allocation.endDate),
    history: charges.history,
    bucketMs,
    // nothing measured now (no cluster in sync): no burn rather than a burn of 0
    currentSuPerHour:
      input.live.clusters.length > 0 ? currentSuPerHour : undefined,
    now,
    windowMs,
  });
  const burn = runway.burnSuPerHour;
  const { byCluster, byEntity } = spendersOf({
    allocationId: id,
    charges,
    liveCharges,
    runway,
    rules,
    titles: input.titles,
    bucketMs,
    windowMs,
    now,
  });
  const servicesSu = byEntity.reduce((sum, e) => sum + e.suPerHour, 0);

  const collected = new Set(input.live.clusters);
  const uncollectedClusters = [...rules.clusterAllocation.entries()]
    .filter(([cluster, alloc]) => alloc === id && !collected.has(cluster))
    .map(([cluster]) => cluster)
    .sort();

  return {
    entityRef: input.entityRef,
    title: input.title,
    allocationId: id,
    owner: input.owner,
    endDate: allocation.endDate.slice(0, 10),
    recordedBalanceSu: allocation.balanceSu,
    ...(allocation.balanceAsOf ? { balanceAsOf: allocation.balanceAsOf } : {}),
    measuredSinceBalanceSu: runway.measuredSinceBalanceSu,
    measuredSinceBalanceHours: runway.measuredSinceBalanceHours,
    balanceSu: runway.balanceSu,
    burnSuPerHour: burn,
    burnBasis: runway.burnBasis,
    windowDays: windowMs / DAY_MS,
    coveredHours: runway.coveredHours,
    currentSuPerHour,
    runwayDays: runway.runwayDays,
    runsOutOn: runway.runsOutOn,
    outlastsEndDate: runway.outlastsEndDate,
    unusedAtEndSu: runway.unusedAtEndSu,
    warnBelowDays: input.warnBelowDays,
    history: charges.history.map(s => ({
      at: new Date(s.at).toISOString(),
      suPerHour: s.suPerHour,
    })),
    bucketMinutes: bucketMs / 60_000,
    byCluster,
    byEntity,
    otherSuPerHour: Math.max(0, burn - servicesSu),
    uncollectedClusters,
    idle: idleCapacity(input.clusterCosts, runway.balanceSu, burn, now),
  };
}
