import type { FetchResponse } from '@backstage/plugin-kubernetes-common';
import { entityResources } from '../../resources/registry';
import type { ObjectRef } from '../../types';
import type {
  KubeObject,
  KubeObjectsByKind,
  KubeOwnerReference,
} from '../kube';
import { ref } from '../rules/helpers';

/** An entity's objects in one cluster, from the upstream FetchResponse lists the view carries. */
export function objectsByKind(resources: FetchResponse[]): KubeObjectsByKind {
  const objects: KubeObjectsByKind = {};
  for (const def of entityResources) {
    const lists = resources.filter(r => r?.type === def.upstreamType);
    if (lists.length > 0)
      objects[def.key] = lists.flatMap(
        r => (r.resources ?? []) as KubeObject[],
      );
  }
  return objects;
}

function controllerOf(obj: KubeObject): KubeOwnerReference | undefined {
  const owners = obj.metadata?.ownerReferences ?? [];
  return owners.find(o => o.controller) ?? owners[0];
}

/**
 * The workload a pod belongs to: its Deployment (through the ReplicaSet), StatefulSet, DaemonSet, or
 * CronJob (through the Job); the pod itself when nothing controls it. An owner that is not among the
 * objects still names the workload.
 */
export function workloadOf(
  pod: KubeObject,
  objects: KubeObjectsByKind,
): ObjectRef {
  const namespace = pod.metadata?.namespace;
  let current: ObjectRef = ref('Pod', pod);
  let owner = controllerOf(pod);
  for (let depth = 0; owner && depth < 3; depth++) {
    const { kind, name } = owner;
    current = { kind, name, namespace };
    const list: KubeObject[] | undefined = {
      ReplicaSet: objects.replicaSets,
      Job: objects.jobs,
    }[kind];
    const parent = list?.find(
      o => o.metadata?.name === name && o.metadata?.namespace === namespace,
    );
    owner = parent ? controllerOf(parent) : undefined;
  }
  return current;
}
