import {
  worseVerdict,
  type TopologyEdge,
  type TopologyNode,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { compareNodes, type TopologyPanel } from './groupTopology';

/** Beyond these counts in one panel, pods fold per owner (or node) and nodes per flavor. */
export const FOLD_LIMITS = { pods: 24, nodes: 8 };

/** A node standing for several objects of one kind, drawn as one until it is expanded. */
export interface FoldInfo {
  count: number;
  /** What the members share, in words: "of ReplicaSet api-555f698fc9", "on m3.medium nodes". */
  of: string;
  memberIds: string[];
}

export type ViewNode = TopologyNode & { fold?: FoldInfo };

export interface FoldedPanel {
  nodes: ViewNode[];
  edges: TopologyEdge[];
  /** The folds of this panel that are open (the panel offers to fold them again). */
  openFolds: string[];
}

/** "46 Running, 2 Pending": how many members show each status, most first. */
function statusSummary(nodes: TopologyNode[]): string {
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.status, (counts.get(n.status) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
}

function foldNode(
  id: string,
  kind: 'Pod' | 'Node',
  members: TopologyNode[],
  of: string,
): ViewNode {
  const worst = members.reduce<TopologyNode>(
    (w, n) => (worseVerdict(n.verdict, w.verdict) === n.verdict ? n : w),
    members[0],
  );
  const withGuide = members.find(n => n.guideId && n.verdict === worst.verdict);
  const node: ViewNode = {
    id,
    kind,
    name: `${members.length} ${kind === 'Pod' ? 'pods' : 'nodes'}`,
    namespace: kind === 'Pod' ? members[0].namespace : '',
    cluster: members[0].cluster,
    verdict: worst.verdict,
    status: statusSummary(members),
    facts: [],
    fold: { count: members.length, of, memberIds: members.map(m => m.id) },
  };
  if (withGuide?.guideId) {
    node.guideId = withGuide.guideId;
    node.ruleId = withGuide.ruleId;
  }
  if (kind === 'Node') {
    if (members[0].flavor) node.flavor = members[0].flavor;
    if (members[0].gpu) node.gpu = members[0].gpu;
  }
  return node;
}

/**
 * A panel as drawn: with more pods than FOLD_LIMITS.pods, each owner's pods (a pod without an owner: the
 * pods of its node) become one node with their count and worst verdict; with more nodes than
 * FOLD_LIMITS.nodes, nodes of one flavor become one. A fold whose id is in `expanded` stays open. Edges
 * to folded objects go to their fold, once per pair and type.
 */
export function foldPanel(
  panel: TopologyPanel,
  expanded: ReadonlySet<string>,
  limits = FOLD_LIMITS,
): FoldedPanel {
  const byId = new Map(panel.nodes.map(n => [n.id, n]));
  const groups = new Map<string, { members: TopologyNode[]; of: string }>();
  const join = (foldId: string, of: string, n: TopologyNode) => {
    const g = groups.get(foldId) ?? { members: [], of };
    g.members.push(n);
    groups.set(foldId, g);
  };
  const pods = panel.nodes.filter(n => n.kind === 'Pod');
  if (pods.length > limits.pods) {
    for (const pod of pods) {
      const owner = panel.edges.find(e => e.to === pod.id && e.type === 'owns');
      const host = panel.edges.find(
        e => e.from === pod.id && e.type === 'runs-on',
      );
      const by = byId.get(owner?.from ?? host?.to ?? '');
      const of = by
        ? `${owner ? 'of' : 'on'} ${by.kind} ${by.name}`
        : 'not placed on a node yet';
      join(`fold:${panel.id}:pods:${by?.id ?? 'unplaced'}`, of, pod);
    }
  }
  const hosts = panel.nodes.filter(n => n.kind === 'Node');
  if (hosts.length > limits.nodes) {
    for (const host of hosts) {
      const flavor = host.flavor ?? 'unknown flavor';
      join(`fold:${panel.id}:nodes:${flavor}`, `${flavor} nodes`, host);
    }
  }
  const foldOf = new Map<string, string>();
  const folds: ViewNode[] = [];
  const openFolds: string[] = [];
  for (const [foldId, { members, of }] of groups) {
    if (members.length < 2) continue;
    if (expanded.has(foldId)) {
      openFolds.push(foldId);
      continue;
    }
    const kind = members[0].kind === 'Node' ? 'Node' : 'Pod';
    folds.push(foldNode(foldId, kind, members, of));
    for (const m of members) foldOf.set(m.id, foldId);
  }
  const edges = new Map<string, TopologyEdge>();
  for (const e of panel.edges) {
    const from = foldOf.get(e.from) ?? e.from;
    const to = foldOf.get(e.to) ?? e.to;
    edges.set(`${from}>${to}>${e.type}`, { from, to, type: e.type });
  }
  return {
    nodes: [...panel.nodes.filter(n => !foldOf.has(n.id)), ...folds].sort(
      compareNodes,
    ),
    edges: [...edges.values()],
    openFolds,
  };
}
