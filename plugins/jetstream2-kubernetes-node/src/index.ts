/**
 * The write path to Jetstream2 Kubernetes clusters, shared by the jetstream2-kubernetes backend (workload
 * actions) and the scaffolder module (applying a new service's manifests). Writes use their own
 * credentials, never the collector's read-only token.
 *
 * @packageDocumentation
 */
export { readClusterWriters, WRITERS_KEY } from './writers/readClusterWriters';
export type { ClusterWriter, DeployerTokenSource } from './writers/types';
export {
  createWorkloadWriter,
  FIELD_MANAGER,
} from './workloads/createWorkloadWriter';
export type { WorkloadWriterOptions } from './workloads/createWorkloadWriter';
export { workloadWriterServiceRef } from './workloads/workloadWriterServiceRef';
export { WriteError, isWriteError } from './workloads/WriteError';
export type {
  AppliedObject,
  ApplyRequest,
  KubernetesManifest,
  RolloutStatus,
  WorkloadWriter,
  WriteErrorReason,
} from './workloads/types';
