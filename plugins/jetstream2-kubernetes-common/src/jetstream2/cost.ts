/*
 * The cost model: what nodes and pods cost a Jetstream2 allocation, in service units (SU). Every node
 * costs its flavor's rate whether busy or idle; a pod costs its share of its node, the largest of its CPU,
 * memory and GPU requests over the node's allocatable. A flavor's rate is its vCPUs times its family's
 * SU per vCPU-hour: the built-in table in ./flavors.ts, or the rates a caller passes (the backend's
 * `jetstream2Kubernetes.suRates` config). A node of unknown flavor is reported by name, never counted as 0.
 * Planned clusters are costed in ./planCost.ts.
 */
import type { ClusterCost, EntityCost, ResourceAmounts } from '../types';
import type { KubeObject } from '../insights/kube';
import {
  addAmounts,
  amountsFromResourceList,
  emptyAmounts,
  podHoldsResources,
  podRequests,
} from '../insights/quantities';
import { getFlavor, suPerHour, type SuRates } from './flavors';

/** Hours in the month Jetstream2 allocations are reckoned with (365 × 24 / 12). */
export const HOURS_PER_MONTH = 730;

/** The label the cloud controller sets to the node's flavor. */
export const INSTANCE_TYPE_LABEL = 'node.kubernetes.io/instance-type';
/** The deprecated label older clusters (and Kubespray's) still carry. */
export const BETA_INSTANCE_TYPE_LABEL = 'beta.kubernetes.io/instance-type';

/** SU per month for a rate in SU per hour. */
export function suPerMonth(suPerHourRate: number): number {
  return suPerHourRate * HOURS_PER_MONTH;
}

/** The node's flavor name from its instance-type label (the beta label as fallback), if any. */
export function nodeFlavorOf(node: KubeObject): string | undefined {
  const labels = node.metadata?.labels ?? {};
  return (
    labels[INSTANCE_TYPE_LABEL] || labels[BETA_INSTANCE_TYPE_LABEL] || undefined
  );
}

/** SU per hour of the node's flavor; undefined when the flavor is missing or unknown (never 0). */
export function nodeSuPerHour(
  node: KubeObject,
  rates?: SuRates,
): number | undefined {
  const name = nodeFlavorOf(node);
  const flavor = name ? getFlavor(name) : undefined;
  return flavor ? suPerHour(flavor, 1, rates) : undefined;
}

/** The node's allocatable resources (its capacity when allocatable is not reported). */
export function nodeAllocatable(node: KubeObject): ResourceAmounts {
  return amountsFromResourceList(
    node.status?.allocatable ?? node.status?.capacity,
  );
}

/**
 * The share of a node that `requested` takes: the largest of CPU, memory and GPU requested over
 * allocatable, capped at 1. A resource the node does not offer is left out (no pod holding it can be
 * scheduled there).
 */
export function shareOfAllocatable(
  requested: ResourceAmounts,
  allocatable: ResourceAmounts,
): number {
  const ratios = (['cpuCores', 'memoryBytes', 'gpus'] as const)
    .filter(k => allocatable[k] > 0)
    .map(k => Math.max(0, requested[k]) / allocatable[k]);
  return Math.min(1, Math.max(0, ...ratios));
}

/** The pod's share of its node (0 for a pod without requests). */
export function podShareOfNode(pod: KubeObject, node: KubeObject): number {
  return shareOfAllocatable(podRequests(pod), nodeAllocatable(node));
}

/** SU per hour the pod costs on this node; undefined when the node's flavor is unknown. */
export function podSuPerHour(
  pod: KubeObject,
  node: KubeObject,
  rates?: SuRates,
): number | undefined {
  const rate = nodeSuPerHour(node, rates);
  return rate === undefined ? undefined : rate * podShareOfNode(pod, node);
}

/** One node's line in a cluster's cost. */
export interface NodeCost {
  name: string;
  flavor?: string;
  /** Undefined when the flavor is unknown. */
  suPerHour?: number;
  /** Share of the node its pods request, 0..1. */
  requestedShare: number;
}

/** A cluster's cost with one line per node. */
export type ClusterCostWithNodes = ClusterCost & { byNode: NodeCost[] };

const nameOf = (o: KubeObject) => o.metadata?.name ?? '';

/** The requests of the pods that hold resources, summed per node name. */
export function requestsByNode(
  pods: KubeObject[],
): Map<string, ResourceAmounts> {
  const byNode = new Map<string, ResourceAmounts>();
  for (const pod of pods) {
    if (!podHoldsResources(pod)) continue;
    const nodeName: string = pod.spec.nodeName;
    byNode.set(
      nodeName,
      addAmounts(byNode.get(nodeName) ?? emptyAmounts(), podRequests(pod)),
    );
  }
  return byNode;
}

/**
 * What a cluster's nodes cost: every node its flavor's rate, busy or idle. Idle is each node's rate times
 * the share of the node its pods do not request. Nodes of unknown flavor are named, not counted.
 */
