import { clusterCost } from '../../jetstream2/cost';
import type { InsightRule } from './types';

/** Idle share of a cluster's SU burn from which the autoscaler guide is suggested. */
export const IDLE_SHARE_THRESHOLD = 0.5;

/**
 * A cluster whose nodes are mostly unrequested burns allocation for nothing: suggest autoscaling (Magnum's
 * cluster autoscaler) or fewer/smaller nodes. Judged for a whole cluster only, once nodes and pods are known.
 */
export const idleCapacity: InsightRule = {
  ruleIds: ['idle-capacity'],
  evaluate(input) {
    const { nodes, pods } = input.objects;
    if (input.scope === 'entity' || !nodes || !pods || nodes.length === 0)
      return [];
    const cost = clusterCost(nodes, pods);
    if (cost.suPerHour <= 0) return [];
    const share = cost.idleSuPerHour / cost.suPerHour;
    if (share < IDLE_SHARE_THRESHOLD) return [];
    const percent = Math.round(share * 100);
    const idle = Math.round(cost.idleSuPerHour * 10) / 10;
    return [
      {
        ruleId: 'idle-capacity',
        severity: 'info',
        title: `${percent}% of the cluster's SU burn is idle capacity`,
        reason: `No pod requests ${percent}% of what the nodes offer: about ${idle} of ${cost.suPerHour} SU per hour are spent on idle capacity. Every node is billed to the allocation busy or idle; the Magnum guide shows how to let the cluster autoscaler add and remove workers (or resize to fewer or smaller nodes).`,
        guideId: 'k8s-magnum',
        conceptIds: ['cluster-autoscaler', 'node'],
        objects: [],
      },
    ];
  },
};
