import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read whole clusters: every node, namespace and workload, control-plane health and capacity
 * (the clusters page and `/clusters` routes). Meant for the platform team.
 */
export const jetstream2KubernetesClustersReadPermission = createPermission({
  name: 'jetstream2-kubernetes.clusters.read',
  attributes: { action: 'read' },
});

/**
 * Read one catalog entity's live workloads, events, cost and pod logs (the entity tab and card).
 * A resource permission on the catalog entity, so a policy can decide per entity (for example with
 * the catalog's conditional rules such as "is owner").
 */
export const jetstream2KubernetesWorkloadsReadPermission = createPermission({
  name: 'jetstream2-kubernetes.workloads.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/**
 * Read how much CPU, memory and GPU is free on a cluster, per node flavor, and nothing else: no node
 * names, no pods, no other teams' workloads (`/clusters/:name/capacity`). The deploy and JupyterHub forms
 * use it to say whether a new workload will fit; meant for every signed-in user.
 */
export const jetstream2KubernetesCapacityReadPermission = createPermission({
  name: 'jetstream2-kubernetes.capacity.read',
  attributes: { action: 'read' },
});

/**
 * Read one Jetstream2 allocation's balance, SU burn history, runway and biggest spenders (the allocation
 * page, the group card and the home card). A resource permission on the allocation's catalog entity, so
 * the policy can allow it to the members of the owning group (the catalog's "is owner" rule).
 */
export const jetstream2KubernetesAllocationsReadPermission = createPermission({
  name: 'jetstream2-kubernetes.allocations.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Every permission of the jetstream2-kubernetes plugin. */
export const jetstream2KubernetesPermissions = [
  jetstream2KubernetesClustersReadPermission,
  jetstream2KubernetesWorkloadsReadPermission,
  jetstream2KubernetesCapacityReadPermission,
  jetstream2KubernetesAllocationsReadPermission,
];
