import { idleCapacity } from './idleCapacity';

const node = (name: string, flavor: string, cpu: string, memory: string) => ({
  metadata: {
    name,
    labels: { 'node.kubernetes.io/instance-type': flavor },
  },
  status: { allocatable: { cpu, memory } },
});

const pod = (nodeName: string, cpu: string, memory: string) => ({
  metadata: { name: `p-${nodeName}-${cpu}`, namespace: 'n' },
  spec: {
    nodeName,
    containers: [{ name: 'c', resources: { requests: { cpu, memory } } }],
  },
  status: { phase: 'Running' },
});

describe('idleCapacity', () => {
  const nodes = [
    node('a', 'm3.medium', '8', '30Gi'),
    node('b', 'm3.medium', '8', '30Gi'),
  ];

  it('suggests the autoscaler guide when most of the burn is unrequested', () => {
    const [insight] = idleCapacity.evaluate(
      { objects: { nodes, pods: [pod('a', '1', '1Gi')] } },
      {},
    );
    expect(insight).toMatchObject({
      ruleId: 'idle-capacity',
      severity: 'info',
      guideId: 'k8s-magnum',
    });
    // 16 SU/h, 1 of 8 cores requested on one node: 15 SU/h idle
    expect(insight.title).toBe("94% of the cluster's SU burn is idle capacity");
    expect(insight.reason).toContain('15 of 16 SU per hour');
  });

  it('stays quiet on a busy cluster, for an entity, and without nodes or pods', () => {
    const busy = [pod('a', '6', '20Gi'), pod('b', '5', '20Gi')];
    expect(
      idleCapacity.evaluate({ objects: { nodes, pods: busy } }, {}),
    ).toEqual([]);
    expect(
      idleCapacity.evaluate(
        { objects: { nodes, pods: [] }, scope: 'entity' },
        {},
      ),
    ).toEqual([]);
    expect(idleCapacity.evaluate({ objects: { nodes } }, {})).toEqual([]);
    expect(idleCapacity.evaluate({ objects: { pods: busy } }, {})).toEqual([]);
  });
});
