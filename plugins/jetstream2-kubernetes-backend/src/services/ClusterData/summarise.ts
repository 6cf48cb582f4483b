import {
  addAmounts,
  clusterCost,
  nodeFlavorOf,
  nodeStatus,
  nodeSuPerHour,
  resourceRegistry,
  amountsFromResourceList,
  emptyAmounts,
  evaluateInsights,
  podHoldsResources,
  podRequests,
  type ClusterDetail,
  type ClusterSummary,
  type ControlPlaneLease,
  type KubeObject,
  type NodeSummary,
  type ResourceAmounts,
  type SuRates,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterSnapshot } from '../ClusterCollector/types';

const ROLE_PREFIX = 'node-role.kubernetes.io/';

function iso(value: unknown): string | undefined {
  if (!value) return undefined;
  return value instanceof Date ? value.toISOString() : String(value);
}

/** Requests and pod counts of the pods holding resources, by node name. */
function usageByNode(pods: KubeObject[]) {
  const byNode = new Map<
    string,
    { requested: ResourceAmounts; podCount: number }
  >();
  for (const pod of pods) {
    if (!podHoldsResources(pod)) continue;
    const nodeName = pod.spec.nodeName as string;
    const entry = byNode.get(nodeName) ?? {
      requested: emptyAmounts(),
      podCount: 0,
    };
    entry.requested = addAmounts(entry.requested, podRequests(pod));
    entry.podCount += 1;
    byNode.set(nodeName, entry);
  }
  return byNode;
}

export function summariseNode(
  node: KubeObject,
  usage: { requested: ResourceAmounts; podCount: number } | undefined,
  heartbeatAt?: string,
  usageNow?: ResourceAmounts,
  rates?: SuRates,
): NodeSummary {
  const labels = node.metadata?.labels ?? {};
  const info = node.status?.nodeInfo ?? {};
  const { ready, unschedulable } = nodeStatus(node);
  const summary: NodeSummary = {
    name: node.metadata?.name ?? '',
    flavor: nodeFlavorOf(node),
    roles: Object.keys(labels)
      .filter(l => l.startsWith(ROLE_PREFIX))
      .map(l => l.slice(ROLE_PREFIX.length))
      .filter(Boolean)
      .sort(),
    ready,
    unschedulable,
    capacity: amountsFromResourceList(node.status?.capacity),
    allocatable: amountsFromResourceList(node.status?.allocatable),
    requested: usage?.requested ?? emptyAmounts(),
    podCount: usage?.podCount ?? 0,
    kubeletVersion: info.kubeletVersion || undefined,
    kubeProxyVersion: info.kubeProxyVersion || undefined,
    containerRuntimeVersion: info.containerRuntimeVersion || undefined,
    osImage: info.osImage || undefined,
    conditions: (node.status?.conditions ?? []).map((c: any) => ({
      type: c.type,
      status: c.status,
      reason: c.reason || undefined,
      message: c.message || undefined,
    })),
    taints: (node.spec?.taints ?? []).map((t: any) => ({
      key: t.key,
      value: t.value || undefined,
      effect: t.effect,
    })),
  };
  if (heartbeatAt) summary.heartbeatAt = heartbeatAt;
  const rate = nodeSuPerHour(node, rates);
  if (rate !== undefined) summary.suPerHour = rate;
  if (usageNow) summary.usage = usageNow;
  return summary;
}

/** Control-plane leader-election leases (kube-system) with whether they are being renewed. */
export function summariseLeases(
  leases: KubeObject[],
  now: Date,
): ControlPlaneLease[] {
  return leases
    .map(lease => {
      const spec = lease.spec ?? {};
      const labels = lease.metadata?.labels ?? {};
      const component =
        labels['apiserver.kubernetes.io/identity'] ??
        lease.metadata?.name ??
        '';
      const renewedAt = iso(spec.renewTime);
      const durationMs = (spec.leaseDurationSeconds ?? 15) * 1000;
      const healthy =
        renewedAt !== undefined &&
        Date.parse(renewedAt) + durationMs >= now.getTime();
      return {
        component,
        holder: spec.holderIdentity || undefined,
        renewedAt,
        healthy,
      };
    })
    .sort((a, b) => a.component.localeCompare(b.component));
}

