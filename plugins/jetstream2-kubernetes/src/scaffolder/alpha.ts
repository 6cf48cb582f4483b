import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';
import { JETSTREAM2_CLUSTER_COST_FIELD } from './Jetstream2ClusterCostField';
import { JETSTREAM2_NAME_FIELD } from './Jetstream2NameField';
import { JETSTREAM2_WORKLOAD_CHECK_FIELD } from './Jetstream2WorkloadCheckField';

/**
 * scaffolder-form-field:jetstream2-kubernetes/cluster-cost, the live SU cost of a planned cluster; it
 * blocks the step while the plan is over the quota or the allocation balance.
 */
export const jetstream2ClusterCostFormField = FormFieldBlueprint.make({
  name: 'cluster-cost',
  params: {
    field: () =>
      import('./Jetstream2ClusterCostField').then(m =>
        createFormField({
          name: JETSTREAM2_CLUSTER_COST_FIELD,
          component: m.Jetstream2ClusterCostField,
          validation: m.validateClusterCost,
        }),
      ),
  },
});

/** scaffolder-form-field:jetstream2-kubernetes/name, a Kubernetes name with its rules in words. */
export const jetstream2NameFormField = FormFieldBlueprint.make({
  name: 'name',
  params: {
    field: () =>
      import('./Jetstream2NameField').then(m =>
        createFormField({
          name: JETSTREAM2_NAME_FIELD,
          component: m.Jetstream2NameField,
          validation: m.validateName,
        }),
      ),
  },
});

/** scaffolder-form-field:jetstream2-kubernetes/workload-check, cost and free room for a new workload. */
export const jetstream2WorkloadCheckFormField = FormFieldBlueprint.make({
  name: 'workload-check',
  params: {
    field: () =>
      import('./Jetstream2WorkloadCheckField').then(m =>
        createFormField({
          name: JETSTREAM2_WORKLOAD_CHECK_FIELD,
          component: m.Jetstream2WorkloadCheckField,
        }),
      ),
  },
});

/** Every form field of the plugin, for the plugin's extension list. */
export const jetstream2FormFields = [
  jetstream2ClusterCostFormField,
  jetstream2NameFormField,
  jetstream2WorkloadCheckFormField,
];
