/*
 * What a planned cluster will cost, in service units (SU), from its flavors and node counts: the function
 * the cluster templates' cost field and the plan action share. Every node costs its flavor's rate.
 */
import { checkQuota } from './checks/quota';
import { suPerMonth } from './cost';
import { jetstream2DefaultQuotas } from './facts';
import { getFlavor, isGpuFlavor, Jetstream2Flavor, suPerHour } from './flavors';
import { ClusterRequestField, fieldLabel } from './labels';

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

/** The request field each input of planCost comes from, for messages that name it by its label. */
const requestFieldOf: Record<keyof PlanCostInput, ClusterRequestField> = {
  masterFlavor: 'masterFlavor',
  masterCount: 'masterCount',
  workerFlavor: 'workerFlavor',
  nodeCount: 'nodeCount',
  minNodeCount: 'minNodes',
  maxNodeCount: 'maxNodes',
  quotaCores: 'quotaCores',
};

/** A plan planCost refuses; `field` names the input to fix, the message names it by its label. */
export class PlanCostError extends Error {
  readonly field: keyof PlanCostInput;
  constructor(field: keyof PlanCostInput, message: string) {
    super(message);
    this.name = 'PlanCostError';
    this.field = field;
  }
}

const labelOf = (field: keyof PlanCostInput) =>
  fieldLabel(requestFieldOf[field]);

function checkCount(
  field: keyof PlanCostInput,
  value: unknown,
  what: string,
): number {
  const label = labelOf(field);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PlanCostError(
      field,
      value === undefined || value === null || value === ''
        ? `Fill in ${label} (a number of ${what}).`
        : `${label} must be a number of ${what}; got ${JSON.stringify(value)}.`,
    );
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new PlanCostError(
      field,
      `${label} cannot be ${value}: use a whole number of ${what}, at least 1.`,
    );
  }
  if (value > MAX_PLAN_NODES) {
    throw new PlanCostError(
      field,
      `${label} is ${value}, above ${MAX_PLAN_NODES}: plan a cluster this large with the Jetstream2 team.`,
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
      `${labelOf(field)} ${JSON.stringify(
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

function checkCounts(input: PlanCostInput) {
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
  const [minL, maxL, countL] = [
    labelOf('minNodeCount'),
    labelOf('maxNodeCount'),
    labelOf('nodeCount'),
  ];
  if (min !== undefined && max !== undefined && min > max) {
    throw new PlanCostError(
      'minNodeCount',
      `${minL} (${min}) is larger than ${maxL} (${max}); swap them or raise ${maxL}.`,
    );
  }
  if (min !== undefined && nodeCount < min) {
    throw new PlanCostError(
      'nodeCount',
      `${countL} (${nodeCount}) is below ${minL} (${min}); start with at least ${min} workers.`,
    );
  }
  if (max !== undefined && nodeCount > max) {
    throw new PlanCostError(
      'nodeCount',
      `${countL} (${nodeCount}) is above ${maxL} (${max}); start with at most ${max} workers.`,
    );
  }
  return { masterCount, nodeCount, min, max };
}

/**
 * SU per hour and per month of a new cluster at its starting size, and at its autoscaling minimum and
 * maximum when given. Throws a PlanCostError naming the field (by its label) for unknown flavors, for
 * counts that are not whole numbers from 1 to 100 or are out of order, and for a cluster larger than the
 * allocation's core quota (checkQuota, the check the plan action runs too).
 */
export function planCost(input: PlanCostInput): PlanCost {
  const master = checkFlavor('masterFlavor', input.masterFlavor);
  const worker = checkFlavor('workerFlavor', input.workerFlavor);
  const { masterCount, nodeCount, min, max } = checkCounts(input);
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
      `${labelOf(
        'quotaCores',
      )} must be a whole number of cores above 0; got ${JSON.stringify(
        quotaCores,
      )}. Leave it empty to use the default quota.`,
    );
  }
  const largestWorkers = Math.max(nodeCount, max ?? 0);
  const quota = checkQuota({
    master,
    masterCount,
    worker,
    largestWorkers,
    quotaCores,
    autoscaling: max !== undefined,
  });
  if (quota.problem) {
    throw new PlanCostError(
      max !== undefined ? 'maxNodeCount' : 'nodeCount',
      quota.problem,
    );
  }
  const perHour = (workers: number) =>
    suPerHour(master, masterCount) + suPerHour(worker, workers);
  return {
    ...atSize(perHour(nodeCount)),
    ...(min !== undefined ? { min: atSize(perHour(min)) } : {}),
    ...(max !== undefined ? { max: atSize(perHour(max)) } : {}),
    coresAtMax: quota.coresAtMax,
    quotaCores,
  };
}

/** The cost at the plan's largest size (the autoscaling maximum, or the fixed size). */
export function largestCost(cost: PlanCost): PlanCostAtSize {
  return cost.max ?? cost;
}