/** The kinds counted in a cluster's workload counts (from the resource registry). */
const COUNTED = resourceRegistry.filter(d => 'counted' in d && d.counted);

function age(collectedAt: string | undefined, now: Date): number | undefined {
  if (!collectedAt) return undefined;
  return Math.max(
    0,
    Math.round((now.getTime() - Date.parse(collectedAt)) / 1000),
  );
}

export function summariseCluster(
  snap: ClusterSnapshot,
  now: Date = new Date(),
  rates?: SuRates,
): ClusterSummary {
  return toSummary(snap, summariseNodes(snap, rates), now, rates);
}

function summariseNodes(snap: ClusterSnapshot, rates?: SuRates): NodeSummary[] {
  const usage = usageByNode(snap.objects.pods ?? []);
  const heartbeats = new Map<string, string | undefined>(
    (snap.objects.nodeLeases ?? []).map(l => [
      l.metadata?.name ?? '',
      iso(l.spec?.renewTime),
    ]),
  );
  return (snap.objects.nodes ?? [])
    .map(n =>
      summariseNode(
        n,
        usage.get(n.metadata?.name ?? ''),
        heartbeats.get(n.metadata?.name ?? ''),
        snap.nodeUsage?.get(n.metadata?.name ?? ''),
        rates,
      ),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

function toSummary(
  snap: ClusterSnapshot,
  nodes: NodeSummary[],
  now: Date,
  rates?: SuRates,
): ClusterSummary {
  const sum = (pick: (n: NodeSummary) => ResourceAmounts) =>
    nodes.reduce((acc, n) => addAmounts(acc, pick(n)), emptyAmounts());
  const summary: ClusterSummary = {
    name: snap.name,
    status: snap.status,
    nodeCount: nodes.length,
    readyNodeCount: nodes.filter(n => n.ready).length,
    capacity: sum(n => n.capacity),
    allocatable: sum(n => n.allocatable),
    requested: sum(n => n.requested),
    podCount: (snap.objects.pods ?? []).length,
  };
  const cost = clusterCost(
    snap.objects.nodes ?? [],
    snap.objects.pods ?? [],
    rates,
  );
  summary.cost = {
    suPerHour: cost.suPerHour,
    suPerMonth: cost.suPerMonth,
    idleSuPerHour: cost.idleSuPerHour,
    unknownFlavorNodes: cost.unknownFlavorNodes,
  };
  if (snap.unreachableSince) summary.unreachableSince = snap.unreachableSince;
  if (snap.title) summary.title = snap.title;
  if (snap.version) summary.version = snap.version;
  if (snap.error) summary.error = snap.error;
  if (snap.collectedAt) {
    summary.collectedAt = snap.collectedAt;
    summary.ageSeconds = age(snap.collectedAt, now);
  }
  return summary;
}

export function detailCluster(
  snap: ClusterSnapshot,
  now: Date = new Date(),
  rates?: SuRates,
): ClusterDetail {
  const nodes = summariseNodes(snap, rates);
  const workloadCounts: Record<string, number> = {};
  for (const def of COUNTED) {
    workloadCounts[def.kind] = (snap.objects[def.key] ?? []).length;
  }
  return {
    ...toSummary(snap, nodes, now, rates),
    nodes,
    controlPlane: {
      ...snap.controlPlane,
      leases: summariseLeases(snap.objects.leases ?? [], now),
    },
    namespaces: (snap.objects.namespaces ?? [])
      .map(n => n.metadata?.name ?? '')
      .sort(),
    workloadCounts,
    insights: evaluateInsights({
      cluster: snap.name,
      clusterError: snap.error,
      objects: snap.objects,
      scope: 'cluster',
    }),
  };
}
