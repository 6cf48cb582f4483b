import { isWholeNumber, PlanCheck } from './types';

/** Warn when the cluster at its largest takes more than this share of the quota. */
const QUOTA_WARN_SHARE = 0.8;

/** Quota: the cores of the cluster at its largest size, once the flavors and counts make sense. */
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
    const masterCores = master.vcpus * masterCount;
    const coresAtMax = masterCores + worker.vcpus * maxNodes;
    if (coresAtMax > quotaCores) {
      const fit = Math.floor((quotaCores - masterCores) / worker.vcpus);
      const fix =
        fit >= 1
          ? `Lower ${
              autoscaling ? 'maxNodes' : 'nodeCount'
            } to ${fit} or less, pick a smaller worker flavor`
          : 'Pick smaller flavors';
      return {
        facts: { coresAtMax },
        problems: [
          `At its largest the cluster needs ${coresAtMax} cores (${masterCount} × ${master.name} + ${maxNodes} × ${worker.name}) but the allocation's quota is ${quotaCores} cores. ${fix}, or ask the Jetstream2 team for more quota and set quotaCores.`,
        ],
      };
    }
    if (coresAtMax > quotaCores * QUOTA_WARN_SHARE) {
      return {
        facts: { coresAtMax },
        warnings: [
          `At its largest the cluster uses ${coresAtMax} of the ${quotaCores} cores of the quota, leaving ${
            quotaCores - coresAtMax
          } for anything else in the allocation (including rolling upgrades, which add a node).`,
        ],
      };
    }
    return { facts: { coresAtMax } };
  },
};
