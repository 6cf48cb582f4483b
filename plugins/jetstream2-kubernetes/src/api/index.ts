export {
  jetstream2KubernetesApiRef,
  type Jetstream2KubernetesApi,
  type EntityName,
  type EntityPodUsage,
  type PodLogsRequest,
} from './Jetstream2KubernetesApi';
export { Jetstream2KubernetesClient } from './Jetstream2KubernetesClient';
