/**
 * Scaffolder actions that plan and render new Jetstream2 Kubernetes clusters.
 *
 * @packageDocumentation
 */
export { scaffolderModuleJetstream2 as default } from './module';
export { createClusterPlanAction } from './actions/planAction';
export { createClusterRenderAction } from './actions/renderAction';
export type { ClusterRenderActionOptions } from './actions/renderAction';
export { planCluster } from './actions/cluster/planCluster';
export type { ClusterPlan, ClusterSize } from './actions/cluster/planCluster';
export { createShowFilesAction } from './actions/showFilesAction';
