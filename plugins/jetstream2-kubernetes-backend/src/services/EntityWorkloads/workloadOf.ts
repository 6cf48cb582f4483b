import type {
  KubeObject,
  ResourceKey,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ObjectIndex } from '../ClusterCollector/objectIndex';

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
