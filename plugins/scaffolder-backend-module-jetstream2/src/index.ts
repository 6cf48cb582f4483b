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
export { createKubernetesApplyAction } from './actions/deploy/applyAction';
export type { KubernetesApplyActionOptions } from './actions/deploy/applyAction';
export { createCatalogRegisterAction } from './actions/deploy/registerAction';
export { createPortalCatalog } from './actions/deploy/portalCatalog';
export type { PortalCatalog } from './actions/deploy/portalCatalog';
