import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { jetstream2KubernetesPlugin } from '../plugin';
import {
  Jetstream2ClusterCostField,
  JETSTREAM2_CLUSTER_COST_FIELD,
  validateClusterCost,
} from './Jetstream2ClusterCostField';
import {
  Jetstream2NameField,
  JETSTREAM2_NAME_FIELD,
  validateName,
} from './Jetstream2NameField';
import {
  Jetstream2WorkloadCheckField,
  JETSTREAM2_WORKLOAD_CHECK_FIELD,
} from './Jetstream2WorkloadCheckField';

/*
 * The form fields for the scaffolder of the legacy frontend system: put them inside
 * `<ScaffolderFieldExtensions>`. The new frontend system gets them from the plugin (./alpha.ts).
 */

/** The live SU cost of a planned cluster; blocks the step over the quota or the allocation balance. */
export const Jetstream2ClusterCostFieldExtension =
  jetstream2KubernetesPlugin.provide(
    createScaffolderFieldExtension({
      name: JETSTREAM2_CLUSTER_COST_FIELD,
      component: Jetstream2ClusterCostField,
      validation: validateClusterCost,
    }),
  );

/** A Kubernetes name whose rules are said in words, with the nearest valid name. */
export const Jetstream2NameFieldExtension = jetstream2KubernetesPlugin.provide(
  createScaffolderFieldExtension({
    name: JETSTREAM2_NAME_FIELD,
    component: Jetstream2NameField,
    validation: validateName,
  }),
);

/** Cost and free room on the chosen cluster for a new deployment or GPU servers. */
export const Jetstream2WorkloadCheckFieldExtension =
  jetstream2KubernetesPlugin.provide(
    createScaffolderFieldExtension({
      name: JETSTREAM2_WORKLOAD_CHECK_FIELD,
      component: Jetstream2WorkloadCheckField,
    }),
  );
