/*
 * The per-kind "kept fields" tables of the resource registry (registry.ts, field `kept`): what the
 * collector keeps of each object. Every reader (views, insight rules, status functions, cluster summaries,
 * topology, upstream's objects provider and its components) reads only kept fields; the backend's tests
 * check that readers answer the same on trimmed objects as on the API server's.
 */

/**
 * What the collector keeps of each object of a kind, field by field (see `kept` below). A field maps to
 * - `true`: kept as it comes;
 * - `'shared'`: kept, and within one cluster equal values are stored once (the replicas of one template
 *   share their containers, volumes, labels and owner; events share their reasons and messages);
 * - `false`: dropped;
 * - a nested table: only the fields it names (for an array, of each element);
 * and `'*'` says what happens to the fields a table does not name (`true`, `'shared'`; dropped when absent).
 * A missing or `null` value stays missing.
 */
export type KeptField = boolean | 'shared' | KeptFields;
export interface KeptFields {
  readonly [field: string]: KeptField;
}

/** Object metadata: identity, time, labels, annotations and owners (never managedFields). */
const METADATA = {
  name: true,
  namespace: 'shared',
  uid: true,
  resourceVersion: true,
  generation: true,
  creationTimestamp: 'shared',
  deletionTimestamp: true,
  labels: 'shared',
  annotations: 'shared',
  ownerReferences: 'shared',
  finalizers: 'shared',
} as const satisfies KeptFields;

/** A pod spec, everything in it shared (its containers, volumes, tolerations, node...). */
const POD_SPEC = { '*': 'shared' } as const satisfies KeptFields;

/** The pod template of a controller. */
const TEMPLATE = {
  metadata: { labels: 'shared', annotations: 'shared' },
  spec: POD_SPEC,
} as const satisfies KeptFields;

/** A controller (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job): all, its template shared. */
export const CONTROLLER_KEPT = {
  '*': true,
  metadata: METADATA,
  spec: { '*': 'shared', template: TEMPLATE },
} as const satisfies KeptFields;

/**
 * What the status functions, upstream's error detection and its pod drawer read of a container's status
 * (the runtime's container and image ids are read by none of them).
 */
const CONTAINER_STATUS = {
  name: 'shared',
  image: 'shared',
  ready: true,
  started: true,
  restartCount: true,
  state: 'shared',
  lastState: 'shared',
} as const satisfies KeptFields;

/** The object an event is about, found by kind, namespace and name. */
const INVOLVED_OBJECT = {
  kind: 'shared',
  namespace: 'shared',
  name: 'shared',
} as const satisfies KeptFields;

/** Any kind without a table of its own: everything but the metadata's bookkeeping. */
export const DEFAULT_KEPT_FIELDS = {
  '*': true,
  metadata: METADATA,
} as const satisfies KeptFields;

/**
 * A pod: identity and owners, its spec whole (shared by the replicas of a template), and the status fields
 * the status functions, rules and upstream's components read. The service-account token volume the API
 * server adds to every pod (kube-api-access-*, named per pod) and its mounts are dropped too, so the
 * replicas of one template share one spec.
 */
export const POD_KEPT = {
  apiVersion: 'shared',
  kind: 'shared',
  metadata: METADATA,
  spec: POD_SPEC,
  status: {
    phase: 'shared',
    reason: 'shared',
    message: true,
    nominatedNodeName: 'shared',
    hostIP: 'shared',
    podIP: true,
    startTime: 'shared',
    qosClass: 'shared',
    conditions: {
      type: 'shared',
      status: 'shared',
      reason: 'shared',
      message: 'shared',
      lastTransitionTime: 'shared',
    },
    containerStatuses: CONTAINER_STATUS,
    initContainerStatuses: CONTAINER_STATUS,
    ephemeralContainerStatuses: CONTAINER_STATUS,
  },
} as const satisfies KeptFields;

/** A CronJob: all of it, its job template shared. */
export const CRONJOB_KEPT = {
  '*': true,
  metadata: METADATA,
  spec: {
    '*': 'shared',
    jobTemplate: {
      metadata: METADATA,
      spec: { '*': 'shared', template: TEMPLATE },
    },
  },
} as const satisfies KeptFields;

/** A node: all of it but the list of every image it holds (long, and read by nobody). */
export const NODE_KEPT = {
  '*': true,
  metadata: METADATA,
  status: { '*': 'shared', images: false },
} as const satisfies KeptFields;

/** An event: only what the tab's event list, the insight rules and the index by object read. */
export const EVENT_KEPT = {
  kind: 'shared',
  metadata: {
    name: true,
    namespace: 'shared',
    resourceVersion: true,
    creationTimestamp: 'shared',
  },
  involvedObject: INVOLVED_OBJECT,
  regarding: INVOLVED_OBJECT,
  type: 'shared',
  reason: 'shared',
  message: 'shared',
  note: 'shared',
  count: true,
  series: true,
  lastTimestamp: 'shared',
  eventTime: 'shared',
} as const satisfies KeptFields;

/** A lease (leader election, kubelet heartbeats): who holds it and when it was renewed. */
export const LEASE_KEPT = {
  '*': true,
  metadata: METADATA,
  spec: {
    holderIdentity: 'shared',
    leaseDurationSeconds: true,
    renewTime: true,
    acquireTime: true,
    leaseTransitions: true,
  },
} as const satisfies KeptFields;
