/**
 * The jetstream2-kubernetes backend plugin: collects Jetstream2 Kubernetes cluster data once and serves
 * guides, concepts, clusters and entity workloads, and (through a module of the upstream kubernetes
 * plugin) upstream's own routes from the same cache.
 *
 * @packageDocumentation
 */
export { jetstream2KubernetesPlugin as default } from './plugin';
export { searchModuleJetstream2Kubernetes } from './search/module';
export { kubernetesModuleJetstream2Cache } from './upstream/kubernetesModule';
