import type { ClusterErrorReason } from '../../types';
import { evaluateInsights } from './index';

function credentialInsights(reason: ClusterErrorReason) {
  return evaluateInsights({
    cluster: 'js2-demo',
    clusterError: { reason, message: 'no' },
    objects: {},
  }).filter(i => i.ruleId === 'cluster-credentials');
}

describe('credentials rule', () => {
  it.each([
    ['unauthorized', '401'],
    ['forbidden', '403'],
  ] as const)('points a %s cluster to zonca-credentials', (reason, code) => {
    const [insight] = evaluateInsights({
      cluster: 'js2-demo',
      clusterError: { reason, message: 'no' },
      objects: {},
    });
    expect(insight).toMatchObject({
      ruleId: 'cluster-credentials',
      guideId: 'zonca-credentials',
      severity: 'error',
      cluster: 'js2-demo',
    });
    expect(insight.reason).toContain(code);
    expect(insight.conceptIds).toEqual(['secret']);
    expect(insight.objects).toEqual([]);
  });

  it('does not blame credentials for an unreachable cluster', () => {
    const insights = evaluateInsights({
      clusterError: { reason: 'unreachable', message: 'connect ECONNREFUSED' },
      objects: {},
    });
    expect(insights.filter(i => i.ruleId === 'cluster-credentials')).toEqual(
      [],
    );
  });

  it.each(['timeout', 'tls', 'unknown'] as const)(
    'does not blame credentials for a %s error',
    reason => {
      expect(credentialInsights(reason)).toEqual([]);
    },
  );

  it('says nothing about a cluster without an error', () => {
    expect(evaluateInsights({ cluster: 'js2-demo', objects: {} })).toEqual([]);
  });
});
