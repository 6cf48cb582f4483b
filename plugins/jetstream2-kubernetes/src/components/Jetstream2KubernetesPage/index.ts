export { Jetstream2KubernetesPage } from './Jetstream2KubernetesPage';
