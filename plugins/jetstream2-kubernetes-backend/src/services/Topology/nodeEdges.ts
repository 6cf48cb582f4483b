import {
  describeGpuFraction,
  getFlavor,
  GPU_RESOURCE,
  nodeFlavorOf,
  parseQuantity,
  podRequests,
  type KubeObject,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterTopologyInput } from './types';

/** A node's GPUs in words: its flavor's A100 share, or the count it offers when the flavor is unknown. */
function gpuOfNode(node: KubeObject): string | undefined {
  const name = nodeFlavorOf(node);
  const flavor = name ? getFlavor(name) : undefined;
  if (flavor && flavor.gpuFraction > 0) {
    return `${describeGpuFraction(flavor.gpuFraction)} (${
      flavor.gpuMemoryGb
    } GB)`;
  }
  const count = parseQuantity(node.status?.allocatable?.[GPU_RESOURCE]);
  return count > 0 ? `${count} GPU${count === 1 ? '' : 's'}` : undefined;
}

/**
 * `runs-on` edges from each scheduled pod to its Node, which shows its Jetstream2 flavor and GPU share; a
 * pod that asks for GPUs says how many. A node the pod names that the cluster no longer has is drawn as
 * missing; a pod not scheduled yet has no edge.
 */
export function addNodeEdges(input: ClusterTopologyInput) {
  const { cluster, objects, index, graph } = input;
  for (const pod of objects.pods ?? []) {
    const podNode = graph.object(cluster, 'Pod', pod);
    const gpus = podRequests(pod).gpus;
    if (gpus > 0) podNode.gpu = `${gpus} GPU${gpus === 1 ? '' : 's'}`;
    const nodeName: string | undefined = pod.spec?.nodeName;
    if (!nodeName) continue;
    const node = index.get('nodes', undefined, nodeName);
    if (!node) {
      graph.edge(
        podNode,
        graph.missing(
          cluster,
          'Node',
          '',
          nodeName,
          `The pod "${podNode.name}" was placed on a node "${nodeName}" that the cluster no longer has (removed or scaled down): the pod is lost, and its controller, if it has one, makes a new one elsewhere.`,
        ),
        'runs-on',
      );
      continue;
    }
    const target = graph.object(cluster, 'Node', node);
    const flavor = nodeFlavorOf(node);
    if (flavor) target.flavor = flavor;
    const gpu = gpuOfNode(node);
    if (gpu) target.gpu = gpu;
    graph.edge(podNode, target, 'runs-on');
  }
}
