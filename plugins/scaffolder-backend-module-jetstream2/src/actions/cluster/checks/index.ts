import { addonsCheck } from './addons';
import { adviceCheck } from './advice';
import { allocationCheck } from './allocation';
import { controlPlaneCheck } from './controlPlane';
import { costCheck } from './cost';
import { credentialCheck } from './credential';
import { dockerVolumeCheck } from './dockerVolume';
import { locationCheck } from './location';
import { nodeCountsCheck } from './nodeCounts';
import { quotaCheck } from './quota';
import type { PlanCheck } from './types';
import { workersCheck } from './workers';

export type { CheckContext, CheckResult, PlanCheck, PlanFacts } from './types';
export { suggestClusterName } from './name';
export { looksLikeSecret } from './credential';
import { nameCheck } from './name';

/**
 * Every check of a cluster request, in the order their problems are listed. A check may read the facts of
 * the checks before it; the evaluator only loops.
 */
export const planChecks: readonly PlanCheck[] = [
  nameCheck,
  allocationCheck,
  locationCheck,
  controlPlaneCheck,
  workersCheck,
  nodeCountsCheck,
  dockerVolumeCheck,
  credentialCheck,
  addonsCheck,
  quotaCheck,
  costCheck,
  adviceCheck,
];
