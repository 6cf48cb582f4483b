import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { jetstream2KubernetesPlugin } from '../plugin';
import {
  Jetstream2ClusterCostField,
  JETSTREAM2_CLUSTER_COST_FIELD,
} from './Jetstream2ClusterCostField';

/**
 * The live SU cost of a planned cluster, for the scaffolder of the legacy frontend system:
 * put `<Jetstream2ClusterCostFieldExtension />` inside `<ScaffolderFieldExtensions>`.
 */
export const Jetstream2ClusterCostFieldExtension =
  jetstream2KubernetesPlugin.provide(
    createScaffolderFieldExtension({
      name: JETSTREAM2_CLUSTER_COST_FIELD,
      component: Jetstream2ClusterCostField,
    }),
  );