export function clusterCost(
  nodes: KubeObject[],
  pods: KubeObject[],
  rates?: SuRates,
): ClusterCostWithNodes {
  const requested = requestsByNode(pods);
  let total = 0;
  let idle = 0;
  const unknownFlavorNodes: string[] = [];
  const byNode = nodes.map((node): NodeCost => {
    const name = nameOf(node);
    const rate = nodeSuPerHour(node, rates);
    const requestedShare = shareOfAllocatable(
      requested.get(name) ?? emptyAmounts(),
      nodeAllocatable(node),
    );
    if (rate === undefined) {
      unknownFlavorNodes.push(name);
    } else {
      total += rate;
      idle += rate * (1 - requestedShare);
    }
    return {
      name,
      flavor: nodeFlavorOf(node),
      suPerHour: rate,
      requestedShare,
    };
  });
  return {
    suPerHour: total,
    suPerMonth: suPerMonth(total),
    idleSuPerHour: idle,
    unknownFlavorNodes,
    byNode,
  };
}

/** One pod's cost. */
export interface PodCost {
  namespace: string;
  name: string;
  nodeName: string;
  share: number;
  suPerHour: number;
}

/** The cost of a set of pods; pods that hold no resources (pending, finished) are left out. */
export interface PodsCost {
  suPerHour: number;
  pods: PodCost[];
  /** `namespace/name` of pods on nodes of unknown flavor, or on nodes not in the map; not counted. */
  unknownFlavorPods: string[];
}

const podKey = (p: KubeObject) => `${p.metadata?.namespace ?? ''}/${nameOf(p)}`;

function toNodeLookup(
  nodes:
    | KubeObject[]
    | ReadonlyMap<string, KubeObject>
    | Record<string, KubeObject>,
): (name: string) => KubeObject | undefined {
  if (Array.isArray(nodes)) {
    const map = new Map(nodes.map(n => [nameOf(n), n]));
    return name => map.get(name);
  }
  if (nodes instanceof Map) return name => nodes.get(name);
  const record = nodes as Record<string, KubeObject>;
  return name =>
    Object.prototype.hasOwnProperty.call(record, name)
      ? record[name]
      : undefined;
}

/** Each pod's share of its node times the node's rate. */
export function podsCost(
  pods: KubeObject[],
  nodesByName:
    | KubeObject[]
    | ReadonlyMap<string, KubeObject>
    | Record<string, KubeObject>,
  rates?: SuRates,
): PodsCost {
  const nodeOf = toNodeLookup(nodesByName);
  const result: PodsCost = { suPerHour: 0, pods: [], unknownFlavorPods: [] };
  for (const pod of pods) {
    if (!podHoldsResources(pod)) continue;
    const nodeName: string = pod.spec.nodeName;
    const node = nodeOf(nodeName);
    const cost = node ? podSuPerHour(pod, node, rates) : undefined;
    if (!node || cost === undefined) {
      result.unknownFlavorPods.push(podKey(pod));
      continue;
    }
    result.suPerHour += cost;
    result.pods.push({
      namespace: pod.metadata?.namespace ?? '',
      name: nameOf(pod),
      nodeName,
      share: podShareOfNode(pod, node),
      suPerHour: cost,
    });
  }
  return result;
}

/** The workload row a pod belongs to (its controller, e.g. a Deployment). */
export interface WorkloadRef {
  kind: string;
  namespace: string;
  name: string;
}

/**
 * An entity's cost in one cluster: its pods' cost, grouped by the workload `workloadOf` names (a pod
 * without one stands for itself), highest first. `byCluster` is left for the caller to merge.
 */
export function entityCost(
  pods: KubeObject[],
  nodes: KubeObject[] | ReadonlyMap<string, KubeObject>,
  workloadOf: (pod: KubeObject) => WorkloadRef | undefined,
  rates?: SuRates,
): Omit<EntityCost, 'byCluster'> {
  const cost = podsCost(pods, nodes, rates);
  const podsByKey = new Map(pods.map(p => [podKey(p), p]));
  const rows = new Map<string, EntityCost['byWorkload'][number]>();
  for (const p of cost.pods) {
    const pod = podsByKey.get(`${p.namespace}/${p.name}`)!;
    const ref = workloadOf(pod) ?? {
      kind: 'Pod',
      namespace: p.namespace,
      name: p.name,
    };
    const key = `${ref.kind}/${ref.namespace}/${ref.name}`;
    const row = rows.get(key) ?? { ...ref, suPerHour: 0 };
    row.suPerHour += p.suPerHour;
    rows.set(key, row);
  }
  return {
    suPerHour: cost.suPerHour,
    suPerMonth: suPerMonth(cost.suPerHour),
    byWorkload: [...rows.values()].sort(
      (a, b) => b.suPerHour - a.suPerHour || a.name.localeCompare(b.name),
    ),
    unknownFlavorPods: cost.unknownFlavorPods,
  };
}
