import type { KubeObject } from '../insights/kube';
import {
  clusterCost,
  entityCost,
  HOURS_PER_MONTH,
  nodeFlavorOf,
  nodeSuPerHour,
  podsCost,
  podShareOfNode,
} from './cost';
import { resolveSuRates } from './flavors';

/** A node shaped like the local control plane's simulated Jetstream2 nodes. */
function node(
  name: string,
  flavor: string | undefined,
  allocatable: Record<string, string>,
  label = 'node.kubernetes.io/instance-type',
): KubeObject {
  return {
    kind: 'Node',
    metadata: { name, labels: flavor ? { [label]: flavor } : {} },
    status: { capacity: allocatable, allocatable },
  };
}

const m3medium = (name: string) =>
  node(name, 'm3.medium', { cpu: '8', memory: '30Gi', pods: '110' });
const m3large = (name: string) =>
  node(name, 'm3.large', { cpu: '16', memory: '60Gi', pods: '110' });
const g3medium = (name: string) =>
  node(name, 'g3.medium', {
    cpu: '8',
    memory: '30Gi',
    'nvidia.com/gpu': '1',
    pods: '110',
  });

function pod(
  name: string,
  nodeName: string | undefined,
  requests?: Record<string, string>,
  extra: { phase?: string; namespace?: string; owner?: string } = {},
): KubeObject {
  return {
    kind: 'Pod',
    metadata: {
      name,
      namespace: extra.namespace ?? 'science',
      ownerReferences: extra.owner
        ? [{ kind: 'ReplicaSet', name: extra.owner, controller: true }]
        : undefined,
    },
    spec: {
      nodeName,
      containers: [{ name: 'main', resources: requests ? { requests } : {} }],
    },
    status: { phase: extra.phase ?? 'Running' },
  };
}

/** The local cluster of tools/local-cluster/nodes.yaml. */
const localNodes = [
  m3medium('js2-demo-control-plane-0'),
  m3medium('js2-demo-worker-0'),
  m3large('js2-demo-worker-1'),
  m3large('js2-demo-worker-2'),
  g3medium('js2-demo-gpu-worker-0'),
];

describe('node rates', () => {
  it('charges m3 at 1, r3 at 2 and g3 at 4 SU per vCPU-hour', () => {
    expect(nodeSuPerHour(m3medium('a'))).toBe(8);
    expect(nodeSuPerHour(m3large('a'))).toBe(16);
    expect(nodeSuPerHour(node('a', 'r3.large', { cpu: '64' }))).toBe(128);
    expect(nodeSuPerHour(g3medium('a'))).toBe(32);
    expect(nodeSuPerHour(node('a', 'g3.xl', { cpu: '32' }))).toBe(128);
  });

  it('falls back to the beta instance-type label', () => {
    const n = node(
      'old',
      'm3.quad',
      { cpu: '4' },
      'beta.kubernetes.io/instance-type',
    );
    expect(nodeFlavorOf(n)).toBe('m3.quad');
    expect(nodeSuPerHour(n)).toBe(4);
  });

  it('prefers the GA label when both are set', () => {
    const n = m3large('both');
    n.metadata!.labels!['beta.kubernetes.io/instance-type'] = 'm3.tiny';
    expect(nodeSuPerHour(n)).toBe(16);
  });

  it('charges the rates it is given, for the families overridden', () => {
    const rates = resolveSuRates({ g3: 2 });
    expect(rates).toEqual({ m3: 1, r3: 2, g3: 2 });
    expect(nodeSuPerHour(g3medium('a'), rates)).toBe(16);
    expect(nodeSuPerHour(m3large('a'), rates)).toBe(16);
    const cost = clusterCost(localNodes, [], rates);
    // 8 + 8 + 16 + 16 + 8 × 2
    expect(cost.suPerHour).toBe(64);
    expect(cost.idleSuPerHour).toBe(64);
  });

  it.each([
    [{ h3: 1 }, /"h3" is not a Jetstream2 flavor family; use m3, r3, g3/],
    [
      { g3: 0 },
      /rate of g3 must be a number of SU per vCPU-hour above 0, got 0/,
    ],
    [{ m3: '2' }, /rate of m3 must be a number .* got "2"/],
  ])('refuses the rates %p', (overrides, message) => {
    expect(() => resolveSuRates(overrides)).toThrow(message);
  });

  it('answers undefined, never 0, for unknown or missing flavors', () => {
    expect(nodeSuPerHour(node('a', 'n1-standard-4', { cpu: '4' }))).toBe(
      undefined,
    );
    expect(nodeSuPerHour(node('a', undefined, { cpu: '4' }))).toBe(undefined);
    expect(nodeFlavorOf({ metadata: {} })).toBe(undefined);
  });
});

