import {
  balanceShortfall,
  jetstream2DefaultQuotas,
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

/** What the form's current values cost, or why they cannot be costed. */
export type FormCost =
  | {
      cost: PlanCost;
      /** The allocation balance entered, if any. */
      balance?: number;
      /** SU by which the largest monthly cost exceeds the balance (0 when it fits). */
      shortfall?: number;
    }
  | { error: string };

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/** Costs the plan the form describes with the shared cost model (the same function the plan action uses). */
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
  try {
    const cost = planCost({
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
    const balance = field('balanceField', 'allocationBalance');
    if (isEmpty(balance)) return { cost };
    return {
      cost,
      balance: balance as number,
      shortfall: balanceShortfall(cost, balance as number),
    };
  } catch (e) {
    if (e instanceof PlanCostError) return { error: e.message };
    throw e;
  }
}
