export { Jetstream2ClusterCostFieldExtension } from './extensions';
export {
  Jetstream2ClusterCostField,
  JETSTREAM2_CLUSTER_COST_FIELD,
} from './Jetstream2ClusterCostField';
export { costOfForm } from './costOfForm';
export type { ClusterCostFieldOptions, FormCost } from './costOfForm';
