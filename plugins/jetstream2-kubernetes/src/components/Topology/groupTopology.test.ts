import type {
  EntityTopologyResponse,
  TopologyNode,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { topologyResponse } from '../../__testUtils__/topologyFixtures';
import { groupTopology } from './groupTopology';

const node = (
  cluster: string,
  kind: TopologyNode['kind'],
  namespace: string,
  name: string,
  group?: string,
): TopologyNode => ({
  id: `${cluster}/${kind}/${namespace}/${name}`,
  kind,
  name,
  namespace,
  cluster,
  verdict: 'ok',
  status: 'Running',
  facts: [],
  ...(group ? { group } : {}),
});

describe('groupTopology', () => {
  it('draws one panel per cluster and namespace, with the nodes and classes each one points to', () => {
    const panels = groupTopology(topologyResponse);
    expect(panels.map(p => p.id)).toEqual(['js2-demo/science/']);
    const [panel] = panels;
    expect(panel.edges).toHaveLength(topologyResponse.edges.length);
    // traffic first, then workloads, then what they use: the keyboard's order too
    expect(panel.nodes.map(n => n.kind)).toEqual([
      'Service',
      'Service',
      'ExternalAddress',
      'Deployment',
      'ReplicaSet',
      'Pod',
      'Pod',
      'Pod',
      'PersistentVolumeClaim',
      'StorageClass',
      'Node',
    ]);
  });

  it('splits a namespace by app label, copies a shared node into both, and follows the cluster order', () => {
    const a1 = node('js2-b', 'Pod', 'lab', 'a-1', 'analysis');
    const a2 = node('js2-b', 'Pod', 'lab', 'a-2');
    const aSvc = node('js2-b', 'Service', 'lab', 'a', 'analysis');
    const w1 = node('js2-b', 'Pod', 'lab', 'w-1', 'web');
    const shared = node('js2-b', 'Node', '', 'worker-0');
    const other = node('js2-a', 'Pod', 'lab', 'x-1');
    const topology: EntityTopologyResponse = {
      entityRef: 'component:default/lab',
      clusters: [
        { cluster: 'js2-a', status: 'ok' },
        { cluster: 'js2-b', status: 'ok' },
      ],
      nodes: [a1, a2, aSvc, w1, shared, other],
      edges: [
        { from: aSvc.id, to: a1.id, type: 'selects' },
        { from: aSvc.id, to: a2.id, type: 'selects' },
        { from: a1.id, to: shared.id, type: 'runs-on' },
        { from: w1.id, to: shared.id, type: 'runs-on' },
      ],
      insights: [],
    };
    const panels = groupTopology(topology);
    expect(panels.map(p => [p.id, p.group, p.nodes.map(n => n.name)])).toEqual([
      ['js2-a/lab/', undefined, ['x-1']],
      ['js2-b/lab/analysis', 'analysis', ['a', 'a-1', 'a-2', 'worker-0']],
      ['js2-b/lab/web', 'web', ['w-1', 'worker-0']],
    ]);
    // every edge is drawn once, in the panel of its namespaced end
    expect(panels.flatMap(p => p.edges)).toHaveLength(4);
  });
});
