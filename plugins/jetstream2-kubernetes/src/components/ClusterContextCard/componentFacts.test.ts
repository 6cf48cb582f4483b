import { clusterDetail } from '../../testUtils';
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
});