describe('podShareOfNode', () => {
  it('takes the largest of the CPU, memory and GPU shares', () => {
    const n = m3medium('n');
    // 2 of 8 CPUs = 0.25; 15Gi of 30Gi = 0.5
    expect(
      podShareOfNode(pod('p', 'n', { cpu: '2', memory: '15Gi' }), n),
    ).toBeCloseTo(0.5);
    // 500m of 8 = 0.0625; 1.5Gi of 30Gi = 0.05
    expect(
      podShareOfNode(pod('p', 'n', { cpu: '500m', memory: '1.5Gi' }), n),
    ).toBeCloseTo(0.0625);
  });

  it('charges a GPU pod on a g3 node for its GPU', () => {
    const n = g3medium('gpu');
    const share = podShareOfNode(
      pod('train', 'gpu', { cpu: '1', memory: '4Gi', 'nvidia.com/gpu': '1' }),
      n,
    );
    expect(share).toBe(1);
  });

  it('costs nothing for a pod without requests', () => {
    expect(podShareOfNode(pod('p', 'n'), m3medium('n'))).toBe(0);
  });

  it('caps the share at 1', () => {
    expect(podShareOfNode(pod('p', 'n', { cpu: '64' }), m3medium('n'))).toBe(1);
  });
});

describe('clusterCost', () => {
  it('makes the local cluster 80 SU per hour, all idle without pods', () => {
    const cost = clusterCost(localNodes, []);
    expect(cost.suPerHour).toBe(80);
    expect(cost.suPerMonth).toBe(80 * HOURS_PER_MONTH);
    expect(cost.suPerMonth).toBe(58400);
    expect(cost.idleSuPerHour).toBe(80);
    expect(cost.unknownFlavorNodes).toEqual([]);
    expect(cost.byNode.map(n => [n.name, n.flavor, n.suPerHour])).toEqual([
      ['js2-demo-control-plane-0', 'm3.medium', 8],
      ['js2-demo-worker-0', 'm3.medium', 8],
      ['js2-demo-worker-1', 'm3.large', 16],
      ['js2-demo-worker-2', 'm3.large', 16],
      ['js2-demo-gpu-worker-0', 'g3.medium', 32],
    ]);
  });

  it('counts idle as the share of each node its pods do not request', () => {
    const pods = [
      // worker-0: 2 + 2 of 8 CPUs = 0.5 → 4 SU/h idle of 8
      pod('a', 'js2-demo-worker-0', { cpu: '2', memory: '1Gi' }),
      pod('b', 'js2-demo-worker-0', { cpu: '2000m' }),
      // the GPU node's only GPU requested → 0 idle of 32
      pod('train', 'js2-demo-gpu-worker-0', { 'nvidia.com/gpu': '1' }),
      // finished and pending pods hold nothing
      pod('done', 'js2-demo-worker-1', { cpu: '16' }, { phase: 'Succeeded' }),
      pod('pending', undefined, { cpu: '16' }, { phase: 'Pending' }),
      // no requests: costs nothing
      pod('free', 'js2-demo-worker-2'),
    ];
    const cost = clusterCost(localNodes, pods);
    expect(cost.suPerHour).toBe(80);
    // idle: 8 (cp) + 4 + 16 + 16 + 0
    expect(cost.idleSuPerHour).toBeCloseTo(44);
    const share = Object.fromEntries(
      cost.byNode.map(n => [n.name, n.requestedShare]),
    );
    expect(share['js2-demo-worker-0']).toBeCloseTo(0.5);
    expect(share['js2-demo-gpu-worker-0']).toBe(1);
    expect(share['js2-demo-worker-1']).toBe(0);
    expect(share['js2-demo-worker-2']).toBe(0);
  });

  it('names nodes of unknown flavor and leaves them out of the sums', () => {
    const cost = clusterCost(
      [
        m3medium('known'),
        node('mystery', 'x9.huge', { cpu: '8' }),
        node('bare', undefined, { cpu: '8' }),
      ],
      [pod('p', 'mystery', { cpu: '8' })],
    );
    expect(cost.suPerHour).toBe(8);
    expect(cost.idleSuPerHour).toBe(8);
    expect(cost.unknownFlavorNodes).toEqual(['mystery', 'bare']);
    expect(cost.byNode[1]).toEqual({
      name: 'mystery',
      flavor: 'x9.huge',
      suPerHour: undefined,
      requestedShare: 1,
    });
  });
});

