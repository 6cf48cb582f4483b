import {
  fieldLabel,
  getMagnumClusterTemplate,
  jetstream2Regions,
  magnumClusterTemplates,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { clusterMethods } from '../request';
import type { PlanCheck } from './types';

/** How (method), where (region) and which Kubernetes (Magnum template). */
export const locationCheck: PlanCheck = {
  id: 'location',
  run({ input }) {
    const problems: string[] = [];
    const warnings: string[] = [];
    const method = clusterMethods.find(m => m === input.method);
    if (!method) {
      problems.push(
        `${fieldLabel('method')} "${
          input.method
        }" is unknown; use one of: ${clusterMethods.join(
          ', ',
        )} (magnum is the recommended way).`,
      );
    }
    const region = jetstream2Regions.find(r => r.id === input.region);
    if (!region) {
      problems.push(
        `${fieldLabel('region')} "${
          input.region
        }" is unknown; use one of: ${jetstream2Regions
          .map(r => r.id)
          .join(', ')}.`,
      );
    } else if (region.byInvitation) {
      warnings.push(
        `Region ${region.id} is a regional cloud open by invitation only; most allocations can use only IU.`,
      );
    }
    const template = getMagnumClusterTemplate(input.clusterTemplate);
    if (!template) {
      const known = magnumClusterTemplates.map(t => t.name).join(', ');
      const m = /^v?(\d+)[.-](\d+)/.exec(input.clusterTemplate);
      const hint =
        m && getMagnumClusterTemplate(`kubernetes-${m[1]}-${m[2]}-jammy`)
          ? ` Did you mean "kubernetes-${m[1]}-${m[2]}-jammy"?`
          : '';
      problems.push(
        `${fieldLabel('clusterTemplate')} "${
          input.clusterTemplate
        }" is not a known Jetstream2 Magnum template; use one of: ${known}.${hint}`,
      );
    }
    return {
      facts: { method, region: region?.id, template },
      problems,
      warnings,
    };
  },
};
