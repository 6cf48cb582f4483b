/*
 * What a planned cluster will cost: SU per hour and per month at its starting size and at its autoscaling
 * limits, checked against the allocation's core quota and balance. Rates come from ./flavors.ts.
 */
import { getFlavor, isGpuFlavor, Jetstream2Flavor, suPerHour } from './flavors';
import { jetstream2DefaultQuotas } from './facts';
import { suPerMonth } from './cost';

/** Most worker nodes a plan may have; larger clusters are planned with the Jetstream2 team. */
export const MAX_PLAN_NODES = 100;

/** The shape of a new cluster, as a template form or the plan action holds it. */
export interface PlanCostInput {
  masterFlavor: string;
  masterCount: number;
  workerFlavor: string;
  nodeCount: number;
  /** With autoscaling: the fewest workers. */
  minNodeCount?: number;
  /** With autoscaling: the most workers. */
  maxNodeCount?: number;
  /** Core quota of the allocation; defaults to the GPU quota for g3 workers, the CPU quota otherwise. */
  quotaCores?: number;
}

export interface PlanCostAtSize {
  suPerHour: number;
  suPerMonth: number;
}

export interface PlanCost extends PlanCostAtSize {
  /** At minNodeCount workers, when given. */
  min?: PlanCostAtSize;
  /** At maxNodeCount workers, when given. */
  max?: PlanCostAtSize;
  /** Cores at the largest size, which the quota must cover. */
  coresAtMax: number;
  quotaCores: number;
}

/** A plan planCost refuses; `field` names the input to fix. */
export class PlanCostError extends Error {
  readonly field: keyof PlanCostInput | 'allocationBalance';
  constructor(
    field: keyof PlanCostInput | 'allocationBalance',
    message: string,
  ) {
    super(message);
    this.name = 'PlanCostError';
    this.field = field;
  }
}

function checkCount(
  field: keyof PlanCostInput,
  value: unknown,
  what: string,
): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PlanCostError(
      field,
      `${field} must be a number of ${what}; got ${JSON.stringify(
        value ?? null,
      )}.`,
    );
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new PlanCostError(
      field,
      `${field} ${value} is not allowed: use a whole number of ${what}, at least 1.`,
    );
  }
  if (value > MAX_PLAN_NODES) {
    throw new PlanCostError(
      field,
      `${field} ${value} is above ${MAX_PLAN_NODES}; plan a cluster this large with the Jetstream2 team.`,
    );
  }
  return value;
}

function checkFlavor(
  field: 'masterFlavor' | 'workerFlavor',
  name: unknown,
): Jetstream2Flavor {
  const flavor = typeof name === 'string' ? getFlavor(name) : undefined;
  if (!flavor) {
    throw new PlanCostError(
      field,
      `${field} ${JSON.stringify(
        name ?? null,
      )} is not a Jetstream2 flavor; pick one such as m3.quad, m3.medium or g3.medium.`,
    );
  }
  return flavor;
}

const atSize = (perHour: number): PlanCostAtSize => ({
  suPerHour: perHour,
  suPerMonth: suPerMonth(perHour),
});

/**
 * SU per hour and per month of a new cluster at its starting size, and at its autoscaling minimum and
 * maximum when given. Throws a PlanCostError naming the field for unknown flavors and for counts that are
 * not whole numbers from 1 to 100, out of order, or larger than the allocation's core quota.
 */
export function planCost(input: PlanCostInput): PlanCost {
  const master = checkFlavor('masterFlavor', input.masterFlavor);
  const worker = checkFlavor('workerFlavor', input.workerFlavor);
  const masterCount = checkCount(
    'masterCount',
    input.masterCount,
    'control plane nodes',
  );
  const nodeCount = checkCount('nodeCount', input.nodeCount, 'worker nodes');
  const min =
    input.minNodeCount === undefined
      ? undefined
      : checkCount('minNodeCount', input.minNodeCount, 'worker nodes');
  const max =
    input.maxNodeCount === undefined
      ? undefined
      : checkCount('maxNodeCount', input.maxNodeCount, 'worker nodes');
  if (min !== undefined && max !== undefined && min > max) {
    throw new PlanCostError(
      'minNodeCount',
      `minNodeCount (${min}) is larger than maxNodeCount (${max}); swap them or raise maxNodeCount.`,
    );
  }
  if (min !== undefined && nodeCount < min) {
    throw new PlanCostError(
      'nodeCount',
      `nodeCount (${nodeCount}) is below minNodeCount (${min}); start with at least ${min} workers.`,
    );
  }
  if (max !== undefined && nodeCount > max) {
    throw new PlanCostError(
      'nodeCount',
      `nodeCount (${nodeCount}) is above maxNodeCount (${max}); start with at most ${max} workers.`,
    );
  }
  const quotaCores =
    input.quotaCores ??
    jetstream2DefaultQuotas[isGpuFlavor(worker) ? 'gpu' : 'cpu'].cores;
  if (
    typeof quotaCores !== 'number' ||
    !Number.isInteger(quotaCores) ||
    quotaCores < 1
  ) {
    throw new PlanCostError(
      'quotaCores',
      `quotaCores must be a whole number of cores above 0; got ${JSON.stringify(
        quotaCores,
      )}.`,
    );
  }
  const largest = Math.max(nodeCount, max ?? 0);
  const masterCores = master.vcpus * masterCount;
  const coresAtMax = masterCores + worker.vcpus * largest;
  if (coresAtMax > quotaCores) {
    const fit = Math.floor((quotaCores - masterCores) / worker.vcpus);
    throw new PlanCostError(
      max !== undefined ? 'maxNodeCount' : 'nodeCount',
      `At its largest the cluster needs ${coresAtMax} cores (${masterCount} × ${
        master.name
      } + ${largest} × ${worker.name}) but the quota is ${quotaCores} cores: ${
        fit >= 1
          ? `use ${fit} ${worker.name} workers or fewer`
          : 'pick smaller flavors'
      }, or ask the Jetstream2 team for more quota.`,
    );
  }
  const perHour = (workers: number) =>
    suPerHour(master, masterCount) + suPerHour(worker, workers);
  return {
    ...atSize(perHour(nodeCount)),
    ...(min !== undefined ? { min: atSize(perHour(min)) } : {}),
    ...(max !== undefined ? { max: atSize(perHour(max)) } : {}),
    coresAtMax,
    quotaCores,
  };
}

/**
 * SU by which the plan's largest monthly cost exceeds an allocation balance (0 when it fits). Throws a
 * PlanCostError for a balance that is negative or not a number.
 */
export function balanceShortfall(plan: PlanCost, balanceSu: number): number {
  if (
    typeof balanceSu !== 'number' ||
    !Number.isFinite(balanceSu) ||
    balanceSu < 0
  ) {
    throw new PlanCostError(
      'allocationBalance',
      `The allocation balance must be a number of SU, 0 or more; got ${JSON.stringify(
        balanceSu ?? null,
      )}.`,
    );
  }
  const worst = (plan.max ?? plan).suPerMonth;
  return Math.max(0, worst - balanceSu);
}
