/*
 * The one table of the Kubernetes resource types the portal collects. Every layer reads it: the collector
 * (what to list and watch), the entity selection (what an entity can own), upstream's objects provider
 * (the FetchResponse type), the concept cards (which concept explains a kind), the cluster summaries
 * (which kinds are counted), the workload rows, and what the collector keeps of each object (`kept`, the
 * tables in keptFields.ts). Add a type here and every layer picks it up.
 */

import {
  CONTROLLER_KEPT,
  CRONJOB_KEPT,
  DEFAULT_KEPT_FIELDS,
  EVENT_KEPT,
  LEASE_KEPT,
  NODE_KEPT,
  POD_KEPT,
  type KeptFields,
} from './keptFields';

/** The FetchResponse types of upstream's @backstage/plugin-kubernetes-common that we can serve. */
export type UpstreamObjectType =
  | 'pods'
  | 'services'
  | 'configmaps'
  | 'deployments'
  | 'limitranges'
  | 'resourcequotas'
  | 'replicasets'
  | 'horizontalpodautoscalers'
  | 'jobs'
  | 'cronjobs'
  | 'ingresses'
  | 'statefulsets'
  | 'daemonsets'
  | 'persistentvolumeclaims';

export interface ResourceDefinition {
  /** Key of the list in KubeObjectsByKind, e.g. "replicaSets". */
  key: string;
  kind: string;
  apiGroup: string;
  apiVersion: string;
  /** Lowercase plural as in the API path and RBAC rules, e.g. "replicasets". */
  plural: string;
  /** Collected from one namespace only (e.g. control-plane leases in kube-system). */
  namespace?: string;
  /** Field selector of the list and watch. */
  fieldSelector?: string;
  namespaced: boolean;
  /** The concept card that explains this kind (an id of the concept catalogue). */
  conceptId?: string;
  /** Set when an entity can own objects of this type: upstream's FetchResponse type for them. */
  upstreamType?: UpstreamObjectType;
  /** Shown as its own row in the entity's workload table (pods and jobs only when no controller owns them). */
  workloadRow?: boolean;
  /** Counted in a cluster's workload counts. */
  counted?: boolean;
  /** Shown as a concept card with counts when the entity (or cluster) has objects of this kind. */
  presence?: boolean;
  /**
   * What the collector keeps of each object (see KeptFields); absent: DEFAULT_KEPT_FIELDS. Every reader
   * (views, insight rules, status functions, cluster summaries, topology, upstream's objects provider and
   * its components) reads only kept fields; the collector's tests check that readers answer the same on
   * trimmed objects.
   */
  kept?: KeptFields;
}

