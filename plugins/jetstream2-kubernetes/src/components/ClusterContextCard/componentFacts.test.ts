import { clusterDetail } from '../../__testUtils__';
import { componentFacts } from './componentFacts';

describe('componentFacts', () => {
  it('reads node, kubelet, runtime and control-plane facts from the cluster detail', () => {
    const facts = Object.fromEntries(
      componentFacts(clusterDetail).map(f => [f.conceptId, f]),
    );
    expect(facts.node.fact).toBe(
      '3 of 3 ready: 1 × m3.quad, 1 × m3.medium, 1 × g3.xl',
    );
    expect(facts.node.healthy).toBe(true);
    expect(facts.kubelet.fact).toBe('Version v1.34.2 on 3 nodes');
    expect(facts['container-runtime'].fact).toContain('containerd://1.7.24');
    expect(facts['api-server'].healthy).toBe(true);
    expect(facts.etcd).toMatchObject({
      healthy: true,
      fact: 'The API server reaches etcd',
    });
    expect(facts.scheduler.healthy).toBe(true);
    expect(facts['controller-manager']).toMatchObject({ healthy: false });
  });

  it('does not crash on a detail with missing parts', () => {
    const facts = componentFacts({ name: 'x', status: 'ok' } as any);
    expect(facts).toHaveLength(8);
    expect(facts.find(f => f.conceptId === 'etcd')?.fact).toBe(
      'Not reported by the API server',
    );
  });

  const byId = (detail: any) =>
    Object.fromEntries(componentFacts(detail).map(f => [f.conceptId, f]));
  const withNodes = (patch: (n: any, i: number) => any) => ({
    ...clusterDetail,
    nodes: clusterDetail.nodes.map((n, i) => ({ ...n, ...patch(n, i) })),
  });

  it('calls kubelet, kube-proxy and the container runtime healthy on healthy nodes', () => {
    const facts = byId(
      withNodes(() => ({
        kubeProxyVersion: undefined,
        heartbeatAt: '2025-01-01T11:59:50Z',
      })),
    );
    for (const id of ['kubelet', 'kube-proxy', 'container-runtime']) {
      expect(facts[id]).toMatchObject({ healthy: true, problems: [] });
    }
    expect(facts['kube-proxy'].fact).toBe(
      'Version not reported by the nodes (Kubernetes 1.31 and later)',
    );
  });

  it('names the node and the reason for version skew beyond what Kubernetes supports', () => {
    const versions = ['v1.31.0', 'v1.30.9', 'v1.35.0'];
    const facts = byId(withNodes((_n, i) => ({ kubeletVersion: versions[i] })));
    expect(facts.kubelet.healthy).toBe(false);
    expect(facts.kubelet.problems).toEqual([
      {
        node: 'js2-demo-worker-1',
        reason:
          'kubelet v1.30.9 is 4 minor versions behind the API server v1.34.2 (at most 3 are supported)',
        guideId: 'k8s-magnum',
      },
      {
        node: 'js2-demo-gpu-1',
        reason: 'kubelet v1.35.0 is newer than the API server v1.34.2',
        guideId: 'k8s-magnum',
      },
    ]);
    expect(facts['container-runtime'].healthy).toBe(true);
  });

  it('names NotReady nodes and stale heartbeats on every node component', () => {
    const facts = byId(
      withNodes(
        (_n, i) =>
          [
            {},
            {
              ready: false,
              conditions: [
                { type: 'Ready', status: 'False', reason: 'KubeletNotReady' },
              ],
            },
            { heartbeatAt: '2025-01-01T11:50:00Z' },
          ][i] ?? {},
      ),
    );
    const expected = [
      {
        node: 'js2-demo-worker-1',
        reason: 'NotReady (KubeletNotReady)',
        guideId: 'k8s-overview',
      },
      {
        node: 'js2-demo-gpu-1',
        reason: 'last kubelet heartbeat 600 s ago',
        guideId: 'k8s-overview',
      },
    ];
    expect(facts['container-runtime'].problems).toEqual(expected);
    expect(facts.kubelet.problems).toEqual(expected);
    expect(facts['kube-proxy'].healthy).toBe(false);
  });

  it('is healthy when a component renews its Lease, and no warning without one', () => {
    const facts = byId({
      ...clusterDetail,
      controlPlane: { ...clusterDetail.controlPlane, leases: [] },
    });
    expect(facts.scheduler.healthy).toBeUndefined();
    expect(facts.scheduler.fact).toBe(
      'No leader Lease (runs without leader election)',
    );
    expect(byId(clusterDetail).scheduler.fact).toMatch(
      /^Leader js2-demo-control-plane_1 renewed its lease/,
    );
  });
});
