import type { ConceptPresence } from '../types';
import { clusterObjectKinds } from './kube';
import type { ClusterObjects, KubeObject } from './kube';

/** The concept id that explains each collected kind (ids of the concept catalogue). */
export const conceptIdByKind: Record<string, string> = {
  Node: 'node',
  Namespace: 'namespace',
  Pod: 'pod',
  Deployment: 'deployment',
  ReplicaSet: 'replicaset',
  StatefulSet: 'statefulset',
  DaemonSet: 'daemonset',
  Job: 'job',
  CronJob: 'cronjob',
  Service: 'service',
  Ingress: 'ingress',
  PersistentVolumeClaim: 'persistent-volume-claim',
  HorizontalPodAutoscaler: 'horizontal-pod-autoscaler',
  Event: 'event',
  Lease: 'lease',
  StorageClass: 'storage-class',
};

/** The order concepts are listed in: workloads first, then networking, storage, scaling, cluster. */
const presenceOrder: (keyof ClusterObjects)[] = [
  'pods',
  'deployments',
  'replicaSets',
  'statefulSets',
  'daemonSets',
  'jobs',
  'cronJobs',
  'services',
  'ingresses',
  'persistentVolumeClaims',
  'horizontalPodAutoscalers',
  'nodes',
  'namespaces',
];

export function pluralKind(kind: string, n: number): string {
  if (n === 1) return kind;
  return kind.endsWith('s') ? `${kind}es` : `${kind}s`;
}

function readyOf(
  ready: number | undefined,
  wanted: number | undefined,
): string {
  const w = wanted ?? 0;
  const r = ready ?? 0;
  if (w === 0) return 'Scaled to zero';
  return r >= w ? 'Ready' : 'Not ready';
}

/** A short state of one object, used to group counts: "Running", "Pending", "Ready", "Bound", ... */
export function objectState(kind: string, obj: KubeObject): string {
  const s = obj.status ?? {};
  switch (kind) {
    case 'Pod': {
      const statuses = [
        ...(s.initContainerStatuses ?? []),
        ...(s.containerStatuses ?? []),
      ];
      if (
        statuses.some(
          (c: any) => c.state?.waiting?.reason === 'CrashLoopBackOff',
        )
      ) {
        return 'CrashLoopBackOff';
      }
      if (obj.metadata?.deletionTimestamp) return 'Terminating';
      return s.phase ?? 'Unknown';
    }
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet':
      return readyOf(s.readyReplicas, obj.spec?.replicas ?? 1);
    case 'DaemonSet':
      return readyOf(s.numberReady, s.desiredNumberScheduled);
    case 'Job': {
      const conds = s.conditions ?? [];
      if (conds.some((c: any) => c.type === 'Complete' && c.status === 'True'))
        return 'Complete';
      if (conds.some((c: any) => c.type === 'Failed' && c.status === 'True'))
        return 'Failed';
      return s.active ? 'Running' : 'Pending';
    }
    case 'CronJob':
      return obj.spec?.suspend ? 'Suspended' : 'Scheduled';
    case 'Service':
      return obj.spec?.type ?? 'ClusterIP';
    case 'Ingress':
      return (s.loadBalancer?.ingress ?? []).length > 0
        ? 'Has address'
        : 'No address';
    case 'PersistentVolumeClaim':
      return s.phase ?? 'Pending';
    case 'HorizontalPodAutoscaler':
      return `${s.currentReplicas ?? 0} replicas`;
    case 'Node': {
      const ready = (s.conditions ?? []).some(
        (c: any) => c.type === 'Ready' && c.status === 'True',
      );
      if (!ready) return 'NotReady';
      return obj.spec?.unschedulable ? 'Cordoned' : 'Ready';
    }
    case 'Namespace':
      return s.phase ?? 'Active';
    default:
      return 'Present';
  }
}

/** "3 Pods: 2 Running, 1 Pending" */
export function presenceSummary(
  kind: string,
  count: number,
  states: Record<string, number>,
): string {
  const parts = Object.entries(states)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([state, n]) => `${n} ${state}`);
  return `${count} ${pluralKind(kind, count)}: ${parts.join(', ')}`;
}

/** Which concepts the objects show, with counts by state; kinds without objects are left out. */
export function computeConceptPresence(
  objects: ClusterObjects,
): ConceptPresence[] {
  const result: ConceptPresence[] = [];
  for (const list of presenceOrder) {
    const items = objects[list] ?? [];
    const kind = clusterObjectKinds[list];
    if (items.length === 0) continue;
    const states: Record<string, number> = {};
    for (const item of items) {
      const state = objectState(kind, item);
      states[state] = (states[state] ?? 0) + 1;
    }
    result.push({
      conceptId: conceptIdByKind[kind],
      kind,
      count: items.length,
      states,
      summary: presenceSummary(kind, items.length, states),
    });
  }
  return result;
}

/** Adds up presences of the same kind (e.g. one entity in several clusters). */
export function mergeConceptPresence(
  lists: ConceptPresence[][],
): ConceptPresence[] {
  const byKind = new Map<string, ConceptPresence>();
  for (const list of lists) {
    for (const p of list) {
      const existing = byKind.get(p.kind);
      if (!existing) {
        byKind.set(p.kind, { ...p, states: { ...p.states } });
        continue;
      }
      existing.count += p.count;
      for (const [state, n] of Object.entries(p.states)) {
        existing.states[state] = (existing.states[state] ?? 0) + n;
      }
      existing.summary = presenceSummary(
        existing.kind,
        existing.count,
        existing.states,
      );
    }
  }
  return [...byKind.values()];
}
