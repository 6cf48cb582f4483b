import {
  balanceShortfall,
  planCost,
  PlanCostError,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { PlanCheck } from './types';

const su = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * Cost: SU per hour and per month from the shared cost model (the same function the form shows), and
 * the optional allocation balance, which the largest monthly cost must not exceed.
 */
export const costCheck: PlanCheck = {
  id: 'cost',
  run({ input, facts, hasProblems }) {
    const balance = input.allocationBalance;
    if (
      balance !== undefined &&
      (typeof balance !== 'number' || !Number.isFinite(balance) || balance < 0)
    ) {
      return {
        problems: [
          `allocationBalance must be the SU left in the allocation, 0 or more (got ${balance}); leave it empty to skip the check.`,
        ],
      };
    }
    const { master, worker, masterCount, nodeCount, minNodes, maxNodes } =
      facts;
    if (
      hasProblems ||
      !master ||
      !worker ||
      masterCount === undefined ||
      nodeCount === undefined ||
      minNodes === undefined ||
      maxNodes === undefined
    ) {
      return {};
    }
    let cost;
    try {
      cost = planCost({
        masterFlavor: master.name,
        masterCount,
        workerFlavor: worker.name,
        nodeCount,
        minNodeCount: minNodes,
        maxNodeCount: maxNodes,
        quotaCores: facts.quotaCores,
      });
    } catch (e) {
      if (e instanceof PlanCostError) return { problems: [e.message] };
      throw e;
    }
    if (balance !== undefined) {
      const over = balanceShortfall(cost, balance);
      if (over > 0) {
        const worst = cost.max ?? cost;
        return {
          facts: { cost },
          problems: [
            `At its largest (${maxNodes} × ${
              worker.name
            } workers) the cluster costs ${su(
              worst.suPerMonth,
            )} SU per month (${
              worst.suPerHour
            } SU/h), which exceeds the allocation balance of ${su(
              balance,
            )} SU by ${su(over)} SU. Lower ${
              facts.autoscaling ? 'maxNodes' : 'nodeCount'
            }, pick a smaller worker flavor, or ask ACCESS for more SUs.`,
          ],
        };
      }
    }
    return { facts: { cost } };
  },
};
