export {
  Jetstream2ClusterCostFieldExtension,
  Jetstream2NameFieldExtension,
  Jetstream2WorkloadCheckFieldExtension,
} from './extensions';
export {
  Jetstream2ClusterCostField,
  JETSTREAM2_CLUSTER_COST_FIELD,
  validateClusterCost,
} from './Jetstream2ClusterCostField';
export {
  Jetstream2NameField,
  JETSTREAM2_NAME_FIELD,
  validateName,
} from './Jetstream2NameField';
export type { NameFieldOptions } from './Jetstream2NameField';
export {
  Jetstream2WorkloadCheckField,
  JETSTREAM2_WORKLOAD_CHECK_FIELD,
} from './Jetstream2WorkloadCheckField';
export type { WorkloadCheckFieldOptions } from './workloadOfForm';
export { costOfForm, describeFormCost } from './costOfForm';
export type { ClusterCostFieldOptions, FormCost } from './costOfForm';
