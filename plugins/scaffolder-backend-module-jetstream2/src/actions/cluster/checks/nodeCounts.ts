import { fieldLabel } from '@internal/plugin-jetstream2-kubernetes-common';
import { isWholeNumber, MAX_WORKERS, PlanCheck } from './types';

const [COUNT, MIN, MAX] = [
  fieldLabel('nodeCount'),
  fieldLabel('minNodes'),
  fieldLabel('maxNodes'),
];

/** Worker counts: at creation, and the autoscaling range (Magnum only). */
export const nodeCountsCheck: PlanCheck = {
  id: 'nodeCounts',
  run({ input, facts }) {
    const problems: string[] = [];
    const warnings: string[] = [];
    const { nodeCount, autoscaling } = input;
    if (!isWholeNumber(nodeCount) || nodeCount < 1) {
      problems.push(
        `${COUNT} cannot be ${nodeCount}: a cluster needs at least 1 worker node (a whole number).`,
      );
    } else if (nodeCount > MAX_WORKERS) {
      problems.push(
        `${COUNT} is ${nodeCount}, above ${MAX_WORKERS}: plan a cluster this large with the Jetstream2 team.`,
      );
    }
    if (!autoscaling) {
      if (
        (input.minNodes !== undefined && input.minNodes !== nodeCount) ||
        (input.maxNodes !== undefined && input.maxNodes !== nodeCount)
      ) {
        warnings.push(
          `${fieldLabel(
            'autoscaling',
          )} is off, so ${MIN} and ${MAX} are ignored and the cluster keeps ${nodeCount} workers.`,
        );
      }
      return {
        facts: {
          nodeCount,
          autoscaling,
          minNodes: nodeCount,
          maxNodes: nodeCount,
        },
        problems,
        warnings,
      };
    }
    const minNodes = input.minNodes ?? nodeCount;
    const maxNodes = input.maxNodes ?? nodeCount;
    if (facts.method !== undefined && facts.method !== 'magnum') {
      problems.push(
        `${fieldLabel(
          'autoscaling',
        )} works only with Magnum (the Magnum cluster autoscaler); turn it off or create the cluster with Magnum.`,
      );
    }
    if (!isWholeNumber(minNodes) || minNodes < 1) {
      problems.push(
        `${MIN} cannot be ${minNodes}: keep at least 1 worker (a whole number).`,
      );
    }
    if (!isWholeNumber(maxNodes) || maxNodes < 1) {
      problems.push(
        `${MAX} cannot be ${maxNodes}: use a whole number of at least 1.`,
      );
    } else if (maxNodes > MAX_WORKERS) {
      problems.push(
        `${MAX} is ${maxNodes}, above ${MAX_WORKERS}: plan a cluster this large with the Jetstream2 team.`,
      );
    }
    if (
      isWholeNumber(minNodes) &&
      isWholeNumber(maxNodes) &&
      minNodes > maxNodes
    ) {
      problems.push(
        `${MIN} (${minNodes}) is larger than ${MAX} (${maxNodes}); swap them or raise ${MAX}.`,
      );
    } else if (
      isWholeNumber(nodeCount) &&
      (nodeCount < minNodes || nodeCount > maxNodes)
    ) {
      problems.push(
        `${COUNT} (${nodeCount}) must lie between ${MIN} (${minNodes}) and ${MAX} (${maxNodes}).`,
      );
    }
    if (minNodes === maxNodes) {
      warnings.push(
        `${fieldLabel(
          'autoscaling',
        )} is on but ${MIN} equals ${MAX} (${maxNodes}), so the autoscaler can never change the size.`,
      );
    }
    return {
      facts: { nodeCount, autoscaling, minNodes, maxNodes },
      problems,
      warnings,
    };
  },
};
