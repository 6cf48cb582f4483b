import { createPermission } from '@backstage/plugin-permission-common';

/** Read live cluster data: clusters, nodes, control-plane health and entity workloads. */
export const jetstream2KubernetesClustersReadPermission = createPermission({
  name: 'jetstream2-kubernetes.clusters.read',
  attributes: { action: 'read' },
});

/** Every permission of the jetstream2-kubernetes plugin. */
export const jetstream2KubernetesPermissions = [
  jetstream2KubernetesClustersReadPermission,
];
