/*
 * Wire types of the jetstream2-kubernetes backend routes (/api/jetstream2-kubernetes/...).
 * This file is the contract between the backend and the frontend plugin: add optional fields freely,
 * change or remove existing ones only together with both sides. The allocation routes' types are in
 * ./allocations/types.ts.
 */
import type {
  ClientPodStatus,
  FetchResponse,
} from '@backstage/plugin-kubernetes-common';

/** The id of the plugin on both sides: routes live under /api/jetstream2-kubernetes. */
export const JETSTREAM2_KUBERNETES_PLUGIN_ID = 'jetstream2-kubernetes';

export type GuideSource = 'jetstream2-docs' | 'zonca.dev';

/** A Jetstream2 Kubernetes guide, summarised in our own words, linking to the original. */
export interface Guide {
  id: string;
  title: string;
  url: string;
  source: GuideSource;
  /** One sentence: what the guide is for. */
  summary: string;
  /** When to reach for it. */
  purpose: string;
  prerequisites: string[];
  /** Names of the main steps, in order. */
  steps: string[];
  tools: string[];
  /** Ids of the concepts it teaches or touches. */
  concepts: string[];
  /** True when the guide is superseded (e.g. Kubespray by Magnum). */
  superseded?: boolean;
  /** Catalog ref of a scaffolder template that does what the guide describes, if any. */
  templateRef?: string;
}

export type ConceptCategory =
  | 'workload'
  | 'networking'
  | 'storage'
  | 'configuration'
  | 'scaling'
  | 'node'
  | 'control-plane'
  | 'cluster'
  | 'packaging';

/** A Kubernetes concept, explained for portal users. */
export interface Concept {
  id: string;
  name: string;
  category: ConceptCategory;
  /** One or two sentences. */
  summary: string;
  /** A longer explanation (plain text, may have several paragraphs separated by blank lines). */
  description: string;
  /** Kubernetes kinds this concept describes (e.g. ["Pod"]); empty for components like kubelet. */
  kinds: string[];
  /** Guides that teach or use it. */
  guides: string[];
  /** Related concepts. */
  related: string[];
  /** Upstream Kubernetes reference page. */
  referenceUrl?: string;
}

/** CPU in cores, memory in bytes, GPUs (nvidia.com/gpu) as a count. */
export interface ResourceAmounts {
  cpuCores: number;
  memoryBytes: number;
  gpus: number;
}

export type ClusterStatus = 'ok' | 'degraded' | 'error' | 'pending';

export type ClusterErrorReason =
  | 'unauthorized'
  | 'forbidden'
  | 'unreachable'
  | 'timeout'
  | 'tls'
  | 'unknown';

export interface ClusterError {
  reason: ClusterErrorReason;
  /** A message a person can act on; never contains tokens or certificates. */
  message: string;
  /** The guide that helps with this error, if any. */
  guideId?: string;
}

export interface ClusterSummary {
  name: string;
  title?: string;
  /** Kubernetes version reported by /version, e.g. "v1.34.2". */
  version?: string;
  status: ClusterStatus;
  error?: ClusterError;
  nodeCount: number;
  readyNodeCount: number;
  capacity: ResourceAmounts;
  allocatable: ResourceAmounts;
  /** Sum of the requests of pods that are scheduled and not finished. */
  requested: ResourceAmounts;
  podCount: number;
  /** ISO time of the last successful collection, if any. */
  collectedAt?: string;
  /** Seconds since collectedAt when the answer was made. */
  ageSeconds?: number;
  /** True when served from the store after a restart, before fresh data arrived. */
  stale?: boolean;
  /** ISO time since when the cluster cannot be reached (its data is as of collectedAt). */
  unreachableSince?: string;
  /** What the cluster's nodes cost the allocation, in Jetstream2 service units (SU). */
  cost?: ClusterCost;
}

