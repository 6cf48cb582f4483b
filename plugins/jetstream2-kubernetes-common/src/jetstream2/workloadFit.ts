/*
 * Will a new workload fit on a cluster now, and what will it cost? A pure function over the cluster's
 * free room (./capacity.ts) that the deploy and JupyterHub forms run: how many of the pods the free room
 * takes, which resource runs short, and the pods' share of the nodes they would run on, in SU.
 */
import type { ResourceAmounts } from '../types';
import type { CapacityNodeGroup, ClusterCapacity, NodeRoom } from './capacity';
import { shareOfAllocatable } from './cost';

/** The pods of a new workload, all alike. */
export interface WorkloadRequest {
  /** How many pods (a Deployment's replicas; 1 for one JupyterHub server). */
  replicas: number;
  /** What each pod requests. */
  perPod: ResourceAmounts;
  /** True when the pods tolerate the nvidia.com/gpu taint (the templates add it to GPU pods). */
  toleratesGpuTaint: boolean;
  /** Only nodes of this flavor (a node selector on the instance type), e.g. "g3.large". */
  flavor?: string;
}

/** The answer: how many pods fit now, what is free, and what they cost. */
export interface WorkloadFit {
  cluster: string;
  replicas: number;
  /** Pods the free room takes now, at most `replicas`. */
  fitting: number;
  /** GPUs free and in all on the nodes that take the pods; set for GPU requests only. */
  gpus?: { free: number; total: number };
  /** Estimated SU per hour of all the pods; undefined when no node of known flavor takes them. */
  suPerHour?: number;
  /** `fits` when every pod has room now, `pending` when some would wait. */
  verdict: 'fits' | 'pending';
  /** One line a person reads, e.g. "0 of 1 GPU free on js2-demo: this will stay Pending". */
  message: string;
}

const RESOURCES = ['gpus', 'cpuCores', 'memoryBytes'] as const;
type Resource = (typeof RESOURCES)[number];

function groupTakes(group: CapacityNodeGroup, request: WorkloadRequest) {
  if (request.flavor !== undefined && group.flavor !== request.flavor)
    return false;
  return !group.gpuTaint || request.toleratesGpuTaint;
}

/** Pods of this shape one node can still take (Infinity for pods that request nothing). */
function podsOnNode(node: NodeRoom, perPod: ResourceAmounts): number {
  let n = Infinity;
  for (const r of RESOURCES) {
    if (perPod[r] > 0) n = Math.min(n, Math.floor(node.free[r] / perPod[r]));
  }
  return Math.max(0, n);
}

function pendingPhrase(replicas: number, fitting: number): string {
  if (replicas === 1) return 'this will stay Pending';
  if (fitting === 0) return `all ${replicas} pods will stay Pending`;
  return `${replicas - fitting} of ${replicas} pods will stay Pending`;
}

const GiB = 2 ** 30;
const amount = (r: Resource, n: number) => {
  if (r === 'memoryBytes')
    return `${(n / GiB).toLocaleString('en-US', {
      maximumFractionDigits: 1,
    })} GiB of memory`;
  const value = n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (r === 'cpuCores') return `${value} CPU core${n === 1 ? '' : 's'}`;
  return `${value} GPU${n === 1 ? '' : 's'}`;
};

/** The resource that limits the pods most on the nodes that take them. */
function shortest(nodes: NodeRoom[], perPod: ResourceAmounts): Resource {
  let worst: Resource = 'cpuCores';
  let least = Infinity;
  for (const r of RESOURCES) {
    if (perPod[r] <= 0) continue;
    const pods = nodes.reduce(
      (sum, n) => sum + Math.floor(n.free[r] / perPod[r]),
      0,
    );
    if (pods < least) [least, worst] = [pods, r];
  }
  return worst;
}

/** The cheapest share of a node of a known flavor that takes one pod, in SU per hour. */
function costPerPod(
  groups: CapacityNodeGroup[],
  perPod: ResourceAmounts,
): number | undefined {
  const costs = groups.flatMap(g =>
    g.suPerHour === undefined || g.nodes.length === 0
      ? []
      : [g.suPerHour * shareOfAllocatable(perPod, g.nodes[0].allocatable)],
  );
  return costs.length ? Math.min(...costs) : undefined;
}

/** How many of the workload's pods fit on the cluster now, why the others wait, and their cost. */
export function fitWorkload(
  capacity: ClusterCapacity,
  request: WorkloadRequest,
): WorkloadFit {
  const { perPod, replicas } = request;
  const cluster = capacity.cluster;
  const wantsGpu = perPod.gpus > 0;
  const groups = capacity.groups
    .filter(g => groupTakes(g, request))
    .map(g => ({
      ...g,
      nodes: g.nodes.filter(n => n.allocatable.gpus >= perPod.gpus),
    }))
    .filter(g => g.nodes.length > 0);
  const nodes = groups.flatMap(g => g.nodes);
  const fitting = Math.min(
    replicas,
    nodes.reduce((sum, n) => sum + podsOnNode(n, perPod), 0),
  );
  const suPerHour = costPerPod(groups, perPod);
  const base = {
    cluster,
    replicas,
    fitting,
    verdict: fitting >= replicas ? ('fits' as const) : ('pending' as const),
    ...(suPerHour !== undefined ? { suPerHour: suPerHour * replicas } : {}),
  };
  const what = request.flavor ? `${request.flavor} ` : '';
  if (nodes.length === 0) {
    const kind = wantsGpu
      ? `${what || 'GPU '}node`
      : `${what}node that takes new pods`;
    return {
      ...base,
      ...(wantsGpu ? { gpus: { free: 0, total: 0 } } : {}),
      message: `${cluster} has no ${kind}: ${pendingPhrase(replicas, 0)}`,
    };
  }
  const outcome =
    fitting >= replicas
      ? `room for ${replicas === 1 ? 'it' : `all ${replicas} pods`}`
      : pendingPhrase(replicas, fitting);
  if (wantsGpu) {
    const free = nodes.reduce((s, n) => s + n.free.gpus, 0);
    const total = nodes.reduce((s, n) => s + n.allocatable.gpus, 0);
    return {
      ...base,
      gpus: { free, total },
      message: `${free} of ${total} ${what}GPU${
        total === 1 ? '' : 's'
      } free on ${cluster}: ${outcome}`,
    };
  }
  const freeOf = (r: Resource) => nodes.reduce((s, n) => s + n.free[r], 0);
  if (fitting >= replicas) {
    return {
      ...base,
      message: `Fits on ${cluster}: ${amount(
        'cpuCores',
        freeOf('cpuCores'),
      )} and ${amount(
        'memoryBytes',
        freeOf('memoryBytes'),
      )} free on the nodes that take it`,
    };
  }
  const short = shortest(nodes, perPod);
  return {
    ...base,
    message: `Room for ${fitting} of ${replicas} pods on ${cluster}, ${amount(
      short,
      freeOf(short),
    )} free: ${pendingPhrase(replicas, fitting)}`,
  };
}
