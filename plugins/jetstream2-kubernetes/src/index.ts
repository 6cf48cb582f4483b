/**
 * Jetstream2 guides and Kubernetes concept cards beside each entity's live workloads.
 *
 * @packageDocumentation
 */
export {
  jetstream2KubernetesPlugin,
  Jetstream2KubernetesPage,
  EntityJetstream2KubernetesContent,
  EntityJetstream2KubernetesCard,
  EntityJetstream2AllocationContent,
  EntityJetstream2GroupAllocationsCard,
  Jetstream2KubernetesSearchResultListItem,
} from './plugin';
export { isJetstream2KubernetesAvailable } from './isJetstream2KubernetesAvailable';
export {
  isJetstream2Allocation,
  isGroupEntity,
} from './isJetstream2Allocation';
export {
  jetstream2KubernetesApiRef,
  Jetstream2KubernetesClient,
  type Jetstream2KubernetesApi,
  type EntityName,
  type AllocationName,
} from './api';
export { rootRouteRef } from './routes';
export { HomePageCard as Jetstream2KubernetesHomePageCard } from './components/HomePageCard';
export {
  Jetstream2ClusterCostFieldExtension,
  Jetstream2ClusterCostField,
  JETSTREAM2_CLUSTER_COST_FIELD,
  Jetstream2NameFieldExtension,
  Jetstream2WorkloadCheckFieldExtension,
} from './scaffolder';
