export { attentionItems, type AttentionInput } from './attentionItems';
export { objectsByKind, workloadOf } from './clusterObjects';
export {
  describePodProblem,
  diagnosePod,
  type PodProblem,
} from './diagnosePod';
export { missingStorageClass } from './objectProblems';
export type { AttentionItem } from './types';
