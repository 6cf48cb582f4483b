import { nodeStatus } from '../../resources/status';
import { listNames, plural, ref, verb } from './helpers';
import type { InsightRule } from './types';

/**
 * NotReady or cordoned nodes: every node of a cluster, or for an entity only the nodes its pods run on.
 * An error when a node is NotReady, a warning when nodes are only cordoned.
 */
export const nodeNotReady: InsightRule = {
  ruleIds: ['node-not-ready'],
  evaluate(input, wide) {
    let nodes = wide.nodes ?? [];
    if (input.scope === 'entity') {
      const used = new Set(
        (input.objects.pods ?? []).map(p => p.spec?.nodeName).filter(Boolean),
      );
      nodes = nodes.filter(n => used.has(n.metadata?.name));
    }
    const statuses = nodes.map(n => ({ node: n, status: nodeStatus(n) }));
    const notReady = statuses
      .filter(s => !s.status.ready)
      .map(s => ref('Node', s.node));
    const cordoned = statuses
      .filter(s => s.status.ready && s.status.unschedulable)
      .map(s => ref('Node', s.node));
    if (notReady.length === 0 && cordoned.length === 0) return [];
    const parts: string[] = [];
    if (notReady.length > 0) {
      parts.push(`${listNames(notReady)} ${verb(notReady.length)} NotReady`);
    }
    if (cordoned.length > 0) {
      parts.push(
        `${listNames(cordoned)} ${verb(
          cordoned.length,
        )} cordoned (unschedulable)`,
      );
    }
    return [
      {
        ruleId: 'node-not-ready',
        severity: notReady.length > 0 ? 'error' : 'warning',
        title:
          notReady.length > 0
            ? `${plural(notReady.length, 'node')} not ready`
            : `${plural(cordoned.length, 'node')} cordoned`,
        reason: `${parts.join(
          '; ',
        )}. If a node was shelved or drained on purpose, the soft-scaling guide shows how to unshelve and uncordon it; otherwise check its kubelet and the VM in Horizon.`,
        guideId: 'zonca-softscale',
        conceptIds: ['node', 'cordon-drain', 'kubelet'],
        objects: [...notReady, ...cordoned],
      },
    ];
  },
};