describe('podsCost and entityCost', () => {
  const pods = [
    pod('api-1', 'js2-demo-worker-1', { cpu: '4' }, { owner: 'api-abc' }),
    pod('api-2', 'js2-demo-worker-2', { cpu: '4' }, { owner: 'api-abc' }),
    pod(
      'train-0',
      'js2-demo-gpu-worker-0',
      { cpu: '1', 'nvidia.com/gpu': '1' },
      { owner: 'train' },
    ),
    pod('lost', 'gone-node', { cpu: '1' }),
    pod('pending', undefined, { cpu: '1' }, { phase: 'Pending' }),
  ];

  it('costs each pod its share of its node', () => {
    const cost = podsCost(pods, localNodes);
    // 4/16 × 16 + 4/16 × 16 + 1 × 32
    expect(cost.suPerHour).toBe(40);
    expect(cost.pods.map(p => [p.name, p.suPerHour])).toEqual([
      ['api-1', 4],
      ['api-2', 4],
      ['train-0', 32],
    ]);
    expect(cost.unknownFlavorPods).toEqual(['science/lost']);
  });

  it('accepts a map or a record of nodes by name', () => {
    const map = new Map(localNodes.map(n => [n.metadata!.name!, n]));
    const record = Object.fromEntries(map);
    expect(podsCost(pods, map).suPerHour).toBe(40);
    expect(podsCost(pods, record).suPerHour).toBe(40);
  });

  it('reports pods on nodes of unknown flavor', () => {
    const cost = podsCost(
      [pod('p', 'mystery', { cpu: '1' })],
      [node('mystery', 'x9.huge', { cpu: '8' })],
    );
    expect(cost).toEqual({
      suPerHour: 0,
      pods: [],
      unknownFlavorPods: ['science/p'],
    });
  });

  it('groups an entity by workload, highest first', () => {
    const cost = entityCost(pods, localNodes, p => {
      const owner = p.metadata?.ownerReferences?.[0];
      return owner
        ? { kind: 'Deployment', namespace: 'science', name: owner.name }
        : undefined;
    });
    expect(cost).toEqual({
      suPerHour: 40,
      suPerMonth: 40 * 730,
      byWorkload: [
        {
          kind: 'Deployment',
          namespace: 'science',
          name: 'train',
          suPerHour: 32,
        },
        {
          kind: 'Deployment',
          namespace: 'science',
          name: 'api-abc',
          suPerHour: 8,
        },
      ],
      unknownFlavorPods: ['science/lost'],
    });
  });

  it('lets a pod without a workload stand for itself', () => {
    const cost = entityCost(
      [pod('solo', 'js2-demo-worker-0', { memory: '15Gi' })],
      localNodes,
      () => undefined,
    );
    expect(cost.byWorkload).toEqual([
      { kind: 'Pod', namespace: 'science', name: 'solo', suPerHour: 4 },
    ]);
  });
});