/** SU burn of a cluster: every node costs its flavor's rate, busy or idle. */
export interface ClusterCost {
  suPerHour: number;
  /** suPerHour times HOURS_PER_MONTH (730). */
  suPerMonth: number;
  /** The share of suPerHour that no pod requests. */
  idleSuPerHour: number;
  /** Names of nodes whose flavor is unknown; they are not counted, and are listed so nobody reads 0 as free. */
  unknownFlavorNodes: string[];
}

/** SU burn of one entity's pods: each pod's share of its node. */
export interface EntityCost {
  suPerHour: number;
  suPerMonth: number;
  byCluster: { cluster: string; suPerHour: number }[];
  /** Per workload row (kind/namespace/name as in `workloads`), highest first. */
  byWorkload: {
    kind: string;
    namespace: string;
    name: string;
    suPerHour: number;
  }[];
  /** Pods on nodes of unknown flavor (not counted). */
  unknownFlavorPods: string[];
}

export interface NodeCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface NodeTaint {
  key: string;
  value?: string;
  effect: string;
}

export interface NodeSummary {
  name: string;
  /** Jetstream2 flavor from node.kubernetes.io/instance-type, e.g. "m3.medium". */
  flavor?: string;
  roles: string[];
  ready: boolean;
  unschedulable: boolean;
  capacity: ResourceAmounts;
  allocatable: ResourceAmounts;
  requested: ResourceAmounts;
  podCount: number;
  kubeletVersion?: string;
  kubeProxyVersion?: string;
  containerRuntimeVersion?: string;
  osImage?: string;
  conditions: NodeCondition[];
  taints: NodeTaint[];
  /** Last kubelet heartbeat (its Lease in kube-node-lease), if collected. */
  heartbeatAt?: string;
  /** SU per hour of this node's flavor; undefined when the flavor is unknown. */
  suPerHour?: number;
  /** Current usage from metrics.k8s.io, when the cluster serves it. */
  usage?: ResourceAmounts;
}

export interface ControlPlaneCheck {
  /** Check name as the API server reports it, e.g. "etcd" or "poststarthook/rbac/bootstrap-roles". */
  name: string;
  endpoint: 'readyz' | 'livez';
  ok: boolean;
}

export interface ControlPlaneLease {
  /** e.g. "kube-scheduler", "kube-controller-manager". */
  component: string;
  holder?: string;
  renewedAt?: string;
  /** True when renewed within its lease duration. */
  healthy: boolean;
}

export interface ControlPlaneHealth {
  ready?: boolean;
  live?: boolean;
  checks: ControlPlaneCheck[];
  leases: ControlPlaneLease[];
}

export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

export type InsightSeverity = 'info' | 'warning' | 'error';

/** A live signal turned into advice: which guide helps, and why. */
export interface Insight {
  /** The rule that fired, e.g. "pvc-pending". */
  ruleId: string;
  severity: InsightSeverity;
  title: string;
  /** Why this guide was chosen, in words a person understands. */
  reason: string;
  guideId: string;
  conceptIds: string[];
  cluster?: string;
  objects: ObjectRef[];
}

export interface ClusterDetail extends ClusterSummary {
  nodes: NodeSummary[];
  controlPlane: ControlPlaneHealth;
  namespaces: string[];
  /** Object counts by kind, e.g. { Pod: 12, Deployment: 4 }. */
  workloadCounts: Record<string, number>;
  insights: Insight[];
}

/** How many objects of a concept's kind an entity (or the portal) has, and in which states. */
export interface ConceptPresence {
  conceptId: string;
  kind: string;
  count: number;
  /** e.g. { Running: 2, Pending: 1 } */
  states: Record<string, number>;
  /** e.g. "3 Pods: 2 Running, 1 Pending" */
  summary: string;
}

