import {
  compareSeverity,
  insightRules,
  MAX_OBJECTS_PER_INSIGHT,
  type Insight,
  type InsightDraft,
  type InsightInput,
  type TopologyNode,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { topologyNodeId } from './topologyGraph';

/**
 * Runs the insight rules on one cluster's share of the entity (the same input as the entity's view) and
 * puts the guide of each problem found (warnings and errors) on the nodes of the objects it names, the most
 * severe first; a LoadBalancer
 * Service's "none yet" address gets its Service's guide too. Returns the insights (objects capped as on
 * the entity's view), for the reasons the side panel shows.
 */
export function putGuidesOnNodes(
  input: InsightInput & { cluster: string },
  nodeOf: (id: string) => TopologyNode | undefined,
  addressesOf: (serviceNode: TopologyNode) => TopologyNode[],
): Insight[] {
  const wide = input.clusterWide ?? input.objects;
  // Information (a JupyterHub is present, an HPA exists) names no problem: only warnings and errors.
  const drafts: InsightDraft[] = insightRules
    .flatMap(rule => rule.evaluate(input, wide))
    .filter(draft => draft.severity !== 'info')
    .sort((a, b) => compareSeverity(a.severity, b.severity));
  for (const draft of drafts) {
    for (const ref of draft.objects) {
      const node = nodeOf(
        topologyNodeId(input.cluster, ref.kind, ref.namespace, ref.name),
      );
      if (!node) continue;
      const targets = [
        node,
        ...(node.kind === 'Service' ? addressesOf(node) : []),
      ];
      for (const target of targets) {
        if (target.guideId) continue;
        target.guideId = draft.guideId;
        target.ruleId = draft.ruleId;
      }
    }
  }
  return drafts.map(draft => ({
    ...draft,
    cluster: input.cluster,
    objects: draft.objects.slice(0, MAX_OBJECTS_PER_INSIGHT),
  }));
}
