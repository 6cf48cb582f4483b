/*
 * What is free on a cluster for a new workload: the answer of GET /clusters/:name/capacity, which every
 * signed-in user may read (jetstream2-kubernetes.capacity.read). It holds amounts only: no node names, no
 * pods, no namespaces, nothing of other teams' workloads. Wire type and the pure function that makes it.
 */
import type { ClusterStatus, NodeSummary, ResourceAmounts } from '../types';

/** The taint Jetstream2's g3 nodes carry (and the deploy templates tolerate for GPU pods). */
export const GPU_TAINT_KEY = 'nvidia.com/gpu';

/** One node that takes new pods, anonymous: what it offers and what its pods have not requested yet. */
export interface NodeRoom {
  allocatable: ResourceAmounts;
  free: ResourceAmounts;
}

/** The nodes of one flavor that take new pods. */
export interface CapacityNodeGroup {
  /** Jetstream2 flavor, e.g. "g3.medium"; undefined when the node does not say. */
  flavor?: string;
  /** SU per hour of one node of this flavor; undefined when the flavor is unknown. */
  suPerHour?: number;
  /** True when the nodes carry the nvidia.com/gpu taint: only pods that tolerate it run there. */
  gpuTaint: boolean;
  nodes: NodeRoom[];
}

/** Free room on a cluster, by flavor: what a form needs to say whether a workload will fit. */
export interface ClusterCapacity {
  cluster: string;
  status: ClusterStatus;
  /** ISO time of the data; absent when the cluster was never collected. */
  collectedAt?: string;
  /** True when the data comes from the store after a restart, before fresh data arrived. */
  stale?: boolean;
  /** Nodes that take new pods (Ready, not cordoned, no taint but the GPU one), by flavor. */
  groups: CapacityNodeGroup[];
  /** Nodes that take no new pods (not Ready, cordoned, or tainted, e.g. the control plane). */
  unavailableNodes: number;
}

const BLOCKING_EFFECTS = new Set(['NoSchedule', 'NoExecute']);

/** True when the node takes new pods: Ready, not cordoned, and no blocking taint but the GPU one. */
function takesPods(node: NodeSummary): boolean {
  return (
    node.ready &&
    !node.unschedulable &&
    node.taints.every(
      t => !BLOCKING_EFFECTS.has(t.effect) || t.key === GPU_TAINT_KEY,
    )
  );
}

const hasGpuTaint = (node: NodeSummary) =>
  node.taints.some(
    t => t.key === GPU_TAINT_KEY && BLOCKING_EFFECTS.has(t.effect),
  );

const minus = (a: ResourceAmounts, b: ResourceAmounts): ResourceAmounts => ({
  cpuCores: Math.max(0, a.cpuCores - b.cpuCores),
  memoryBytes: Math.max(0, a.memoryBytes - b.memoryBytes),
  gpus: Math.max(0, a.gpus - b.gpus),
});

/** The cluster's free room from its node summaries (allocatable minus what bound pods request). */
export function clusterCapacity(
  cluster: {
    name: string;
    status: ClusterStatus;
    collectedAt?: string;
    stale?: boolean;
  },
  nodes: readonly NodeSummary[],
): ClusterCapacity {
  const groups = new Map<string, CapacityNodeGroup>();
  let unavailableNodes = 0;
  for (const node of nodes) {
    if (!takesPods(node)) {
      unavailableNodes += 1;
      continue;
    }
    const gpuTaint = hasGpuTaint(node);
    const key = `${node.flavor ?? ''}|${gpuTaint}`;
    const group = groups.get(key) ?? {
      ...(node.flavor ? { flavor: node.flavor } : {}),
      ...(node.suPerHour !== undefined ? { suPerHour: node.suPerHour } : {}),
      gpuTaint,
      nodes: [],
    };
    group.nodes.push({
      allocatable: { ...node.allocatable },
      free: minus(node.allocatable, node.requested),
    });
    groups.set(key, group);
  }
  return {
    cluster: cluster.name,
    status: cluster.status,
    ...(cluster.collectedAt ? { collectedAt: cluster.collectedAt } : {}),
    ...(cluster.stale ? { stale: true } : {}),
    groups: [...groups.values()].sort((a, b) =>
      (a.flavor ?? '').localeCompare(b.flavor ?? ''),
    ),
    unavailableNodes,
  };
}
