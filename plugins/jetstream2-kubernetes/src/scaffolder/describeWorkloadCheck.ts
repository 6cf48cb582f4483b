import {
  ClusterCapacity,
  fitWorkload,
  formatSuPerHourAndMonth,
  getFlavor,
  suPerHour,
  WorkloadFit,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { WorkloadCheck } from './workloadOfForm';

/** One checked workload as the field shows it. */
export interface CheckedWorkload {
  title: string;
  fit: WorkloadFit;
  /** "About 32 SU/h · 23,360 SU per month", or why it is unknown. */
  cost: string;
}

/** SU per hour of the pods, from the cluster's nodes, else (for one flavor) the flavor's whole rate. */
function costOf(check: WorkloadCheck, fit: WorkloadFit): number | undefined {
  if (fit.suPerHour !== undefined) return fit.suPerHour;
  const flavor = check.request.flavor && getFlavor(check.request.flavor);
  // a GPU server on a node of its own flavor takes the node's only GPU: the whole node
  return flavor ? suPerHour(flavor) * check.request.replicas : undefined;
}

/** Fits each workload on the cluster's free room and prices it. */
export function checkWorkloads(
  capacity: ClusterCapacity,
  checks: WorkloadCheck[],
): CheckedWorkload[] {
  return checks.map(check => {
    const fit = fitWorkload(capacity, check.request);
    const su = costOf(check, fit);
    return {
      title: check.title,
      fit,
      cost:
        su === undefined
          ? `Cost unknown until ${capacity.cluster} has a node that takes these pods`
          : `About ${formatSuPerHourAndMonth({ suPerHour: su })}`,
    };
  });
}

/** The text the field writes into the form, which the review step shows: cost and room of each workload. */
export function summarizeChecks(checked: CheckedWorkload[]): string {
  return checked
    .map(c =>
      checked.length > 1
        ? `${c.title}: ${c.cost}; ${c.fit.message}`
        : `${c.cost}; ${c.fit.message}`,
    )
    .join(' — ');
}
