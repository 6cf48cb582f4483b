import { isWholeNumber, MAX_WORKERS, PlanCheck } from './types';

/** Worker counts: at creation, and the autoscaling range (Magnum only). */
export const nodeCountsCheck: PlanCheck = {
  id: 'nodeCounts',
  run({ input, facts }) {
    const problems: string[] = [];
    const warnings: string[] = [];
    const { nodeCount, autoscaling } = input;
    if (!isWholeNumber(nodeCount) || nodeCount < 1) {
      problems.push(
        `nodeCount ${nodeCount} is not allowed: a cluster needs at least 1 worker node (whole number).`,
      );
    } else if (nodeCount > MAX_WORKERS) {
      problems.push(
        `nodeCount ${nodeCount} is above ${MAX_WORKERS}; plan a cluster this large with the Jetstream2 team.`,
      );
    }
    if (!autoscaling) {
      if (
        (input.minNodes !== undefined && input.minNodes !== nodeCount) ||
        (input.maxNodes !== undefined && input.maxNodes !== nodeCount)
      ) {
        warnings.push(
          `Autoscaling is off, so minNodes/maxNodes are ignored and the cluster keeps ${nodeCount} workers.`,
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
        `autoscaling is only available with method "magnum" (the Magnum cluster autoscaler); turn it off or choose magnum.`,
      );
    }
    if (!isWholeNumber(minNodes) || minNodes < 1) {
      problems.push(
        `minNodes ${minNodes} is not allowed: keep at least 1 worker (whole number).`,
      );
    }
    if (!isWholeNumber(maxNodes) || maxNodes < 1) {
      problems.push(
        `maxNodes ${maxNodes} is not allowed: it must be a whole number of at least 1.`,
      );
    } else if (maxNodes > MAX_WORKERS) {
      problems.push(
        `maxNodes ${maxNodes} is above ${MAX_WORKERS}; plan a cluster this large with the Jetstream2 team.`,
      );
    }
    if (
      isWholeNumber(minNodes) &&
      isWholeNumber(maxNodes) &&
      minNodes > maxNodes
    ) {
      problems.push(
        `minNodes (${minNodes}) is larger than maxNodes (${maxNodes}); swap them or raise maxNodes.`,
      );
    } else if (
      isWholeNumber(nodeCount) &&
      (nodeCount < minNodes || nodeCount > maxNodes)
    ) {
      problems.push(
        `nodeCount (${nodeCount}) must lie between minNodes (${minNodes}) and maxNodes (${maxNodes}).`,
      );
    }
    if (minNodes === maxNodes) {
      warnings.push(
        `Autoscaling is on but minNodes equals maxNodes (${maxNodes}), so the autoscaler can never change the size.`,
      );
    }
    return {
      facts: { nodeCount, autoscaling, minNodes, maxNodes },
      problems,
      warnings,
    };
  },
};
