export {
  jetstream2KubernetesApiRef,
  type Jetstream2KubernetesApi,
  type AllocationName,
  type EntityName,
  type PodLogsRequest,
} from './Jetstream2KubernetesApi';
export { Jetstream2KubernetesClient } from './Jetstream2KubernetesClient';
export type { EntityPodUsage } from '@internal/plugin-jetstream2-kubernetes-common';
