/**
 * Scaffolder actions that plan and render new Jetstream2 Kubernetes clusters.
 *
 * @packageDocumentation
 */
export { scaffolderModuleJetstream2 as default } from './module';
