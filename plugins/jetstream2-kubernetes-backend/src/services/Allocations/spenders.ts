import {
  meanPart,
  runwayDaysAt,
  type AllocationCharges,
  type AllocationClusterSpend,
  type AllocationEntitySpend,
  type BurnSample,
  type ChargeRules,
  type Runway,
} from '@internal/plugin-jetstream2-kubernetes-common';

/**
 * Who burns the allocation: each cluster's and each service's part of the burn over the runway's window
 * (with the window's covered hours as denominator, so they add up to the burn), or as measured now when
 * there is no history yet; each service with the runway without it. Highest first. Pure.
 */
export function spendersOf(input: {
  allocationId: string;
  charges: AllocationCharges;
  liveCharges: AllocationCharges;
  runway: Runway;
  rules: ChargeRules;
  titles: ReadonlyMap<string, string>;
  bucketMs: number;
  windowMs: number;
  now: number;
}): { byCluster: AllocationClusterSpend[]; byEntity: AllocationEntitySpend[] } {
  const { allocationId: id, charges, liveCharges, runway, rules } = input;
  const { bucketMs, windowMs, now } = input;
  const burn = runway.burnSuPerHour;
  // the parts over the window when the burn is the history's, else as measured now
  const fromHistory = runway.burnBasis === 'history';
  const partOf = (
    history: BurnSample[] | undefined,
    live: BurnSample[] | undefined,
  ) =>
    fromHistory
      ? meanPart(
          history ?? [],
          runway.coveredHours,
          bucketMs,
          now - windowMs,
          now,
        )
      : (live ?? []).reduce((sum, s) => sum + s.suPerHour, 0);
  const share = (su: number) => (burn > 0 ? su / burn : 0);

  const clusterNames = new Set([
    ...charges.byCluster.keys(),
    ...liveCharges.byCluster.keys(),
  ]);
  const byCluster: AllocationClusterSpend[] = [...clusterNames]
    .map(cluster => {
      const su = partOf(
        charges.byCluster.get(cluster),
        liveCharges.byCluster.get(cluster),
      );
      return {
        cluster,
        suPerHour: su,
        share: share(su),
        paysForNodes: rules.clusterAllocation.get(cluster) === id,
      };
    })
    .filter(c => c.suPerHour > 0 || c.paysForNodes)
    .sort(
      (a, b) => b.suPerHour - a.suPerHour || a.cluster.localeCompare(b.cluster),
    );

  const entityRefs = new Set([
    ...charges.byEntity.keys(),
    ...liveCharges.byEntity.keys(),
  ]);
  const byEntity: AllocationEntitySpend[] = [...entityRefs]
    .map(entityRef => {
      const su = partOf(
        charges.byEntity.get(entityRef)?.samples,
        liveCharges.byEntity.get(entityRef)?.samples,
      );
      const clusters = new Set([
        ...(charges.byEntity.get(entityRef)?.clusters ?? []),
        ...(liveCharges.byEntity.get(entityRef)?.clusters ?? []),
      ]);
      return {
        entityRef,
        title: input.titles.get(entityRef),
        suPerHour: su,
        share: share(su),
        clusters: [...clusters].sort(),
        runwayDaysWithout: runwayDaysAt(
          runway.balanceSu,
          Math.max(0, burn - su),
        ),
      };
    })
    .filter(e => e.suPerHour > 0)
    .sort(
      (a, b) =>
        b.suPerHour - a.suPerHour || a.entityRef.localeCompare(b.entityRef),
    );
  return { byCluster, byEntity };
}
