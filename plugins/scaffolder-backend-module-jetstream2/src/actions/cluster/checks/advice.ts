import {
  fieldLabel,
  magnumFacts,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { PlanCheck } from './types';

/** Advice for a plan that passed every check: what Magnum makes final, credentials, timing, HA. */
export const adviceCheck: PlanCheck = {
  id: 'advice',
  run({ facts, hasProblems }) {
    if (hasProblems) return {};
    const leadingWarnings: string[] = [];
    const warnings: string[] = [];
    if (facts.method === 'magnum') {
      leadingWarnings.push(
        `Magnum labels cannot be changed after creation (the API answers HTTP 400), so ${fieldLabel(
          'maxNodes',
        )} = ${facts.maxNodes} is final; a larger cluster means a new cluster.`,
      );
      warnings.push(
        'Magnum needs an "unrestricted" application credential that includes the load-balancer role; Horizon sets its expiry to the day of creation unless you change it, and an expired credential breaks load balancers and volumes in the cluster.',
        `Creation takes about ${magnumFacts.typicalCreateMinutes} minutes; the very first cluster of an allocation can take 2 hours or more.`,
      );
    }
    if (facts.masterCount === 1) {
      warnings.push(
        'One control plane node: fine for development, but the cluster API is down while it is.',
      );
    }
    return { warnings, leadingWarnings };
  },
};
