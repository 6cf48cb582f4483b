import type { Jetstream2Flavor } from '../flavors';
import { fieldLabel, sizeFieldLabel } from '../labels';

/** Warn when the cluster at its largest takes more than this share of the quota. */
export const QUOTA_WARN_SHARE = 0.8;

/** A cluster's shape at its largest size, as the quota sees it. */
export interface QuotaCheckInput {
  master: Jetstream2Flavor;
  masterCount: number;
  worker: Jetstream2Flavor;
  /** Workers at the largest size: the autoscaling maximum, or the fixed count. */
  largestWorkers: number;
  quotaCores: number;
  /** Decides which field the advice names ("Most workers" or "Workers at creation"). */
  autoscaling?: boolean;
}

export interface QuotaCheckResult {
  /** Cores the cluster holds at its largest size. */
  coresAtMax: number;
  /** Set when the cluster does not fit in the quota: what to change, in words. */
  problem?: string;
  /** Set when it fits but leaves little room. */
  warning?: string;
}

/**
 * The core quota check, the one the plan action and the form both run: the cores of every node at the
 * cluster's largest size must fit in the allocation's quota. Pure; names fields by their labels.
 */
export function checkQuota(input: QuotaCheckInput): QuotaCheckResult {
  const { master, masterCount, worker, largestWorkers, quotaCores } = input;
  const masterCores = master.vcpus * masterCount;
  const coresAtMax = masterCores + worker.vcpus * largestWorkers;
  if (coresAtMax > quotaCores) {
    const fit = Math.floor((quotaCores - masterCores) / worker.vcpus);
    const fix =
      fit >= 1
        ? `Lower ${sizeFieldLabel(
            input.autoscaling,
          )} to ${fit} or less, pick a smaller ${fieldLabel('workerFlavor')}`
        : `Pick a smaller ${fieldLabel('masterFlavor')} and ${fieldLabel(
            'workerFlavor',
          )}`;
    return {
      coresAtMax,
      problem: `At its largest the cluster needs ${coresAtMax} cores (${masterCount} × ${
        master.name
      } + ${largestWorkers} × ${
        worker.name
      }) but the allocation's quota is ${quotaCores} cores. ${fix}, or ask the Jetstream2 team for more quota and enter it in ${fieldLabel(
        'quotaCores',
      )}.`,
    };
  }
  if (coresAtMax > quotaCores * QUOTA_WARN_SHARE) {
    return {
      coresAtMax,
      warning: `At its largest the cluster uses ${coresAtMax} of the ${quotaCores} cores of the quota, leaving ${
        quotaCores - coresAtMax
      } for anything else in the allocation (including rolling upgrades, which add a node).`,
    };
  }
  return { coresAtMax };
}
