import {
  isHealthyVerdict,
  objectStatus,
  resourceRegistry,
  worseVerdict,
  type KubeObject,
  type KubeObjectsByKind,
  type ResourceKey,
  type WorkloadRow,
} from '@internal/plugin-jetstream2-kubernetes-common';

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
