import {
  resourceByKind,
  type KubeObject,
  type ResourceKey,
  type TopologyNode,
  type TopologyNodeKind,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterTopologyInput } from './types';

/** The kinds a controller can be in the topology (what makes ReplicaSets, Jobs and Pods). */
const OWNER_KINDS = new Set<string>([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Job',
  'ReplicaSet',
]);

/** Owners are followed up at most this far (CronJob → Job → Pod is two). */
const MAX_DEPTH = 4;

function controllerOf(obj: KubeObject) {
  return (obj.metadata?.ownerReferences ?? []).find(r => r.controller);
}

/**
 * `owns` edges from ownerReferences: Deployment → ReplicaSet → Pod, CronJob → Job → Pod, StatefulSet and
 * DaemonSet → Pod. An owner is looked up in the cluster's cache (it may carry other labels than its pods);
 * one that is gone is drawn as missing, with what that means for the object it left behind.
 */
export function addOwnerEdges(
  input: ClusterTopologyInput,
  children: Array<{ kind: TopologyNodeKind; obj: KubeObject }>,
) {
  const { cluster, index, graph } = input;
  for (const child of children) {
    let node: TopologyNode = graph.object(cluster, child.kind, child.obj);
    let obj: KubeObject = child.obj;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const ref = controllerOf(obj);
      if (!ref || !OWNER_KINDS.has(ref.kind)) break;
      const kind = ref.kind as TopologyNodeKind;
      const namespace = obj.metadata?.namespace ?? '';
      const key = resourceByKind(kind)?.key as ResourceKey;
      const owner = index.get(key, namespace, ref.name);
      if (!owner) {
        const gone = graph.missing(
          cluster,
          kind,
          namespace,
          ref.name,
          `The ${kind} "${ref.name}" that made this ${node.kind} is not in the cluster. Kubernetes deletes what a deleted owner leaves behind, so expect this ${node.kind} to go too; if it stays, nothing replaces it when it fails.`,
        );
        graph.edge(gone, node, 'owns');
        break;
      }
      const ownerNode = graph.object(cluster, kind, owner);
      graph.edge(ownerNode, node, 'owns');
      node = ownerNode;
      obj = owner;
    }
  }
}

/**
 * The ReplicaSets worth drawing: those that want pods or still have some. A Deployment keeps its older
 * revisions scaled to zero; they are counted on the Deployment's node instead of drawn.
 */
export function liveReplicaSets(input: ClusterTopologyInput): KubeObject[] {
  const { cluster, objects, graph } = input;
  const withPods = new Set<string>();
  for (const pod of objects.pods ?? []) {
    const ref = controllerOf(pod);
    if (ref?.kind === 'ReplicaSet') withPods.add(ref.name);
  }
  const idleByOwner = new Map<string, number>();
  const live: KubeObject[] = [];
  for (const rs of objects.replicaSets ?? []) {
    const wanted = rs.spec?.replicas ?? 1;
    if (wanted > 0 || withPods.has(rs.metadata?.name ?? '')) {
      live.push(rs);
      continue;
    }
    const owner = controllerOf(rs);
    if (owner?.kind === 'Deployment') {
      idleByOwner.set(owner.name, (idleByOwner.get(owner.name) ?? 0) + 1);
    }
  }
  for (const [name, count] of idleByOwner) {
    const deployment = (objects.deployments ?? []).find(
      d => d.metadata?.name === name,
    );
    if (!deployment) continue;
    graph.object(cluster, 'Deployment', deployment).facts.push({
      label: 'Older revisions',
      value: `${count} ReplicaSet${
        count === 1 ? '' : 's'
      } scaled to zero (not drawn)`,
    });
  }
  return live;
}
