import {
  nodeStatus,
  type NodeSummary,
  type ObjectStatus,
} from '@internal/plugin-jetstream2-kubernetes-common';

/**
 * A node summary's status (Ready, NotReady, Cordoned) from the one status function in -common, which
 * reads a node object: the summary's conditions and cordon are all it looks at.
 */
export function nodeSummaryStatus(node: NodeSummary): ObjectStatus {
  const conditions = node.conditions ?? [];
  const hasReady = conditions.some(c => c.type === 'Ready');
  return nodeStatus({
    spec: { unschedulable: Boolean(node.unschedulable) },
    status: {
      conditions: hasReady
        ? conditions
        : [{ type: 'Ready', status: node.ready ? 'True' : 'False' }],
    },
  } as any);
}
