import { checkQuota } from '@internal/plugin-jetstream2-kubernetes-common';
import { isWholeNumber, PlanCheck } from './types';

/**
 * Quota: the cores of the cluster at its largest size, once the flavors and counts make sense. The check
 * itself is checkQuota from -common, the one the form's cost field runs too.
 */
export const quotaCheck: PlanCheck = {
  id: 'quota',
  run({ facts }) {
    const {
      master,
      worker,
      masterCount,
      maxNodes,
      allocationKind,
      quotaCores,
      autoscaling,
    } = facts;
    if (
      !master ||
      !worker ||
      !isWholeNumber(masterCount) ||
      !isWholeNumber(maxNodes) ||
      !allocationKind ||
      allocationKind === 'trial' ||
      quotaCores === undefined
    ) {
      return { facts: { coresAtMax: 0 } };
    }
    const result = checkQuota({
      master,
      masterCount,
      worker,
      largestWorkers: maxNodes,
      quotaCores,
      autoscaling,
    });
    return {
      facts: { coresAtMax: result.coresAtMax },
      problems: result.problem ? [result.problem] : [],
      warnings: result.warning ? [result.warning] : [],
    };
  },
};
