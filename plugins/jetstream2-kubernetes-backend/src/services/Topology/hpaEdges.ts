import {
  resourceByKind,
  type ResourceKey,
  type TopologyNodeKind,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterTopologyInput } from './types';

/** What a HorizontalPodAutoscaler can scale and we draw. */
const SCALABLE = new Set<string>(['Deployment', 'StatefulSet', 'ReplicaSet']);

/**
 * `scales` edges from each HorizontalPodAutoscaler to the workload in its scaleTargetRef, looked up in the
 * cluster. A target that does not exist is drawn as missing; a kind we do not draw is named in a note.
 */
export function addHpaEdges(input: ClusterTopologyInput) {
  const { cluster, objects, index, graph } = input;
  for (const hpa of objects.horizontalPodAutoscalers ?? []) {
    const node = graph.object(cluster, 'HorizontalPodAutoscaler', hpa);
    const namespace = hpa.metadata?.namespace ?? '';
    const ref = hpa.spec?.scaleTargetRef;
    if (!ref?.kind || !ref?.name) {
      graph.note(node, 'It names no target to scale.');
      continue;
    }
    if (!SCALABLE.has(ref.kind)) {
      graph.note(
        node,
        `It scales a ${ref.kind} "${ref.name}", which this view does not draw.`,
      );
      continue;
    }
    const kind = ref.kind as TopologyNodeKind;
    const key = resourceByKind(kind)?.key as ResourceKey;
    const target = index.get(key, namespace, ref.name);
    const targetNode = graph.reference(
      cluster,
      kind,
      target,
      { namespace, name: ref.name },
      `The HorizontalPodAutoscaler "${node.name}" is set to scale a ${kind} "${ref.name}" that does not exist in namespace "${namespace}": it scales nothing.`,
    );
    graph.edge(node, targetNode, 'scales');
  }
}
