import type { Insight } from '../types';
import { recommendedGuides } from './recommend';

const insight = (
  guideId: string,
  severity: Insight['severity'],
  reason: string,
  cluster?: string,
): Insight => ({
  ruleId: `r-${reason}`,
  guideId,
  severity,
  reason,
  title: reason,
  conceptIds: [],
  objects: [],
  cluster,
});

describe('recommendedGuides', () => {
  it('puts errors first, merges reasons per guide and keeps the strongest severity', () => {
    const recs = recommendedGuides([
      insight('zonca-jupyterhub', 'info', 'hub labels'),
      insight('k8s-manage-apps', 'info', 'hpa'),
      insight('k8s-volumes', 'warning', 'pvc pending'),
      insight('k8s-manage-apps', 'error', 'crash loop', 'js2-demo'),
    ]);
    expect(recs.map(r => r.guideId)).toEqual([
      'k8s-manage-apps',
      'k8s-volumes',
      'zonca-jupyterhub',
    ]);
    expect(recs[0]).toEqual({
      guideId: 'k8s-manage-apps',
      severity: 'error',
      problems: ['crash loop', 'hpa'],
      reasons: ['crash loop (cluster js2-demo)', 'hpa'],
    });
  });

  it('drops duplicate reasons and returns nothing for no insights', () => {
    expect(recommendedGuides([])).toEqual([]);
    const recs = recommendedGuides([
      insight('a', 'info', 'same'),
      insight('a', 'info', 'same'),
    ]);
    expect(recs[0].reasons).toEqual(['same']);
    expect(recs[0].problems).toEqual(['same']);
  });
});
