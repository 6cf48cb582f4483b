import type {
  EntityTopologyResponse,
  TopologyEdge,
  TopologyNode,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** One drawing of the topology: the objects of one cluster and namespace (and app, where labelled). */
export interface TopologyPanel {
  id: string;
  cluster: string;
  namespace: string;
  /** The app.kubernetes.io/part-of (or instance) label most of the panel's objects carry. */
  group?: string;
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

/** The order of kinds in a panel (and so the keyboard's): what sends traffic first, what runs it last. */
const KIND_ORDER = [
  'Ingress',
  'Service',
  'ExternalAddress',
  'HorizontalPodAutoscaler',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Job',
  'ReplicaSet',
  'Pod',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StorageClass',
  'Node',
];

export function compareNodes(a: TopologyNode, b: TopologyNode): number {
  return (
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    a.name.localeCompare(b.name)
  );
}

/** The most common value (ties: the first in alphabetical order), or undefined for none. */
function mostCommon(values: Array<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  )[0]?.[0];
}

/**
 * Splits the topology into panels by cluster and namespace, and within a namespace by the app label
 * (part-of, or instance) of each connected set of objects, so edges never cross panels. Objects outside
 * namespaces (nodes, storage classes, volumes) are drawn in every panel that points to them. Panels
 * follow the response's cluster order, then namespace and app.
 */
export function groupTopology(
  topology: EntityTopologyResponse,
): TopologyPanel[] {
  const byId = new Map(topology.nodes.map(n => [n.id, n]));
  const namespaced = (n?: TopologyNode) => Boolean(n && n.namespace);
  // connected sets of namespaced objects (union-find)
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  for (const n of topology.nodes) if (namespaced(n)) parent.set(n.id, n.id);
  for (const e of topology.edges) {
    if (namespaced(byId.get(e.from)) && namespaced(byId.get(e.to))) {
      parent.set(root(e.from), root(e.to));
    }
  }
  const members = new Map<string, TopologyNode[]>();
  for (const n of topology.nodes) {
    if (!namespaced(n)) continue;
    const r = root(n.id);
    members.set(r, [...(members.get(r) ?? []), n]);
  }
  const panels = new Map<string, TopologyPanel>();
  const panelOf = new Map<string, TopologyPanel>();
  for (const set of members.values()) {
    const { cluster, namespace } = set[0];
    const group = mostCommon(set.map(n => n.group));
    const id = `${cluster}/${namespace}/${group ?? ''}`;
    let panel = panels.get(id);
    if (!panel) {
      panel = { id, cluster, namespace, nodes: [], edges: [] };
      if (group) panel.group = group;
      panels.set(id, panel);
    }
    panel.nodes.push(...set);
    for (const n of set) panelOf.set(n.id, panel);
  }
  for (const e of topology.edges) {
    const panel = panelOf.get(e.from) ?? panelOf.get(e.to);
    if (!panel) continue;
    panel.edges.push(e);
    for (const id of [e.from, e.to]) {
      const n = byId.get(id);
      if (n && !namespaced(n) && !panel.nodes.includes(n)) panel.nodes.push(n);
    }
  }
  const clusterOrder = topology.clusters.map(c => c.cluster);
  return [...panels.values()]
    .map(p => ({ ...p, nodes: [...p.nodes].sort(compareNodes) }))
    .sort(
      (a, b) =>
        clusterOrder.indexOf(a.cluster) - clusterOrder.indexOf(b.cluster) ||
        a.namespace.localeCompare(b.namespace) ||
        (a.group ?? '\uffff').localeCompare(b.group ?? '\uffff'),
    );
}
