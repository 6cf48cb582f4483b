import type {
  EntityTopologyResponse,
  ObjectVerdict,
  TopologyEdge,
  TopologyNode,
} from '@internal/plugin-jetstream2-kubernetes-common';

// The topology of the fixtures' science-api (fixtures.ts): its Deployment, ReplicaSet and three pods (one
// Pending for want of CPU), its Service, a claim whose StorageClass does not exist, its nodes, and a
// LoadBalancer without an address. Shaped as the backend sends it.

const C = 'js2-demo';
const NS = 'science';

function n(
  kind: TopologyNode['kind'],
  name: string,
  verdict: ObjectVerdict,
  status: string,
  extra: Partial<TopologyNode> = {},
): TopologyNode {
  const namespace = ['Node', 'StorageClass', 'PersistentVolume'].includes(kind)
    ? ''
    : NS;
  return {
    id: `${C}/${kind}/${namespace}/${name}`,
    kind,
    name,
    namespace,
    cluster: C,
    verdict,
    status,
    facts: [],
    ...extra,
  };
}

export const topologyNodes = {
  deployment: n('Deployment', 'science-api', 'warning', '2/3 ready', {
    facts: [{ label: 'Replicas', value: '3 wanted, 2 ready' }],
  }),
  replicaSet: n('ReplicaSet', 'science-api-7d9f', 'warning', '2/3 ready'),
  pods: ['abc12', 'def34'].map(s =>
    n('Pod', `science-api-7d9f-${s}`, 'ok', 'Running', {
      facts: [{ label: 'Node', value: 'js2-demo-worker-0' }],
    }),
  ),
  pendingPod: n(
    'Pod',
    'science-api-7d9f-ghi56',
    'warning',
    'Pending: cannot be scheduled',
    { guideId: 'k8s-magnum', ruleId: 'insufficient-cpu-memory' },
  ),
  service: n('Service', 'science-api', 'ok', 'ClusterIP'),
  loadBalancer: n(
    'Service',
    'science-api-public',
    'warning',
    'LoadBalancer without address',
    { guideId: 'k8s-magnum', ruleId: 'no-external-address' },
  ),
  address: n(
    'ExternalAddress',
    'science-api-public: none yet',
    'warning',
    'No address yet',
    {
      guideId: 'k8s-magnum',
      ruleId: 'no-external-address',
      note: 'No external address yet. On Jetstream2 a LoadBalancer’s address comes from an Octavia load balancer.',
    },
  ),
  claim: n('PersistentVolumeClaim', 'results', 'warning', 'Pending', {
    guideId: 'k8s-volumes',
    ruleId: 'pvc-pending',
  }),
  storageClass: n('StorageClass', 'cinder-csi', 'warning', 'Not found', {
    missing: true,
    note: 'The StorageClass "cinder-csi" does not exist in this cluster.',
  }),
  node: n('Node', 'js2-demo-worker-0', 'ok', 'Ready', {
    flavor: 'm3.medium',
    facts: [{ label: 'Flavor', value: 'm3.medium: 8 vCPU, 30 GB RAM' }],
  }),
};

const t = topologyNodes;
const e = (
  from: TopologyNode,
  to: TopologyNode,
  type: TopologyEdge['type'],
): TopologyEdge => ({ from: from.id, to: to.id, type });

export const topologyResponse: EntityTopologyResponse = {
  entityRef: 'component:default/science-api',
  clusters: [
    { cluster: C, status: 'ok' },
    {
      cluster: 'js2-old',
      status: 'error',
      error: {
        reason: 'unauthorized',
        message: 'The application credential expired on 2024-01-01.',
        guideId: 'zonca-credentials',
      },
    },
  ],
  nodes: [
    t.deployment,
    t.replicaSet,
    ...t.pods,
    t.pendingPod,
    t.service,
    t.loadBalancer,
    t.address,
    t.claim,
    t.storageClass,
    t.node,
  ],
  edges: [
    e(t.deployment, t.replicaSet, 'owns'),
    ...[...t.pods, t.pendingPod].map(p => e(t.replicaSet, p, 'owns')),
    ...[...t.pods, t.pendingPod].map(p => e(t.service, p, 'selects')),
    ...t.pods.map(p => e(p, t.node, 'runs-on')),
    e(t.pendingPod, t.claim, 'mounts'),
    e(t.claim, t.storageClass, 'storage-class'),
    e(t.loadBalancer, t.address, 'exposes'),
  ],
  insights: [
    {
      ruleId: 'pvc-pending',
      severity: 'warning',
      title: '1 PersistentVolumeClaim waiting for storage',
      reason:
        'science/results is Pending because the StorageClass "cinder-csi" does not exist in the cluster.',
      guideId: 'k8s-volumes',
      conceptIds: ['persistent-volume-claim'],
      cluster: C,
      objects: [
        { kind: 'PersistentVolumeClaim', namespace: NS, name: 'results' },
      ],
    },
    {
      ruleId: 'insufficient-cpu-memory',
      severity: 'warning',
      title: '1 Pod cannot be scheduled',
      reason: 'science/science-api-7d9f-ghi56 waits for CPU.',
      guideId: 'k8s-magnum',
      conceptIds: ['pod'],
      cluster: C,
      objects: [{ kind: 'Pod', namespace: NS, name: 'science-api-7d9f-ghi56' }],
    },
  ],
};

/**
 * A service with `podsPerCluster` pods in each cluster, behind one Service and ReplicaSet per cluster, on
 * `nodesPerCluster` nodes; every tenth pod Pending.
 */
export function largeTopology(options: {
  clusters: string[];
  podsPerCluster: number;
  nodesPerCluster: number;
}): EntityTopologyResponse {
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  for (const cluster of options.clusters) {
    const at = (x: TopologyNode) => ({
      ...x,
      cluster,
      id: x.id.replace(`${C}/`, `${cluster}/`),
    });
    const deployment = at(t.deployment);
    const rs = at(t.replicaSet);
    const svc = at(t.service);
    const hosts = Array.from({ length: options.nodesPerCluster }, (_, i) =>
      at(
        n('Node', `worker-${i}`, 'ok', 'Ready', {
          flavor: i % 2 ? 'm3.large' : 'm3.medium',
        }),
      ),
    );
    nodes.push(deployment, rs, svc, ...hosts);
    edges.push(e(deployment, rs, 'owns'));
    for (let i = 0; i < options.podsPerCluster; i++) {
      const pending = i % 10 === 9;
      const pod = at(
        n(
          'Pod',
          `science-api-7d9f-${i}`,
          pending ? 'warning' : 'ok',
          pending ? 'Pending: cannot be scheduled' : 'Running',
        ),
      );
      nodes.push(pod);
      edges.push(e(rs, pod, 'owns'), e(svc, pod, 'selects'));
      if (!pending) edges.push(e(pod, hosts[i % hosts.length], 'runs-on'));
    }
  }
  return {
    entityRef: 'component:default/science-api',
    clusters: options.clusters.map(cluster => ({ cluster, status: 'ok' })),
    nodes,
    edges,
    insights: [],
  };
}