export interface EntitySelector {
  /** Label selector sent to the clusters, e.g. "backstage.io/kubernetes-id=jupyterhub". */
  labelSelector: string;
  namespace?: string;
  /** Which annotation produced it. */
  source: 'kubernetes-id' | 'label-selector' | 'entity-name';
}

/**
 * How an object is doing, in one word that every screen shows the same way:
 * ok (running as intended), done (finished as intended: a Succeeded pod, a Complete Job),
 * progressing (on its way: Pending, rolling out), warning (needs a look), error (broken).
 */
export type ObjectVerdict = 'ok' | 'done' | 'progressing' | 'warning' | 'error';

/** One workload (Deployment, StatefulSet, DaemonSet, Job, CronJob, Service, ...) across clusters. */
export interface WorkloadRow {
  kind: string;
  namespace: string;
  name: string;
  clusters: string[];
  /** e.g. "2/3 ready" or "Pending". */
  status: string;
  /** The verdict of the status (see ObjectVerdict); the worst across clusters. */
  verdict: ObjectVerdict;
  /** verdict is ok, done or progressing. */
  healthy: boolean;
}

/** One Kubernetes event about one of the entity's objects (all types, not only warnings). */
export interface ObjectEvent {
  cluster: string;
  type: 'Normal' | 'Warning' | string;
  reason: string;
  message: string;
  object: ObjectRef;
  count: number;
  /** ISO time of the last occurrence. */
  lastSeen?: string;
}

export interface ClusterWorkloads {
  cluster: string;
  status: ClusterStatus;
  error?: ClusterError;
  collectedAt?: string;
  /** ISO time since when the cluster cannot be reached (its data is as of collectedAt). */
  unreachableSince?: string;
  /** The entity's objects in the shape the upstream Kubernetes components render. */
  resources: FetchResponse[];
  concepts: ConceptPresence[];
  insights: Insight[];
}

export interface GuideRecommendation {
  guideId: string;
  /** Why it was recommended; the first is the strongest. */
  reasons: string[];
  severity: InsightSeverity;
}

export interface EntityWorkloadsResponse {
  entityRef: string;
  selector: EntitySelector;
  clustersSearched: string[];
  clusters: ClusterWorkloads[];
  /** Workloads merged across clusters: one row per kind/namespace/name. */
  workloads: WorkloadRow[];
  /** Concepts merged across clusters. */
  concepts: ConceptPresence[];
  insights: Insight[];
  recommendedGuides: GuideRecommendation[];
  /** Events of the entity's objects, newest first. */
  events?: ObjectEvent[];
  /** SU burn of the entity's pods. */
  cost?: EntityCost;
}

/**
 * Signals (Backstage signals plugin) the backend publishes when data changes; they carry no object data,
 * only a version, so the page refetches through the authenticated routes.
 */
export const JETSTREAM2_KUBERNETES_SIGNAL_CLUSTERS =
  'jetstream2-kubernetes:clusters';
/** The signal channel of one entity, e.g. "jetstream2-kubernetes:entity:component:default/science-api". */
export function entitySignalChannel(entityRef: string): string {
  return `jetstream2-kubernetes:entity:${entityRef.toLocaleLowerCase('en-US')}`;
}
export interface ChangeSignal {
  /** Changes whenever the data behind the channel changed. */
  version: string;
}

export interface ClusterTemplateSummary {
  entityRef: string;
  name: string;
  title: string;
  description?: string;
  tags: string[];
}

export interface HealthResponse {
  status: 'ok';
}

/**
 * The usage of an entity's pods in one cluster (`GET /entities/:namespace/:kind/:name/usage`), in upstream's
 * podMetrics shape: CPU in cores, memory in bytes, each `pod` cut to its name, namespace and uid. A pod that
 * metrics-server has not sampled yet has no entry; a cluster without metrics has none. Kept out of the
 * entity's workloads view, which is cached per data version while usage moves with every poll.
 */
export interface EntityPodUsage {
  cluster: string;
  podMetrics: ClientPodStatus[];
}
