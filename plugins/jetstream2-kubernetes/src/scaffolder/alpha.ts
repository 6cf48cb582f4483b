import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';
import { JETSTREAM2_CLUSTER_COST_FIELD } from './Jetstream2ClusterCostField';

/** scaffolder-form-field:jetstream2-kubernetes/cluster-cost, the live SU cost of a planned cluster. */
export const jetstream2ClusterCostFormField = FormFieldBlueprint.make({
  name: 'cluster-cost',
  params: {
    field: () =>
      import('./Jetstream2ClusterCostField').then(m =>
        createFormField({
          name: JETSTREAM2_CLUSTER_COST_FIELD,
          component: m.Jetstream2ClusterCostField,
        }),
      ),
  },
});
