/*
 * Jetstream2 allocations in the catalog. An allocation is a Resource of type `jetstream2-allocation`, owned
 * by a group, whose spec records the ACCESS allocation id, the balance in SU and the end date:
 *
 *   kind: Resource
 *   spec: { type: jetstream2-allocation, owner: science-gateways, allocationId: sgw240017,
 *           balanceSu: 420000, balanceAsOf: 2026-12-01, endDate: 2027-09-30 }
 *
 * Clusters (Resources of type kubernetes-cluster) and services (Components) name the allocation they are
 * charged to with the annotation `jetstream2.org/allocation: <allocation id>`. An annotation rather than a
 * relation: the catalog answers "which clusters and services use allocation X" with one filtered query
 * (relations would need the graph walked and every related entity fetched to tell an allocation from the
 * other resources a service depends on), it says what it means where it is written, and it is the same
 * shape as `backstage.io/kubernetes-id`, which the same files already carry.
 */
import { isAllocationId } from '../jetstream2/facts';

/** `spec.type` of an allocation Resource. */
export const ALLOCATION_ENTITY_TYPE = 'jetstream2-allocation';

/** On a cluster Resource or a service: the id of the allocation it is charged to. */
export const ALLOCATION_ANNOTATION = 'jetstream2.org/allocation';

/** An allocation as its catalog entity records it. */
export interface Jetstream2Allocation {
  /** The ACCESS allocation (project) id, e.g. `abc123456`. */
  allocationId: string;
  /** The balance in SU as ACCESS last reported it. */
  balanceSu: number;
  /** When ACCESS reported that balance (ISO date or time); SU the portal measured since then are subtracted. */
  balanceAsOf?: string;
  /** The last day of the allocation (ISO date). */
  endDate: string;
}

/** The part of a catalog entity an allocation is read from. */
export interface AllocationEntityLike {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

/** True for a Resource of type `jetstream2-allocation`. */
export function isAllocationEntity(entity: AllocationEntityLike): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === ALLOCATION_ENTITY_TYPE
  );
}

/** The allocation id a cluster or service is charged to, if it names one. */
export function allocationIdOf(entity: {
  metadata: { annotations?: Record<string, string> };
}): string | undefined {
  const value = entity.metadata.annotations?.[ALLOCATION_ANNOTATION]?.trim();
  return value ? value : undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

function isDate(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    ISO_DATE.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

/**
 * Reads the allocation an entity records. Answers `problems`, sentences a person can act on, when a field
 * is missing or malformed; never throws.
 */
export function readAllocation(
  entity: AllocationEntityLike,
): { allocation: Jetstream2Allocation } | { problems: string[] } {
  const spec = entity.spec ?? {};
  const where = `Allocation ${entity.metadata.name}`;
  const problems: string[] = [];
  const { allocationId, balanceSu, balanceAsOf, endDate } = spec;
  if (typeof allocationId !== 'string' || !isAllocationId(allocationId)) {
    problems.push(
      `${where}: spec.allocationId ${JSON.stringify(
        allocationId ?? null,
      )} is not an allocation id as ACCESS writes it (three lowercase letters and six digits, such as abc123456).`,
    );
  }
  if (
    typeof balanceSu !== 'number' ||
    !Number.isFinite(balanceSu) ||
    balanceSu < 0
  ) {
    problems.push(
      `${where}: spec.balanceSu must be the balance in SU, a number of 0 or more; got ${JSON.stringify(
        balanceSu ?? null,
      )}.`,
    );
  }
  if (!isDate(endDate)) {
    problems.push(
      `${where}: spec.endDate must be the allocation's last day as a date such as 2027-06-30; got ${JSON.stringify(
        endDate ?? null,
      )}.`,
    );
  }
  if (balanceAsOf !== undefined && !isDate(balanceAsOf)) {
    problems.push(
      `${where}: spec.balanceAsOf must be the date of the balance, such as 2026-12-01; got ${JSON.stringify(
        balanceAsOf,
      )}.`,
    );
  }
  if (problems.length > 0) return { problems };
  return {
    allocation: {
      allocationId: allocationId as string,
      balanceSu: balanceSu as number,
      endDate: endDate as string,
      ...(balanceAsOf !== undefined
        ? { balanceAsOf: balanceAsOf as string }
        : {}),
    },
  };
}

/** The end of an allocation (epoch ms): the end of its last day, UTC, or the time given. */
export function allocationEndsAt(endDate: string): number {
  const at = Date.parse(endDate);
  return endDate.length === 10 ? at + 24 * 3_600_000 : at;
}
