import type {
  ClusterDetail,
  NodeSummary,
} from '@internal/plugin-jetstream2-kubernetes-common';
import {
  nodeHealthProblems,
  skewProblems,
  type NodeProblem,
} from './nodeProblems';

/** A cluster component (Node, kubelet, etcd, ...) with what the live data says about it. */
export interface ComponentFact {
  conceptId: string;
  label: string;
  /** One line, e.g. "3 of 3 nodes ready". */
  fact: string;
  /** undefined when the data does not tell (shown neutral, never as a warning). */
  healthy?: boolean;
  /** Each node that needs a look, with the reason and the guide that helps. */
  problems?: NodeProblem[];
}

/** A node component: healthy on healthy nodes, a warning naming each node and reason otherwise. */
function nodeComponentFact(
  conceptId: string,
  label: string,
  fact: string,
  nodes: NodeSummary[],
  problems: NodeProblem[],
): ComponentFact {
  if (nodes.length === 0) return { conceptId, label, fact };
  return { conceptId, label, fact, healthy: problems.length === 0, problems };
}

function distinct(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}

function countBy(values: Array<string | undefined>): string {
  const counts = new Map<string, number>();
  for (const v of values) {
    const key = v || 'unknown flavor';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].map(([k, n]) => `${n} × ${k}`).join(', ');
}

/** Facts for the node and control-plane components, read from a cluster's detail. */
export function componentFacts(detail: ClusterDetail): ComponentFact[] {
  const nodes = detail.nodes ?? [];
  const checks = detail.controlPlane?.checks ?? [];
  const leases = detail.controlPlane?.leases ?? [];
  const versions = (
    pick: (n: (typeof nodes)[number]) => string | undefined,
    what: string,
  ) => {
    const v = distinct(nodes.map(pick));
    return v.length > 0
      ? `${what} ${v.join(', ')} on ${nodes.length} node${
          nodes.length === 1 ? '' : 's'
        }`
      : 'Not reported by the nodes';
  };
  const ready = nodes.filter(n => n.ready).length;
  const failedChecks = checks.filter(c => !c.ok);
  const etcdChecks = checks.filter(
    c => c.name === 'etcd' || c.name.startsWith('etcd'),
  );
  const lease = (
    component: string,
    conceptId: string,
    label: string,
  ): ComponentFact => {
    const l = leases.find(x => x.component === component);
    if (!l) {
      // Without leader election (one instance) there is no Lease: not a fault.
      return {
        conceptId,
        label,
        fact: 'No leader Lease (runs without leader election)',
      };
    }
    return {
      conceptId,
      label,
      healthy: l.healthy,
      fact: l.healthy
        ? `Leader ${l.holder ?? 'unknown'} renewed its lease${
            l.renewedAt
              ? ` at ${new Date(l.renewedAt).toLocaleTimeString()}`
              : ''
          }`
        : `Lease not renewed in time${
            l.holder ? ` (last leader ${l.holder})` : ''
          }`,
    };
  };
  const apiReady = detail.controlPlane?.ready;
  const collected = detail.collectedAt ? Date.parse(detail.collectedAt) : NaN;
  const now = Number.isNaN(collected) ? Date.now() : collected;
  const health = nodes.flatMap(n => nodeHealthProblems(n, now));
  return [
    {
      conceptId: 'node',
      label: 'Nodes',
      healthy: nodes.length > 0 ? ready === nodes.length : undefined,
      fact:
        nodes.length > 0
          ? `${ready} of ${nodes.length} ready: ${countBy(
              nodes.map(n => n.flavor),
            )}`
          : `${detail.readyNodeCount ?? 0} of ${detail.nodeCount ?? 0} ready`,
    },
    nodeComponentFact(
      'kubelet',
      'kubelet',
      versions(n => n.kubeletVersion, 'Version'),
      nodes,
      [
        ...health,
        ...skewProblems(
          nodes,
          'kubelet',
          n => n.kubeletVersion,
          detail.version,
        ),
      ],
    ),
    nodeComponentFact(
      'kube-proxy',
      'kube-proxy',
      nodes.some(n => n.kubeProxyVersion)
        ? versions(n => n.kubeProxyVersion, 'Version')
        : // Nodes stopped reporting it in Kubernetes 1.31; that is no fault.
          'Version not reported by the nodes (Kubernetes 1.31 and later)',
      nodes,
      [
        ...health,
        ...skewProblems(
          nodes,
          'kube-proxy',
          n => n.kubeProxyVersion,
          detail.version,
        ),
      ],
    ),
    nodeComponentFact(
      'container-runtime',
      'Container runtime',
      versions(n => n.containerRuntimeVersion, 'Runs'),
      nodes,
      health,
    ),
    {
      conceptId: 'api-server',
      label: 'API server',
      healthy: apiReady,
      fact:
        apiReady === undefined
          ? 'Readiness not reported'
          : `${apiReady ? 'Ready' : 'Not ready'}${
              detail.controlPlane?.live === false ? ', not live' : ''
            }; ${checks.length - failedChecks.length} of ${
              checks.length
            } checks pass${detail.version ? `; ${detail.version}` : ''}`,
    },
    {
      conceptId: 'etcd',
      label: 'etcd (cluster store)',
      healthy: etcdChecks.length > 0 ? etcdChecks.every(c => c.ok) : undefined,
      fact: etcdFact(etcdChecks),
    },
    lease('kube-scheduler', 'scheduler', 'Scheduler'),
    lease(
      'kube-controller-manager',
      'controller-manager',
      'Controller manager',
    ),
  ];
}

function etcdFact(checks: { ok: boolean }[]): string {
  if (checks.length === 0) return 'Not reported by the API server';
  return checks.every(c => c.ok)
    ? 'The API server reaches etcd'
    : 'The API server reports etcd failing';
}
