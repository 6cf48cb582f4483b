/**
 * Jetstream2 guides and Kubernetes concept cards beside each entity's live workloads.
 *
 * @packageDocumentation
 */
export { jetstream2KubernetesPlugin, Jetstream2KubernetesPage } from './plugin';
