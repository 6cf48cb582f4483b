/*
 * What scaling a cluster down would change: which worker nodes could go because the other nodes have room
 * for their pods' requests, and the SU per hour that saves. Every node is billed busy or idle, so a node
 * removed is the only saving; its pods must fit elsewhere. First fit, largest pods first, emptiest nodes
 * first; requests only (affinities, taints and disruption budgets are not checked), so it is an estimate
 * that says so.
 */
import type { KubeObject } from '../insights/kube';
import {
  emptyAmounts,
  podHoldsResources,
  podRequests,
} from '../insights/quantities';
import { isNodeReady } from '../resources/status';
import type { ResourceAmounts } from '../types';
import {
  nodeAllocatable,
  nodeFlavorOf,
  nodeSuPerHour,
  requestsByNode,
  shareOfAllocatable,
} from '../jetstream2/cost';
import type { SuRates } from '../jetstream2/flavors';

/** A node that could be removed. */
export interface RemovableNode {
  name: string;
  flavor?: string;
  suPerHour: number;
  /** Pods that would move to the other nodes (DaemonSet pods go with the node). */
  podsMoved: number;
}

export interface ScaleDownPlan {
  nodes: RemovableNode[];
  savingsSuPerHour: number;
}

const CONTROL_PLANE_ROLES = [
  'node-role.kubernetes.io/control-plane',
  'node-role.kubernetes.io/master',
];

const isControlPlane = (node: KubeObject) =>
  CONTROL_PLANE_ROLES.some(l => l in (node.metadata?.labels ?? {}));

const ownedByDaemonSet = (pod: KubeObject) =>
  (pod.metadata?.ownerReferences ?? []).some(o => o.kind === 'DaemonSet');

const fits = (need: ResourceAmounts, free: ResourceAmounts) =>
  need.cpuCores <= free.cpuCores + 1e-9 &&
  need.memoryBytes <= free.memoryBytes + 1e-9 &&
  need.gpus <= free.gpus + 1e-9;

const minus = (a: ResourceAmounts, b: ResourceAmounts): ResourceAmounts => ({
  cpuCores: a.cpuCores - b.cpuCores,
  memoryBytes: a.memoryBytes - b.memoryBytes,
  gpus: a.gpus - b.gpus,
});

/** Room left on a node, and the requests of the pods that would move with a drain. */
interface Room {
  free: ResourceAmounts;
  movable: ResourceAmounts[];
}

/** Places the pods on the other nodes' room (first fit, largest first); the rooms after, or undefined. */
function place(
  pods: ResourceAmounts[],
  rooms: Map<string, Room>,
): Map<string, Room> | undefined {
  const after = new Map(
    [...rooms].map(([name, r]) => [name, { ...r, movable: [...r.movable] }]),
  );
  const largestFirst = [...pods].sort(
    (a, b) =>
      b.gpus - a.gpus ||
      b.cpuCores - a.cpuCores ||
      b.memoryBytes - a.memoryBytes,
  );
  for (const need of largestFirst) {
    const target = [...after.values()].find(r => fits(need, r.free));
    if (!target) return undefined;
    target.free = minus(target.free, need);
    target.movable.push(need);
  }
  return after;
}

/** Control-plane nodes and nodes that refuse new pods (NoSchedule taints, cordoned) take no moved pods. */
const takesPods = (node: KubeObject) =>
  !isControlPlane(node) &&
  !node.spec?.unschedulable &&
  !(node.spec?.taints ?? []).some(
    (t: { effect?: string }) => t.effect === 'NoSchedule',
  );

/**
 * The worker nodes that could be removed one after another, each only if the remaining nodes have room for
 * its pods (including those moved to it before), and the SU per hour saved. Control-plane nodes, nodes that
 * take no new pods or are not ready, and nodes of unknown flavor are kept, and never receive pods.
 */
export function planScaleDown(
  nodes: KubeObject[],
  pods: KubeObject[],
  rates?: SuRates,
): ScaleDownPlan {
  const nameOf = (o: KubeObject) => o.metadata?.name ?? '';
  const requested = requestsByNode(pods);
  const podsOf = new Map<string, KubeObject[]>();
  for (const pod of pods) {
    if (!podHoldsResources(pod) || ownedByDaemonSet(pod)) continue;
    const list = podsOf.get(pod.spec.nodeName) ?? [];
    list.push(pod);
    podsOf.set(pod.spec.nodeName, list);
  }
  let rooms = new Map<string, Room>();
  for (const node of nodes) {
    if (!isNodeReady(node) || !takesPods(node)) continue;
    const name = nameOf(node);
    rooms.set(name, {
      free: minus(nodeAllocatable(node), requested.get(name) ?? emptyAmounts()),
      movable: (podsOf.get(name) ?? []).map(podRequests),
    });
  }
  const candidates = nodes
    .filter(n => rooms.has(nameOf(n)))
    .map(n => ({
      node: n,
      rate: nodeSuPerHour(n, rates),
      share: shareOfAllocatable(
        requested.get(nameOf(n)) ?? emptyAmounts(),
        nodeAllocatable(n),
      ),
    }))
    .filter((c): c is typeof c & { rate: number } => c.rate !== undefined)
    .sort((a, b) => a.share - b.share || b.rate - a.rate);

  const removed: RemovableNode[] = [];
  for (const { node, rate } of candidates) {
    const name = nameOf(node);
    const others = new Map(rooms);
    const moving = others.get(name)!.movable;
    others.delete(name);
    if (others.size === 0) break;
    const after = place(moving, others);
    if (!after) continue;
    rooms = after;
    removed.push({
      name,
      flavor: nodeFlavorOf(node),
      suPerHour: rate,
      podsMoved: moving.length,
    });
  }
  return {
    nodes: removed,
    savingsSuPerHour: removed.reduce((sum, n) => sum + n.suPerHour, 0),
  };
}
