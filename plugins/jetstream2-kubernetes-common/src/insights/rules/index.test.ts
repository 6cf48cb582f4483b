import {
  deployment,
  hpa,
  node,
  pod,
  pvc,
  service,
  storageClass,
} from '../__fixtures__/objects';
import { getConcept, getGuide } from '../../catalogue';
import {
  evaluateInsights,
  type InsightDraft,
  insightRules,
  MAX_OBJECTS_PER_INSIGHT,
} from './index';

const readyNodes = [node('js2-demo-worker-1'), node('js2-demo-worker-2')];

/** An input that fires every rule. */
function everything() {
  return evaluateInsights({
    clusterError: { reason: 'forbidden', message: 'x' },
    objects: {
      nodes: [node('a', { ready: false })],
      pods: [
        pod('c', { crashLoop: true }),
        pod('g', { phase: 'Pending', requests: { 'nvidia.com/gpu': '1' } }),
        pod('m', {
          phase: 'Pending',
          scheduledMessage: '0/1 nodes are available: 1 Insufficient memory.',
        }),
      ],
      persistentVolumeClaims: [pvc('p', { phase: 'Pending' })],
      storageClasses: [],
      services: [service('lb', 'LoadBalancer')],
      horizontalPodAutoscalers: [hpa('h', 'd')],
      deployments: [
        deployment('b', {
          labels: { 'app.kubernetes.io/name': 'binderhub' },
        }),
      ],
    },
  });
}

describe('evaluateInsights', () => {
  it('finds nothing in a healthy cluster', () => {
    const insights = evaluateInsights({
      cluster: 'c',
      objects: {
        nodes: readyNodes,
        pods: [pod('web-1')],
        storageClasses: [storageClass('default', true)],
        persistentVolumeClaims: [pvc('data')],
        services: [service('web', 'ClusterIP', undefined, { app: 'web' })],
      },
    });
    // nothing to fix; only the information that most of the nodes' burn is idle
    expect(insights.map(i => [i.ruleId, i.severity])).toEqual([
      ['idle-capacity', 'info'],
    ]);
  });

  it('orders errors first and caps the objects listed', () => {
    const crashing = Array.from({ length: 30 }, (_, i) =>
      pod(`p${i}`, { crashLoop: true }),
    );
    const insights = evaluateInsights({
      objects: { pods: crashing, horizontalPodAutoscalers: [hpa('a', 'b')] },
    });
    expect(insights.map(i => i.severity)).toEqual(['error', 'info']);
    expect(insights[0].objects).toHaveLength(20);
    expect(MAX_OBJECTS_PER_INSIGHT).toBe(20);
    expect(insights[0].title).toBe('30 Pods keep crashing');
  });

  it('copies the cluster name into every insight, and only when given', () => {
    const input = {
      clusterError: { reason: 'forbidden' as const, message: 'x' },
      objects: { horizontalPodAutoscalers: [hpa('a', 'b')] },
    };
    expect(
      evaluateInsights({ ...input, cluster: 'js2' }).map(i => i.cluster),
    ).toEqual(['js2', 'js2']);
    expect(evaluateInsights(input).map(i => 'cluster' in i)).toEqual([
      false,
      false,
    ]);
  });

  it('keeps the registry order within a severity', () => {
    expect(everything().map(i => i.ruleId)).toEqual([
      'cluster-credentials',
      'node-not-ready',
      'crash-loop',
      'gpu-unschedulable',
      'insufficient-cpu-memory',
      'pvc-pending',
      'no-default-storage-class',
      'no-external-address',
      'hpa-present',
      'idle-capacity',
      'jupyterhub-workload',
      'binderhub-workload',
    ]);
  });
});

describe('the rule registry', () => {
  it('gives every rule its own ruleIds', () => {
    const ruleIds = insightRules.flatMap(rule => rule.ruleIds);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    expect(ruleIds).toHaveLength(12);
  });

  it('produces only the ruleIds the rules declare', () => {
    const declared = new Set(insightRules.flatMap(rule => rule.ruleIds));
    const fired = everything().map(i => i.ruleId);
    expect(new Set(fired)).toEqual(declared);
  });
});

describe('insight rules and the catalogue', () => {
  it('name only guides and concepts that exist', () => {
    const insights = everything();
    expect(new Set(insights.map(i => i.ruleId)).size).toBe(12);
    for (const insight of insights) {
      expect([insight.ruleId, Boolean(getGuide(insight.guideId))]).toEqual([
        insight.ruleId,
        true,
      ]);
      for (const id of insight.conceptIds) {
        expect([insight.ruleId, id, Boolean(getConcept(id))]).toEqual([
          insight.ruleId,
          id,
          true,
        ]);
      }
    }
  });
});

describe('rule drafts', () => {
  it('take guide and concept ids only from the catalogue (checked by tsc)', () => {
    const draft: InsightDraft = {
      ruleId: 'example',
      severity: 'info',
      title: 'Example',
      reason: 'An example.',
      // @ts-expect-error: no guide of the catalogue has this id
      guideId: 'k8s-no-such-guide',
      // @ts-expect-error: no concept of the catalogue has this id
      conceptIds: ['pod', 'no-such-concept'],
      objects: [],
    };
    expect(getGuide(draft.guideId)).toBeUndefined();
    expect(draft.conceptIds.map(id => Boolean(getConcept(id)))).toEqual([
      true,
      false,
    ]);
  });
});
