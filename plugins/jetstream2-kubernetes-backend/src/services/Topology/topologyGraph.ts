import {
  objectStatus,
  type KubeObject,
  type TopologyEdge,
  type TopologyEdgeType,
  type TopologyNode,
  type TopologyNodeKind,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { objectFacts } from './objectFacts';

const PART_OF = 'app.kubernetes.io/part-of';
const INSTANCE = 'app.kubernetes.io/instance';

/** The id of an object's node: cluster, kind, namespace and name (none of them can hold a "/"). */
export function topologyNodeId(
  cluster: string,
  kind: string,
  namespace: string | undefined,
  name: string,
): string {
  return `${cluster}/${kind}/${namespace ?? ''}/${name}`;
}

/**
 * The nodes and edges of one entity's topology while they are being found: an object is added once, an
 * edge once per pair and type, whatever finds them first.
 */
export class TopologyGraph {
  private readonly nodes = new Map<string, TopologyNode>();
  private readonly edges = new Map<string, TopologyEdge>();

  /** The node of a live object (its verdict and status from objectStatus); the existing one if added. */
  object(
    cluster: string,
    kind: TopologyNodeKind,
    obj: KubeObject,
  ): TopologyNode {
    const namespace = obj.metadata?.namespace ?? '';
    const name = obj.metadata?.name ?? '';
    const existing = this.nodes.get(
      topologyNodeId(cluster, kind, namespace, name),
    );
    if (existing) return existing;
    const status = objectStatus(kind, obj);
    const labels = obj.metadata?.labels ?? {};
    return this.synthetic(cluster, kind, namespace, name, {
      verdict: status.verdict,
      status: status.text,
      facts: objectFacts(kind, obj),
      group: labels[PART_OF] || labels[INSTANCE] || undefined,
    });
  }

  /**
   * A node that is not a live object of the cache: a broken reference (`missing`), or a thing known only
   * from another object (a PersistentVolume from its claim, an external address from its Service).
   */
  synthetic(
    cluster: string,
    kind: TopologyNodeKind,
    namespace: string,
    name: string,
    fields: Pick<TopologyNode, 'verdict' | 'status'> &
      Partial<Pick<TopologyNode, 'note' | 'missing' | 'facts' | 'group'>>,
  ): TopologyNode {
    const id = topologyNodeId(cluster, kind, namespace, name);
    const existing = this.nodes.get(id);
    if (existing) return existing;
    const node: TopologyNode = {
      id,
      kind,
      name,
      namespace,
      cluster,
      verdict: fields.verdict,
      status: fields.status,
      facts: fields.facts ?? [],
    };
    if (fields.group) node.group = fields.group;
    if (fields.missing) node.missing = true;
    if (fields.note) node.note = fields.note;
    this.nodes.set(id, node);
    return node;
  }

  /** The node of an object another one names: the object's, or a missing one with the note. */
  reference(
    cluster: string,
    kind: TopologyNodeKind,
    found: KubeObject | undefined,
    where: { namespace: string; name: string },
    note: string,
  ): TopologyNode {
    return found
      ? this.object(cluster, kind, found)
      : this.missing(cluster, kind, where.namespace, where.name, note);
  }

  /** A referenced object that the cluster does not have. */
  missing(
    cluster: string,
    kind: TopologyNodeKind,
    namespace: string,
    name: string,
    note: string,
  ): TopologyNode {
    return this.synthetic(cluster, kind, namespace, name, {
      verdict: 'warning',
      status: 'Not found',
      note,
      missing: true,
    });
  }

  get(id: string): TopologyNode | undefined {
    return this.nodes.get(id);
  }

  edge(from: TopologyNode, to: TopologyNode, type: TopologyEdgeType) {
    const key = `${from.id}>${to.id}>${type}`;
    if (!this.edges.has(key)) {
      this.edges.set(key, { from: from.id, to: to.id, type });
    }
  }

  /** The nodes an edge of this type leads to from a node. */
  targetsOf(from: TopologyNode, type: TopologyEdgeType): TopologyNode[] {
    const targets: TopologyNode[] = [];
    for (const e of this.edges.values()) {
      if (e.from !== from.id || e.type !== type) continue;
      const node = this.nodes.get(e.to);
      if (node) targets.push(node);
    }
    return targets;
  }

  /** Adds a note to a node (several notes are joined). */
  note(node: TopologyNode, text: string) {
    node.note = node.note ? `${node.note} ${text}` : text;
  }

  result(): { nodes: TopologyNode[]; edges: TopologyEdge[] } {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}
