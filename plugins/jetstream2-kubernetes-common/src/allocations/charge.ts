/*
 * Who pays for what: the measured SU burn of clusters and services, charged to allocations so that every SU
 * is charged once.
 *
 * - A service's pods are charged to the allocation the service names (`jetstream2.org/allocation`), or,
 *   when it names none, to the allocation of the cluster they run on.
 * - A cluster's nodes are charged to the cluster's allocation, less the pods charged to other allocations:
 *   that allocation pays for idle capacity and for pods that belong to no service.
 *
 * So on a shared cluster each group's allocation carries its own services, and the cluster's owner carries
 * the rest. Pure: it reads samples and the current annotations, and the history is charged by the
 * annotations as they are now.
 */
import { meanBurn, type BurnSample } from './forecast';

/** One measured bucket of a cluster (no entityRef: all of its nodes) or of a service's pods in a cluster. */
export interface SuSample {
  /** Start of the bucket, epoch ms. */
  at: number;
  cluster: string;
  /** The service (catalog entity ref) whose pods were measured; absent for the cluster's nodes. */
  entityRef?: string;
  suPerHour: number;
}

/** The allocation ids clusters and services name, by cluster name and by entity ref. */
export interface ChargeRules {
  clusterAllocation: ReadonlyMap<string, string>;
  entityAllocation: ReadonlyMap<string, string>;
}

/** What one allocation was charged, per bucket, per cluster and per service. */
export interface AllocationCharges {
  /** The allocation's burn per bucket, oldest first. */
  history: BurnSample[];
  /** Per cluster, its part of the allocation's burn per bucket. */
  byCluster: Map<string, BurnSample[]>;
  /** Per service, its pods' part of the burn per bucket, and the clusters they ran on. */
  byEntity: Map<string, { samples: BurnSample[]; clusters: Set<string> }>;
}

/** The allocation a service's pods in a cluster are charged to (undefined: nobody's). */
export function chargedTo(
  rules: ChargeRules,
  cluster: string,
  entityRef?: string,
): string | undefined {
  return (
    (entityRef && rules.entityAllocation.get(entityRef)) ||
    rules.clusterAllocation.get(cluster)
  );
}

function add(map: Map<number, number>, at: number, su: number) {
  map.set(at, (map.get(at) ?? 0) + su);
}

const toSamples = (m: Map<number, number>): BurnSample[] =>
  [...m.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, suPerHour]) => ({ at, suPerHour }));

/** What the samples charge to one allocation (see the rules at the top of this file). */
export function chargeAllocation(
  allocationId: string,
  samples: readonly SuSample[],
  rules: ChargeRules,
): AllocationCharges {
  // Per cluster and bucket: the cluster's nodes (when it is this allocation's) less the pods charged elsewhere.
  const clusterTotals = new Map<string, Map<number, number>>();
  const movedOut = new Map<string, Map<number, number>>();
  const movedIn = new Map<string, Map<number, number>>();
  const entities = new Map<
    string,
    { byAt: Map<number, number>; clusters: Set<string> }
  >();
  const bucket = (m: Map<string, Map<number, number>>, key: string) => {
    let inner = m.get(key);
    if (!inner) m.set(key, (inner = new Map()));
    return inner;
  };
  for (const s of samples) {
    const ownCluster = rules.clusterAllocation.get(s.cluster) === allocationId;
    if (!s.entityRef) {
      if (ownCluster) add(bucket(clusterTotals, s.cluster), s.at, s.suPerHour);
      continue;
    }
    const payer = chargedTo(rules, s.cluster, s.entityRef);
    if (payer === allocationId) {
      let e = entities.get(s.entityRef);
      if (!e) {
        e = { byAt: new Map(), clusters: new Set() };
        entities.set(s.entityRef, e);
      }
      add(e.byAt, s.at, s.suPerHour);
      e.clusters.add(s.cluster);
      if (!ownCluster) add(bucket(movedIn, s.cluster), s.at, s.suPerHour);
    } else if (ownCluster && payer !== undefined) {
      add(bucket(movedOut, s.cluster), s.at, s.suPerHour);
    }
  }

  const total = new Map<number, number>();
  const byCluster = new Map<string, BurnSample[]>();
  const clusters = new Set([...clusterTotals.keys(), ...movedIn.keys()]);
  for (const cluster of [...clusters].sort()) {
    const charged = new Map<number, number>();
    for (const [at, su] of clusterTotals.get(cluster) ?? []) {
      // pods can ask for more than a node offers in two dimensions at once; never charge below zero
      const out = movedOut.get(cluster)?.get(at) ?? 0;
      add(charged, at, Math.max(0, su - out));
    }
    for (const [at, su] of movedIn.get(cluster) ?? []) add(charged, at, su);
    for (const [at, su] of charged) add(total, at, su);
    byCluster.set(cluster, toSamples(charged));
  }
  const byEntity = new Map(
    [...entities.entries()].map(([ref, e]) => [
      ref,
      { samples: toSamples(e.byAt), clusters: e.clusters },
    ]),
  );
  return { history: toSamples(total), byCluster, byEntity };
}

/**
 * A part's mean over the window, with the allocation's covered hours as the denominator, so the parts
 * (clusters, services) add up to the allocation's burn.
 */
export function meanPart(
  part: readonly BurnSample[],
  coveredHours: number,
  bucketMs: number,
  from: number,
  to: number,
): number {
  if (coveredHours <= 0) return 0;
  const mean = meanBurn(part, bucketMs, from, to);
  return mean ? (mean.suPerHour * mean.hours) / coveredHours : 0;
}
