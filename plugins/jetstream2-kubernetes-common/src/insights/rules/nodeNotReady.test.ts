import { node, pod } from '../__fixtures__/objects';
import { evaluateInsights } from './index';

describe('nodeNotReady rule', () => {
  it('sends NotReady and cordoned nodes to zonca-softscale', () => {
    const [insight] = evaluateInsights({
      objects: {
        nodes: [
          node('a', { ready: false }),
          node('b', { unschedulable: true }),
          node('c'),
        ],
      },
    });
    expect(insight).toMatchObject({
      ruleId: 'node-not-ready',
      guideId: 'zonca-softscale',
      severity: 'error',
    });
    expect(insight.objects.map(o => o.name)).toEqual(['a', 'b']);
    expect(insight.reason).toContain('NotReady');
    expect(insight.reason).toContain('cordoned');
  });

  it('warns about cordoned nodes that are otherwise ready', () => {
    const [insight] = evaluateInsights({
      objects: {
        nodes: [
          node('a', { unschedulable: true }),
          node('b', { unschedulable: true }),
        ],
      },
    });
    expect(insight).toMatchObject({
      ruleId: 'node-not-ready',
      severity: 'warning',
      title: '2 nodes cordoned',
    });
    expect(insight.reason).toContain('a, b are cordoned');
    expect(insight.reason).not.toContain('NotReady');
  });

  it('counts a NotReady node that is also cordoned once, as NotReady', () => {
    const [insight] = evaluateInsights({
      objects: { nodes: [node('a', { ready: false, unschedulable: true })] },
    });
    expect(insight.title).toBe('1 node not ready');
    expect(insight.objects).toEqual([{ kind: 'Node', name: 'a' }]);
    expect(insight.reason).not.toContain('cordoned (unschedulable)');
  });

  it('says nothing when every node is ready and schedulable', () => {
    expect(
      evaluateInsights({ objects: { nodes: [node('a'), node('b')] } }),
    ).toEqual([]);
  });

  it('for an entity, judges only the nodes its pods run on', () => {
    const nodes = [node('a', { ready: false }), node('b')];
    const onB = evaluateInsights({
      scope: 'entity',
      objects: { pods: [pod('x', { nodeName: 'b' })] },
      clusterWide: { nodes },
    });
    expect(onB).toEqual([]);
    const onA = evaluateInsights({
      scope: 'entity',
      objects: { pods: [pod('x', { nodeName: 'a' })] },
      clusterWide: { nodes },
    });
    expect(onA.map(i => i.ruleId)).toEqual(['node-not-ready']);
  });

  it('for an entity without pods on nodes, judges no node', () => {
    expect(
      evaluateInsights({
        scope: 'entity',
        objects: { pods: [pod('p', { phase: 'Pending' })] },
        clusterWide: { nodes: [node('a', { ready: false })] },
      }),
    ).toEqual([]);
  });
});
