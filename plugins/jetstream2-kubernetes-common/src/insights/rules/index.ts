// The insight rules, one per file, and the evaluator that loops over them. Add a rule: write
// <ruleName>.ts (an InsightRule) with its <ruleName>.test.ts beside it, then list it in insightRules.
import type { Insight } from '../../types';
import { compareSeverity } from './helpers';
import { credentials } from './credentials';
import { crashLoop } from './crashLoop';
import { hpaPresent } from './hpaPresent';
import { idleCapacity } from './idleCapacity';
import { hubWorkloads } from './hubWorkloads';
import { noDefaultStorageClass } from './noDefaultStorageClass';
import { noExternalAddress } from './noExternalAddress';
import { nodeNotReady } from './nodeNotReady';
import { pvcPending } from './pvcPending';
import { scheduling } from './scheduling';
import type { InsightInput, InsightRule } from './types';

export { compareSeverity } from './helpers';
export type {
  ClusterWideObjects,
  InsightDraft,
  InsightInput,
  InsightRule,
} from './types';

/** Every insight rule. Their order breaks ties between insights of the same severity. */
export const insightRules: readonly InsightRule[] = [
  credentials,
  nodeNotReady,
  crashLoop,
  scheduling,
  pvcPending,
  noDefaultStorageClass,
  noExternalAddress,
  hpaPresent,
  idleCapacity,
  hubWorkloads,
];

/** At most this many objects are listed in one insight. */
export const MAX_OBJECTS_PER_INSIGHT = 20;

/**
 * Turns live objects into insights: each fired rule gives one insight naming the guide that helps and why.
 * Sorted errors first, then warnings, then information.
 */
export function evaluateInsights(input: InsightInput): Insight[] {
  const wide = input.clusterWide ?? input.objects;
  return insightRules
    .flatMap(rule => rule.evaluate(input, wide))
    .map(draft => {
      const insight: Insight = {
        ...draft,
        objects: draft.objects.slice(0, MAX_OBJECTS_PER_INSIGHT),
      };
      if (input.cluster) insight.cluster = input.cluster;
      return insight;
    })
    .sort((a, b) => compareSeverity(a.severity, b.severity));
}
