import {
  checkBalance,
  formatSuPerHourAndMonth,
  jetstream2DefaultQuotas,
  largestCost,
  planCost,
  PlanCost,
  PlanCostError,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** Names of the form fields the cost field reads; the defaults are those of the catalog's cluster templates. */
export interface ClusterCostFieldOptions {
  masterFlavorField?: string;
  masterCountField?: string;
  workerFlavorField?: string;
  nodeCountField?: string;
  autoscalingField?: string;
  minNodesField?: string;
  maxNodesField?: string;
  allocationKindField?: string;
  quotaCoresField?: string;
  balanceField?: string;
}

/** What the form's current values cost, and what stops them from being created. */
export interface FormCost {
  /** Undefined when the values cannot be costed (see `problem`). */
  cost?: PlanCost;
  /** Set when the plan step would refuse the plan (quota, balance, counts): in words, naming fields by label. */
  problem?: string;
  /** The allocation balance entered, if any, and by how much the largest month exceeds it. */
  balance?: number;
  shortfall?: number;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/**
 * Costs the plan the form describes and checks it against the quota and the allocation balance, with the
 * functions the plan action runs (planCost, checkQuota through it, and checkBalance from -common).
 */
export function costOfForm(
  values: Record<string, unknown>,
  options: ClusterCostFieldOptions = {},
): FormCost {
  const field = (name: keyof ClusterCostFieldOptions, fallback: string) =>
    values[options[name] ?? fallback];
  const autoscaling = field('autoscalingField', 'autoscaling') === true;
  const kind = field('allocationKindField', 'allocationKind');
  const quota = field('quotaCoresField', 'quotaCores');
  const kindQuota =
    kind === 'cpu' || kind === 'gpu' || kind === 'trial'
      ? jetstream2DefaultQuotas[kind].cores
      : undefined;
  let cost: PlanCost;
  try {
    cost = planCost({
      masterFlavor: field('masterFlavorField', 'masterFlavor') as string,
      masterCount: field('masterCountField', 'masterCount') as number,
      workerFlavor: field('workerFlavorField', 'workerFlavor') as string,
      nodeCount: field('nodeCountField', 'nodeCount') as number,
      ...(autoscaling
        ? {
            minNodeCount: field('minNodesField', 'minNodes') as number,
            maxNodeCount: field('maxNodesField', 'maxNodes') as number,
          }
        : {}),
      quotaCores: (isEmpty(quota) ? kindQuota : quota) as number | undefined,
    });
  } catch (e) {
    if (e instanceof PlanCostError) return { problem: e.message };
    throw e;
  }
  const balance = field('balanceField', 'allocationBalance');
  if (isEmpty(balance)) return { cost };
  const worst = largestCost(cost);
  const result = checkBalance({
    largestSuPerMonth: worst.suPerMonth,
    largestSuPerHour: worst.suPerHour,
    largestWorkers: autoscaling
      ? (field('maxNodesField', 'maxNodes') as number)
      : (field('nodeCountField', 'nodeCount') as number),
    workerFlavor: field('workerFlavorField', 'workerFlavor') as string,
    autoscaling,
    balance,
  });
  return result.ok
    ? { cost, balance: result.balance, shortfall: 0 }
    : {
        cost,
        problem: result.problem,
        balance: result.balance,
        shortfall: result.shortfall,
      };
}

/**
 * The cost as the review step shows it (the value the field writes into the form):
 * "36 SU/h · 26,280 SU per month", with the autoscaling range when there is one.
 */
export function describeFormCost(cost: PlanCost): string {
  const start = formatSuPerHourAndMonth(cost);
  if (!cost.min || !cost.max) return start;
  return `${start} at the start; ${formatSuPerHourAndMonth(
    cost.min,
  )} with the fewest workers, ${formatSuPerHourAndMonth(
    cost.max,
  )} with the most`;
}