export const resourceRegistry = [
  {
    key: 'pods',
    kind: 'Pod',
    apiGroup: '',
    apiVersion: 'v1',
    plural: 'pods',
    namespaced: true,
    conceptId: 'pod',
    upstreamType: 'pods',
    workloadRow: true,
    counted: true,
    presence: true,
    kept: POD_KEPT,
  },
  {
    key: 'deployments',
    kind: 'Deployment',
    apiGroup: 'apps',
    apiVersion: 'v1',
    plural: 'deployments',
    namespaced: true,
    conceptId: 'deployment',
    upstreamType: 'deployments',
    workloadRow: true,
    counted: true,
    presence: true,
    kept: CONTROLLER_KEPT,
  },
  {
    key: 'replicaSets',
    kind: 'ReplicaSet',
    apiGroup: 'apps',
    apiVersion: 'v1',
    plural: 'replicasets',
    namespaced: true,
    conceptId: 'replicaset',
    upstreamType: 'replicasets',
    counted: true,
    presence: true,
    kept: CONTROLLER_KEPT,
  },
  {
    key: 'statefulSets',
    kind: 'StatefulSet',
    apiGroup: 'apps',
    apiVersion: 'v1',
    plural: 'statefulsets',
    namespaced: true,
    conceptId: 'statefulset',
    upstreamType: 'statefulsets',
    workloadRow: true,
    counted: true,
    presence: true,
    kept: CONTROLLER_KEPT,
  },
  {
    key: 'daemonSets',
    kind: 'DaemonSet',
    apiGroup: 'apps',
    apiVersion: 'v1',
    plural: 'daemonsets',
    namespaced: true,
    conceptId: 'daemonset',
    upstreamType: 'daemonsets',
    workloadRow: true,
    counted: true,
    presence: true,
    kept: CONTROLLER_KEPT,
  },
  {
    key: 'jobs',
    kind: 'Job',
    apiGroup: 'batch',
    apiVersion: 'v1',
    plural: 'jobs',
    namespaced: true,
    conceptId: 'job',
    upstreamType: 'jobs',
    workloadRow: true,
    counted: true,
    presence: true,
    kept: CONTROLLER_KEPT,
  },
  {
    key: 'cronJobs',
    kind: 'CronJob',
    apiGroup: 'batch',
    apiVersion: 'v1',
    plural: 'cronjobs',
    namespaced: true,
    conceptId: 'cronjob',
    upstreamType: 'cronjobs',
    workloadRow: true,
    counted: true,
    presence: true,
    kept: CRONJOB_KEPT,
  },
  {
    key: 'services',
    kind: 'Service',
    apiGroup: '',
    apiVersion: 'v1',
    plural: 'services',
    namespaced: true,
    conceptId: 'service',
    upstreamType: 'services',
    workloadRow: true,
    counted: true,
    presence: true,
  },
  {
    key: 'ingresses',
    kind: 'Ingress',
    apiGroup: 'networking.k8s.io',
    apiVersion: 'v1',
    plural: 'ingresses',
    namespaced: true,
    conceptId: 'ingress',
    upstreamType: 'ingresses',
    workloadRow: true,
    counted: true,
    presence: true,
  },
  {
    key: 'persistentVolumeClaims',
    kind: 'PersistentVolumeClaim',
    apiGroup: '',
    apiVersion: 'v1',
    plural: 'persistentvolumeclaims',
    namespaced: true,
    conceptId: 'persistent-volume-claim',
    upstreamType: 'persistentvolumeclaims',
    workloadRow: true,
    counted: true,
    presence: true,
  },
  {
    key: 'horizontalPodAutoscalers',
    kind: 'HorizontalPodAutoscaler',
    apiGroup: 'autoscaling',
    apiVersion: 'v2',
    plural: 'horizontalpodautoscalers',
    namespaced: true,
    conceptId: 'horizontal-pod-autoscaler',
    upstreamType: 'horizontalpodautoscalers',
    counted: true,
    presence: true,
  },
  {
    // Served to upstream's components with data values removed (names and keys stay).
    key: 'configMaps',
    kind: 'ConfigMap',
    apiGroup: '',
    apiVersion: 'v1',
    plural: 'configmaps',
    namespaced: true,
    conceptId: 'configmap',
    upstreamType: 'configmaps',
  },
  {
    key: 'limitRanges',
    kind: 'LimitRange',
    apiGroup: '',
    apiVersion: 'v1',
    plural: 'limitranges',
    namespaced: true,
    upstreamType: 'limitranges',
  },
  {
    key: 'resourceQuotas',
    kind: 'ResourceQuota',
    apiGroup: '',
    apiVersion: 'v1',
    plural: 'resourcequotas',
    namespaced: true,
    upstreamType: 'resourcequotas',
  },
  {
    key: 'nodes',
    kind: 'Node',
    apiGroup: '',
    apiVersion: 'v1',
    plural: 'nodes',
    namespaced: false,
    conceptId: 'node',
    presence: true,
    kept: NODE_KEPT,
  },
  {
    key: 'namespaces',
    kind: 'Namespace',
    apiGroup: '',
    apiVersion: 'v1',
    plural: 'namespaces',
    namespaced: false,
    conceptId: 'namespace',
    presence: true,
  },
  {
    // All events (Normal and Warning): the entity tab lists them, the rules read the warnings.
    key: 'events',
    kind: 'Event',
    apiGroup: '',
    apiVersion: 'v1',
    plural: 'events',
    namespaced: true,
    conceptId: 'event',
    kept: EVENT_KEPT,
  },
  {
    // Leader-election leases of the scheduler and controller manager.
    key: 'leases',
    kind: 'Lease',
    apiGroup: 'coordination.k8s.io',
    apiVersion: 'v1',
    plural: 'leases',
    namespace: 'kube-system',
    namespaced: true,
    conceptId: 'lease',
    kept: LEASE_KEPT,
  },
  {
    // Kubelet heartbeats.
    key: 'nodeLeases',
    kind: 'Lease',
    apiGroup: 'coordination.k8s.io',
    apiVersion: 'v1',
    plural: 'leases',
    namespace: 'kube-node-lease',
    namespaced: true,
    conceptId: 'lease',
    kept: LEASE_KEPT,
  },
  {
    key: 'storageClasses',
    kind: 'StorageClass',
    apiGroup: 'storage.k8s.io',
    apiVersion: 'v1',
    plural: 'storageclasses',
    namespaced: false,
    conceptId: 'storage-class',
  },
] as const satisfies readonly ResourceDefinition[];

export type ResourceKey = (typeof resourceRegistry)[number]['key'];
export type RegisteredResource = (typeof resourceRegistry)[number];

/** The list path of a type across all namespaces (or in its one namespace), e.g. "/apis/apps/v1/deployments". */
export function resourcePath(
  def: ResourceDefinition,
  namespace: string | undefined = def.namespace,
): string {
  const base = def.apiGroup
    ? `/apis/${def.apiGroup}/${def.apiVersion}`
    : `/api/${def.apiVersion}`;
  return namespace
    ? `${base}/namespaces/${namespace}/${def.plural}`
    : `${base}/${def.plural}`;
}

/** "apps/v1", or "v1" for the core group. */
export function groupVersion(def: ResourceDefinition): string {
  return def.apiGroup ? `${def.apiGroup}/${def.apiVersion}` : def.apiVersion;
}

/** What the collector keeps of the objects of a type (its `kept`, else DEFAULT_KEPT_FIELDS). */
export function keptFieldsOf(def: ResourceDefinition): KeptFields {
  return def.kept ?? DEFAULT_KEPT_FIELDS;
}

export function resourceByKey(key: string): ResourceDefinition | undefined {
  return (resourceRegistry as readonly ResourceDefinition[]).find(
    d => d.key === key,
  );
}

/** The types an entity can own, in registry order. */
export const entityResources = resourceRegistry.filter(
  (d): d is Extract<RegisteredResource, { upstreamType: string }> =>
    'upstreamType' in d,
);

/** Registry entries matching a kind (the first is the main one: "leases" before "nodeLeases"). */
export function resourceByKind(kind: string): ResourceDefinition | undefined {
  return (resourceRegistry as readonly ResourceDefinition[]).find(
    d => d.kind === kind,
  );
}
