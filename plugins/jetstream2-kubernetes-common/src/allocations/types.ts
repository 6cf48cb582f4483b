/*
 * Wire types of `GET /api/jetstream2-kubernetes/allocations/:namespace/:name`, part of the contract in
 * ../types.ts: add optional fields freely; change or remove fields only together with both sides.
 */
import type { BurnBasis } from './forecast';

/** One bucket of the allocation's burn. */
export interface AllocationBurnPoint {
  /** ISO time of the start of the bucket. */
  at: string;
  suPerHour: number;
}

/** One cluster's part of the allocation's burn over the window. */
export interface AllocationClusterSpend {
  cluster: string;
  suPerHour: number;
  /** Of the allocation's burn, 0..1. */
  share: number;
  /** The cluster's nodes are charged to this allocation (else only some services' pods in it are). */
  paysForNodes: boolean;
}

/** One service's part of the allocation's burn over the window. */
export interface AllocationEntitySpend {
  entityRef: string;
  title?: string;
  suPerHour: number;
  share: number;
  clusters: string[];
  /** Whole days the balance would last without this service's pods (null: nothing would burn). */
  runwayDaysWithout: number | null;
}

/** A worker node that could be removed, its pods moving to the other nodes. */
export interface AllocationRemovableNode {
  cluster: string;
  name: string;
  flavor?: string;
  suPerHour: number;
  podsMoved: number;
}

/** Idle capacity of the clusters whose nodes the allocation pays for, as it is now. */
export interface AllocationIdleCapacity {
  /** SU per hour of node capacity that no pod requests. */
  suPerHour: number;
  /** Of the clusters' current cost, 0..1. */
  share: number;
  /** Nodes that could go, one after another, with their pods fitting on the others (requests only). */
  removableNodes: AllocationRemovableNode[];
  savingsSuPerHour: number;
  /** The runway without those nodes, at the current burn less the savings. */
  runwayDaysAfterScaleDown: number | null;
  runsOutOnAfterScaleDown: string | null;
}

export interface AllocationResponse {
  entityRef: string;
  title: string;
  allocationId: string;
  /** The owning group (entity ref). */
  owner: string;
  /** The allocation's last day, YYYY-MM-DD. */
  endDate: string;
  /** The balance as ACCESS reported it. */
  recordedBalanceSu: number;
  balanceAsOf?: string;
  /** SU the portal measured since balanceAsOf, and the hours its samples cover. */
  measuredSinceBalanceSu: number;
  measuredSinceBalanceHours: number;
  /** The balance now: recorded less measured since. */
  balanceSu: number;
  /** The mean burn of the last `windowDays` days (or the burn now, see burnBasis). */
  burnSuPerHour: number;
  burnBasis: BurnBasis;
  windowDays: number;
  /** Hours of the window the samples cover. */
  coveredHours: number;
  /** The burn measured now, from the live clusters. */
  currentSuPerHour: number;
  /** Whole days the balance lasts at burnSuPerHour; null when nothing burns. */
  runwayDays: number | null;
  /** Today (UTC) plus runwayDays, YYYY-MM-DD. */
  runsOutOn: string | null;
  outlastsEndDate: boolean;
  unusedAtEndSu: number;
  /** Owners are notified when runwayDays falls below this (the portal's setting). */
  warnBelowDays: number;
  /** The burn per bucket, oldest first, over the retention period. */
  history: AllocationBurnPoint[];
  /** Length of a history bucket, in minutes. */
  bucketMinutes: number;
  byCluster: AllocationClusterSpend[];
  /** Highest first. */
  byEntity: AllocationEntitySpend[];
  /** Burn that no service accounts for: idle capacity and pods of no service. */
  otherSuPerHour: number;
  /** Clusters named with this allocation's id that the portal does not collect (not counted). */
  uncollectedClusters: string[];
  idle: AllocationIdleCapacity;
}
