/**
 * The jetstream2-kubernetes backend plugin: collects Jetstream2 Kubernetes cluster data once and serves
 * guides, concepts, clusters and entity workloads.
 *
 * @packageDocumentation
 */
export { jetstream2KubernetesPlugin as default } from './plugin';
export { searchModuleJetstream2Kubernetes } from './search/module';
export {
  selectEntityObjects,
  toFetchResponses,
} from './services/EntityWorkloads/selectObjects';
