import {
  checkBalance,
  invalidBalanceProblem,
  isValidBalance,
  largestCost,
  planCost,
  PlanCostError,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { PlanCheck } from './types';

/**
 * Cost: SU per hour and per month from the shared cost model (the same function the form shows), and
 * the optional allocation balance, which the largest monthly cost must not exceed (checkBalance, the check
 * the form's cost field runs too).
 */
export const costCheck: PlanCheck = {
  id: 'cost',
  run({ input, facts, hasProblems }) {
    const balance = input.allocationBalance;
    if (balance !== undefined && !isValidBalance(balance)) {
      return { problems: [invalidBalanceProblem(balance)] };
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
    if (balance === undefined) return { facts: { cost } };
    const worst = largestCost(cost);
    const result = checkBalance({
      largestSuPerMonth: worst.suPerMonth,
      largestSuPerHour: worst.suPerHour,
      largestWorkers: maxNodes,
      workerFlavor: worker.name,
      autoscaling: facts.autoscaling,
      balance,
    });
    return result.ok
      ? { facts: { cost } }
      : { facts: { cost }, problems: [result.problem] };
  },
};
