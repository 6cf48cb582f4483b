/**
 * The write path to Jetstream2 Kubernetes clusters, shared by the jetstream2-kubernetes backend (workload
 * actions) and the scaffolder module (applying a new service's manifests). Writes use their own
 * credentials, never the collector's read-only token.
 *
 * @packageDocumentation
 */
export { readClusterWriters, WRITERS_KEY } from './writers/readClusterWriters';
export type { ClusterWriter, DeployerTokenSource } from './writers/types';
