import type { FetchResponse } from '@backstage/plugin-kubernetes-common';
import {
  entityResources,
  objectStatus,
  resourceRegistry,
  worseVerdict,
  isHealthyVerdict,
  type KubeObjectsByKind,
  type KubeObject,
  type LabelRequirement,
  type ObjectEvent,
  type ResourceKey,
  type WorkloadRow,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ObjectIndex } from '../ClusterCollector/objectIndex';

/**
 * The entity's objects in one cluster, with the upstream plugin's rules: label selector on every type an
 * entity can own, optionally limited to one namespace. Reads the cluster's label index, so it touches only
 * the candidates.
 */
export function selectEntityObjects(
  index: ObjectIndex,
  requirements: LabelRequirement[],
  namespace?: string,
): KubeObjectsByKind {
  const selected: KubeObjectsByKind = {};
  for (const def of entityResources) {
    selected[def.key] = index.select(def.key, requirements, namespace);
  }
  return selected;
}

/** The selected objects as upstream FetchResponse[], which the upstream Kubernetes components render. */
export function toFetchResponses(
  selected: KubeObjectsByKind,
  types: readonly string[] = entityResources.map(d => d.upstreamType),
): FetchResponse[] {
  return entityResources
    .filter(d => types.includes(d.upstreamType))
    .map(
      d =>
        ({
          type: d.upstreamType,
          resources: (selected[d.key] ?? []) as any[],
        } as FetchResponse),
    );
}

const rowTypes = resourceRegistry.filter(
  d => 'workloadRow' in d && d.workloadRow,
);

function controlled(o: KubeObject): boolean {
  return (o.metadata?.ownerReferences ?? []).some(r => r.controller);
}

/**
 * One row per kind/namespace/name across clusters. Pods and Jobs that a controller owns are left to their
 * controller's row; when clusters disagree, the status names each cluster and the verdict is the worst.
 */
export function mergeWorkloadRows(
  perCluster: { cluster: string; objects: KubeObjectsByKind }[],
): WorkloadRow[] {
  const rows = new Map<string, WorkloadRow & { perCluster: string[] }>();
  for (const { cluster, objects } of perCluster) {
    for (const def of rowTypes) {
      for (const o of objects[def.key as ResourceKey] ?? []) {
        if ((def.kind === 'Pod' || def.kind === 'Job') && controlled(o))
          continue;
        const namespace = o.metadata?.namespace ?? '';
        const name = o.metadata?.name ?? '';
        const id = `${def.kind}/${namespace}/${name}`;
        const { text, verdict } = objectStatus(def.kind, o);
        const row = rows.get(id);
        if (!row) {
          rows.set(id, {
            kind: def.kind,
            namespace,
            name,
            clusters: [cluster],
            status: text,
            verdict,
            healthy: isHealthyVerdict(verdict),
            perCluster: [`${cluster}: ${text}`],
          });
        } else {
          row.clusters.push(cluster);
          row.perCluster.push(`${cluster}: ${text}`);
          if (row.status !== text) row.status = row.perCluster.join('; ');
          row.verdict = worseVerdict(row.verdict, verdict);
          row.healthy = isHealthyVerdict(row.verdict);
        }
      }
    }
  }
  return [...rows.values()].map(({ perCluster: _p, ...row }) => row);
}

/** The workload a pod belongs to: its controller, followed up through ReplicaSets and Jobs. */
export function workloadOf(
  index: ObjectIndex,
  pod: KubeObject,
): { kind: string; namespace: string; name: string } | undefined {
  const namespace = pod.metadata?.namespace ?? '';
  let owner = (pod.metadata?.ownerReferences ?? []).find(r => r.controller);
  if (!owner) return undefined;
  const parentKey: Record<string, ResourceKey> = {
    ReplicaSet: 'replicaSets',
    Job: 'jobs',
  };
  const key = parentKey[owner.kind];
  if (key) {
    const parent = index.get(key, namespace, owner.name);
    const up = (parent?.metadata?.ownerReferences ?? []).find(
      r => r.controller,
    );
    if (up) owner = up;
  }
  return { kind: owner.kind, namespace, name: owner.name };
}

/** All events about the selected objects, newest first. */
export function eventsOf(
  cluster: string,
  index: ObjectIndex,
  selected: KubeObjectsByKind,
): ObjectEvent[] {
  const events: ObjectEvent[] = [];
  for (const def of entityResources) {
    for (const o of selected[def.key] ?? []) {
      const name = o.metadata?.name ?? '';
      const namespace = o.metadata?.namespace;
      for (const e of index.eventsAbout(def.kind, namespace, name) as any[]) {
        const last =
          e.series?.lastObservedTime ??
          e.lastTimestamp ??
          e.eventTime ??
          e.metadata?.creationTimestamp;
        events.push({
          cluster,
          type: e.type ?? 'Normal',
          reason: e.reason ?? '',
          message: e.message ?? e.note ?? '',
          object: { kind: def.kind, namespace, name },
          count: e.count ?? e.series?.count ?? 1,
          lastSeen: last ? new Date(last).toISOString() : undefined,
        });
      }
    }
  }
  return events.sort((a, b) =>
    (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''),
  );
}

/** The raw events about the selected objects (for the insight rules). */
export function rawEventsOf(
  index: ObjectIndex,
  selected: KubeObjectsByKind,
): KubeObject[] {
  const events: KubeObject[] = [];
  for (const def of entityResources) {
    for (const o of selected[def.key] ?? []) {
      events.push(
        ...index.eventsAbout(
          def.kind,
          o.metadata?.namespace,
          o.metadata?.name ?? '',
        ),
      );
    }
  }
  return events;
}
