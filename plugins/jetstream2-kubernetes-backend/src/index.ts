/**
 * The jetstream2-kubernetes backend plugin: collects Jetstream2 Kubernetes cluster data once and serves
 * clusters and entity workloads, and (through a module of the upstream kubernetes plugin) upstream's own
 * routes from the same cache; a search module indexes the guides and concepts.
 *
 * The public surface is these three features and nothing else (see report.api.md).
 *
 * @packageDocumentation
 */
import type { BackendFeature } from '@backstage/backend-plugin-api';
import { searchModuleJetstream2Kubernetes as searchModule } from './search/module';

export { jetstream2KubernetesPlugin as default } from './plugin';
export { kubernetesModuleJetstream2Cache } from './upstream/kubernetesModule';

/**
 * A module of the search backend that indexes the Jetstream2 Kubernetes guides and concepts.
 *
 * @public
 */
export const searchModuleJetstream2Kubernetes: BackendFeature = searchModule;
