/*
 * The few fields of Kubernetes objects that the insight rules read. The shapes are structural so that the
 * rules accept plain JSON from the API server (or the typed objects of @kubernetes/client-node) without
 * depending on the client library.
 */

export interface KubeOwnerReference {
  apiVersion?: string;
  kind: string;
  name: string;
  uid?: string;
  controller?: boolean;
}

export interface KubeObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string | Date;
  deletionTimestamp?: string | Date;
  ownerReferences?: KubeOwnerReference[];
  resourceVersion?: string;
  [key: string]: unknown;
}

/** Any Kubernetes object; spec and status are read defensively by the rules. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: KubeObjectMeta;
  spec?: any;
  status?: any;
  [key: string]: unknown;
}

/** Objects of one cluster (or of one entity in a cluster), by type. Every list is optional. */
export interface ClusterObjects {
  nodes?: KubeObject[];
  namespaces?: KubeObject[];
  pods?: KubeObject[];
  deployments?: KubeObject[];
  replicaSets?: KubeObject[];
  statefulSets?: KubeObject[];
  daemonSets?: KubeObject[];
  jobs?: KubeObject[];
  cronJobs?: KubeObject[];
  services?: KubeObject[];
  ingresses?: KubeObject[];
  persistentVolumeClaims?: KubeObject[];
  horizontalPodAutoscalers?: KubeObject[];
  /** Warning events (core/v1 Event). */
  events?: KubeObject[];
  leases?: KubeObject[];
  storageClasses?: KubeObject[];
}

/** The Kubernetes kind of each ClusterObjects list. */
export const clusterObjectKinds: Record<keyof ClusterObjects, string> = {
  nodes: 'Node',
  namespaces: 'Namespace',
  pods: 'Pod',
  deployments: 'Deployment',
  replicaSets: 'ReplicaSet',
  statefulSets: 'StatefulSet',
  daemonSets: 'DaemonSet',
  jobs: 'Job',
  cronJobs: 'CronJob',
  services: 'Service',
  ingresses: 'Ingress',
  persistentVolumeClaims: 'PersistentVolumeClaim',
  horizontalPodAutoscalers: 'HorizontalPodAutoscaler',
  events: 'Event',
  leases: 'Lease',
  storageClasses: 'StorageClass',
};
