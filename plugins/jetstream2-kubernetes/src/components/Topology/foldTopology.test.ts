import {
  largeTopology,
  topologyResponse,
} from '../../__testUtils__/topologyFixtures';
import { foldPanel } from './foldTopology';
import { groupTopology } from './groupTopology';

describe('foldPanel', () => {
  it('leaves a small service as it is', () => {
    const [panel] = groupTopology(topologyResponse);
    const folded = foldPanel(panel, new Set());
    expect(folded.nodes).toEqual(panel.nodes);
    expect(folded.edges).toHaveLength(panel.edges.length);
    expect(folded.openFolds).toEqual([]);
  });

  it('folds 200 pods into one count per ReplicaSet and 12 nodes into one per flavor, keeping every kind of edge', () => {
    const panels = groupTopology(
      largeTopology({
        clusters: ['js2-a'],
        podsPerCluster: 200,
        nodesPerCluster: 12,
      }),
    );
    const folded = foldPanel(panels[0], new Set());
    const pods = folded.nodes.filter(n => n.kind === 'Pod');
    expect(pods).toHaveLength(1);
    expect(pods[0]).toMatchObject({
      name: '200 pods',
      verdict: 'warning',
      status: '180 Running, 20 Pending: cannot be scheduled',
      fold: { count: 200, of: 'of ReplicaSet science-api-7d9f' },
    });
    const hosts = folded.nodes.filter(n => n.kind === 'Node');
    expect(hosts.map(h => [h.name, h.flavor]).sort()).toEqual([
      ['6 nodes', 'm3.large'],
      ['6 nodes', 'm3.medium'],
    ]);
    const kinds = (id: string) => folded.nodes.find(n => n.id === id)!.kind;
    expect(
      folded.edges.map(e => `${kinds(e.from)} ${e.type} ${kinds(e.to)}`).sort(),
    ).toEqual([
      'Deployment owns ReplicaSet',
      'Pod runs-on Node',
      'Pod runs-on Node',
      'ReplicaSet owns Pod',
      'Service selects Pod',
    ]);
    expect(folded.nodes.length).toBeLessThan(10);
  });

  it('opens one fold on request, and says which folds are open', () => {
    const [panel] = groupTopology(
      largeTopology({
        clusters: ['js2-a'],
        podsPerCluster: 30,
        nodesPerCluster: 3,
      }),
    );
    const foldId = foldPanel(panel, new Set()).nodes.find(n => n.fold)!.id;
    const open = foldPanel(panel, new Set([foldId]));
    expect(open.nodes.filter(n => n.kind === 'Pod')).toHaveLength(30);
    expect(open.openFolds).toEqual([foldId]);
  });

  it('folds pods without an owner by the node they run on', () => {
    const [panel] = groupTopology(
      largeTopology({
        clusters: ['js2-a'],
        podsPerCluster: 30,
        nodesPerCluster: 2,
      }),
    );
    const bare = {
      ...panel,
      edges: panel.edges.filter(e => e.type !== 'owns'),
    };
    const folds = foldPanel(bare, new Set()).nodes.filter(n => n.fold);
    expect(folds.map(f => f.fold!.of).sort()).toEqual([
      'not placed on a node yet',
      'on Node worker-0',
      'on Node worker-1',
    ]);
  });
});
