import { hpa } from '../__fixtures__/objects';
import { evaluateInsights } from './index';

describe('hpaPresent rule', () => {
  it('notes HPAs with their target (info)', () => {
    const [insight] = evaluateInsights({
      objects: { horizontalPodAutoscalers: [hpa('api', 'science-api')] },
    });
    expect(insight).toMatchObject({
      ruleId: 'hpa-present',
      guideId: 'k8s-manage-apps',
      severity: 'info',
    });
    expect(insight.reason).toContain('Deployment science-api between 2 and 10');
  });

  it('counts several HPAs and copes without a target', () => {
    const first = hpa('a', 'x');
    delete first.spec.scaleTargetRef;
    const [insight] = evaluateInsights({
      objects: { horizontalPodAutoscalers: [first, hpa('b', 'y')] },
    });
    expect(insight.title).toBe('2 HorizontalPodAutoscalers scale workloads');
    expect(insight.reason).toContain('adjusts replica counts');
    expect(insight.objects).toHaveLength(2);
  });

  it('says nothing without HPAs', () => {
    expect(
      evaluateInsights({ objects: { horizontalPodAutoscalers: [] } }),
    ).toEqual([]);
  });
});
