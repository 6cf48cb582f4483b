/**
 * A Kubernetes object as a manifest gives it: at least its type and name.
 *
 * @public
 */
export interface KubernetesManifest {
  /** e.g. `apps/v1`. */
  apiVersion: string;
  /** e.g. `Deployment`. */
  kind: string;
  /** At least the name; the namespace is the request's when absent. */
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  /** `spec` and the other fields, as the manifest gives them. */
  [key: string]: unknown;
}

/**
 * What {@link WorkloadWriter.apply} writes, where.
 *
 * @public
 */
export interface ApplyRequest {
  /** A cluster of `jetstream2Kubernetes.writers` (its name in `kubernetes.clusterLocatorMethods`). */
  cluster: string;
  /** The one namespace every object goes to; objects without a namespace get it. */
  namespace: string;
  /** The objects, applied in this order. */
  objects: KubernetesManifest[];
  /** Only the API server's dry run (it validates everything, admission included, and stores nothing). */
  dryRun?: boolean;
}

/**
 * What happened to one object. A dry run says what would happen (`created` then means "would be created").
 *
 * @public
 */
export interface AppliedObject {
  /** As in the manifest. */
  apiVersion: string;
  /** As in the manifest. */
  kind: string;
  /** Where it was written. */
  namespace: string;
  /** Its name. */
  name: string;
  /** What happened to it. */
  result: 'created' | 'configured' | 'unchanged';
}

/**
 * How far a Deployment or StatefulSet has rolled out.
 *
 * @public
 */
export interface RolloutStatus {
  /** Deployment or StatefulSet. */
  kind: string;
  /** Its namespace. */
  namespace: string;
  /** Its name. */
  name: string;
  /** `spec.replicas`. */
  desired: number;
  /** Pods of the current template (`status.updatedReplicas`). */
  updated: number;
  /** Pods passing their readiness checks (`status.readyReplicas`). */
  ready: number;
  /** True when every desired pod is of the current template and ready. */
  done: boolean;
}

/**
 * Why a write failed, for code to match on (the message is for people).
 *
 * @public
 */
export type WriteErrorReason =
  /** The cluster has no entry in `jetstream2Kubernetes.writers`. */
  | 'unknown-cluster'
  /** The namespace is not among the writer's namespaces. */
  | 'namespace-not-allowed'
  /** A manifest is not a Kubernetes object the writer can send (no kind, no name, another namespace). */
  | 'bad-manifest'
  /** The deployer token (file) cannot be read. */
  | 'token'
  /** No answer from the API server: refused, unknown host, TLS, time-out. */
  | 'unreachable'
  /** 401: the API server does not accept the deployer token. */
  | 'unauthorized'
  /** 403: RBAC refuses the deployer this object. */
  | 'forbidden'
  /** The cluster does not serve this apiVersion and kind. */
  | 'unknown-kind'
  /** 400/422: the API server rejects the object; the message is the API server's own. */
  | 'invalid'
  /** 409: another field manager owns fields this apply would change. */
  | 'conflict'
  /** 404 for an object that should exist. */
  | 'not-found'
  /** Any other answer from the API server. */
  | 'server-error';

/**
 * The write path to clusters, with the deployer credential of `jetstream2Kubernetes.writers` (never the
 * collector's read-only token). Today it applies manifests; the workload actions (restart, scale, delete a
 * pod) belong here too, beside `apply`, with the same errors and the same namespace check.
 *
 * Every method throws a {@link WriteError} with a reason and a message a person can act on; no message ever
 * holds a token.
 *
 * @public
 */
export interface WorkloadWriter {
  /** The clusters that may be written to, each with its writable namespaces (sorted). */
  clusters(): Array<{ cluster: string; namespaces: string[] }>;
  /**
   * Server-side apply (field manager `backstage`, no force): first a server-side dry run of every object,
   * so that nothing is written when any object is refused, then, unless `dryRun`, the apply itself.
   */
  apply(request: ApplyRequest): Promise<AppliedObject[]>;
  /** The rollout of a Deployment or StatefulSet the deployer may read. */
  rolloutStatus(request: {
    cluster: string;
    namespace: string;
    kind: 'Deployment' | 'StatefulSet';
    name: string;
  }): Promise<RolloutStatus>;
}
