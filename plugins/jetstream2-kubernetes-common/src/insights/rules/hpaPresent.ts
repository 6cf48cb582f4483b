import { listNames, plural, ref } from './helpers';
import type { InsightRule } from './types';

/** HorizontalPodAutoscalers at work (information: the guide that explains them). */
export const hpaPresent: InsightRule = {
  ruleIds: ['hpa-present'],
  evaluate(input) {
    const hpas = input.objects.horizontalPodAutoscalers ?? [];
    if (hpas.length === 0) return [];
    const refs = hpas.map(h => ref('HorizontalPodAutoscaler', h));
    const h = hpas[0];
    const target = h.spec?.scaleTargetRef;
    return [
      {
        ruleId: 'hpa-present',
        severity: 'info',
        title: `${plural(hpas.length, 'HorizontalPodAutoscaler')} scale${
          hpas.length === 1 ? 's' : ''
        } workloads`,
        reason: `${listNames(refs)} ${
          target
            ? `scales ${target.kind} ${target.name} between ${
                h.spec?.minReplicas ?? 1
              } and ${h.spec?.maxReplicas} replicas`
            : 'adjusts replica counts'
        } from observed load. The guide on managing apps explains horizontal pod autoscaling.`,
        guideId: 'k8s-manage-apps',
        conceptIds: ['horizontal-pod-autoscaler', 'deployment'],
        objects: refs,
      },
    ];
  },
};
