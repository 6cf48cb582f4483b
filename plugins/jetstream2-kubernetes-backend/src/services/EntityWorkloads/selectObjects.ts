import type { FetchResponse } from '@backstage/plugin-kubernetes-common';
import {
  matchesLabelSelector,
  type ClusterObjects,
  type KubeObject,
  type LabelRequirement,
  type WorkloadRow,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** Object lists an entity can own, with the upstream FetchResponse type they are returned as. */
export const entityObjectTypes = [
  ['pods', 'pods'],
  ['services', 'services'],
  ['deployments', 'deployments'],
  ['replicaSets', 'replicasets'],
  ['horizontalPodAutoscalers', 'horizontalpodautoscalers'],
  ['jobs', 'jobs'],
  ['cronJobs', 'cronjobs'],
  ['ingresses', 'ingresses'],
  ['statefulSets', 'statefulsets'],
  ['daemonSets', 'daemonsets'],
  ['persistentVolumeClaims', 'persistentvolumeclaims'],
] as const satisfies readonly (readonly [
  keyof ClusterObjects,
  FetchResponse['type'],
])[];

/**
 * The entity's objects in one cluster, with the upstream plugin's rules: label selector on every object
 * type, optionally limited to one namespace. Used for our routes, and shaped so that it could back
 * upstream's kubernetesObjectsProviderExtensionPoint.
 */
export function selectEntityObjects(
  objects: ClusterObjects,
  requirements: LabelRequirement[],
  namespace?: string,
): ClusterObjects {
  const selected: ClusterObjects = {};
  for (const [key] of entityObjectTypes) {
    const list = objects[key];
    if (!list) continue;
    selected[key] = list.filter(
      o =>
        (!namespace || o.metadata?.namespace === namespace) &&
        matchesLabelSelector(requirements, o.metadata?.labels),
    );
  }
  return selected;
}

/** The selected objects as upstream FetchResponse[], which the upstream Kubernetes components render. */
export function toFetchResponses(selected: ClusterObjects): FetchResponse[] {
  return entityObjectTypes.map(
    ([key, type]) =>
      ({ type, resources: (selected[key] ?? []) as any[] } as FetchResponse),
  );
}

function readyStatus(ready: number | undefined, wanted: number | undefined) {
  const r = ready ?? 0;
  const w = wanted ?? 0;
  return { status: `${r}/${w} ready`, healthy: r >= w };
}

/** A short status and health of one workload object, for the merged rows. */
export function workloadStatus(
  kind: string,
  o: KubeObject,
): { status: string; healthy: boolean } {
  const s = o.status ?? {};
  switch (kind) {
    case 'Deployment':
    case 'StatefulSet':
      return readyStatus(s.readyReplicas, o.spec?.replicas ?? 1);
    case 'DaemonSet':
      return readyStatus(s.numberReady, s.desiredNumberScheduled);
    case 'Job': {
      const conds = s.conditions ?? [];
      if (conds.some((c: any) => c.type === 'Failed' && c.status === 'True')) {
        return { status: 'Failed', healthy: false };
      }
      if (
        conds.some((c: any) => c.type === 'Complete' && c.status === 'True')
      ) {
        return { status: 'Complete', healthy: true };
      }
      return { status: `${s.active ?? 0} active`, healthy: true };
    }
    case 'CronJob':
      return {
        status: o.spec?.suspend
          ? 'Suspended'
          : `Schedule ${o.spec?.schedule ?? ''}`.trim(),
        healthy: true,
      };
    case 'Service': {
      const type = o.spec?.type ?? 'ClusterIP';
      if (type === 'LoadBalancer') {
        const ing = s.loadBalancer?.ingress ?? [];
        return ing.length
          ? {
              status: `LoadBalancer ${ing[0].ip ?? ing[0].hostname}`,
              healthy: true,
            }
          : { status: 'LoadBalancer without address', healthy: false };
      }
      return { status: type, healthy: true };
    }
    case 'Ingress': {
      const ing = s.loadBalancer?.ingress ?? [];
      return ing.length
        ? { status: `Address ${ing[0].ip ?? ing[0].hostname}`, healthy: true }
        : { status: 'No address', healthy: false };
    }
    case 'PersistentVolumeClaim':
      return { status: s.phase ?? 'Pending', healthy: s.phase === 'Bound' };
    case 'Pod': {
      const phase = s.phase ?? 'Unknown';
      return {
        status: phase,
        healthy: phase === 'Running' || phase === 'Succeeded',
      };
    }
    default:
      return { status: 'Present', healthy: true };
  }
}

const rowKinds: [keyof ClusterObjects, string][] = [
  ['deployments', 'Deployment'],
  ['statefulSets', 'StatefulSet'],
  ['daemonSets', 'DaemonSet'],
  ['cronJobs', 'CronJob'],
  ['jobs', 'Job'],
  ['pods', 'Pod'],
  ['services', 'Service'],
  ['ingresses', 'Ingress'],
  ['persistentVolumeClaims', 'PersistentVolumeClaim'],
];

/**
 * One row per kind/namespace/name across clusters. Pods and Jobs that a controller owns are left to their
 * controller's row; when clusters disagree, the status names each cluster.
 */
export function mergeWorkloadRows(
  perCluster: { cluster: string; objects: ClusterObjects }[],
): WorkloadRow[] {
  const rows = new Map<string, WorkloadRow & { perCluster: string[] }>();
  for (const { cluster, objects } of perCluster) {
    for (const [key, kind] of rowKinds) {
      for (const o of objects[key] ?? []) {
        if (
          (kind === 'Pod' || kind === 'Job') &&
          (o.metadata?.ownerReferences ?? []).some(r => r.controller)
        ) {
          continue;
        }
        const namespace = o.metadata?.namespace ?? '';
        const name = o.metadata?.name ?? '';
        const id = `${kind}/${namespace}/${name}`;
        const { status, healthy } = workloadStatus(kind, o);
        const row = rows.get(id);
        if (!row) {
          rows.set(id, {
            kind,
            namespace,
            name,
            clusters: [cluster],
            status,
            healthy,
            perCluster: [`${cluster}: ${status}`],
          });
        } else {
          row.clusters.push(cluster);
          row.perCluster.push(`${cluster}: ${status}`);
          if (row.status !== status) row.status = row.perCluster.join('; ');
          row.healthy = row.healthy && healthy;
        }
      }
    }
  }
  return [...rows.values()].map(({ perCluster: _p, ...row }) => row);
}
