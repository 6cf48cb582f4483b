export {
  jetstream2KubernetesApiRef,
  type Jetstream2KubernetesApi,
  type GuideFilter,
  type EntityName,
  type PodLogsRequest,
} from './Jetstream2KubernetesApi';
export { Jetstream2KubernetesClient } from './Jetstream2KubernetesClient';
