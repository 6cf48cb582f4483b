/*
 * Wire types of an entity's topology (`GET /entities/:namespace/:kind/:name/topology`): the entity's objects
 * in every cluster as a graph, computed by the backend from its cache. Part of the contract of types.ts:
 * add optional fields freely, change or remove existing ones only together with both sides.
 */
import type {
  ClusterError,
  ClusterStatus,
  Insight,
  ObjectVerdict,
} from './types';

/**
 * What a node of the topology stands for: a Kubernetes kind, or `ExternalAddress`, the address a
 * LoadBalancer Service gets from the cloud (or is still waiting for).
 */
export type TopologyNodeKind =
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'CronJob'
  | 'Job'
  | 'ReplicaSet'
  | 'Pod'
  | 'Service'
  | 'Ingress'
  | 'HorizontalPodAutoscaler'
  | 'PersistentVolumeClaim'
  | 'PersistentVolume'
  | 'StorageClass'
  | 'Node'
  | 'ExternalAddress';

/**
 * How two objects are joined, always drawn from the first to the second:
 * `owns` (a controller to what it made: Deployment → ReplicaSet → Pod, CronJob → Job → Pod),
 * `selects` (a Service to the pods its selector matches), `routes` (an Ingress to a Service),
 * `scales` (a HorizontalPodAutoscaler to its target), `mounts` (a Pod to a claim),
 * `binds` (a claim to its PersistentVolume), `storage-class` (a claim to the class that provisions it),
 * `runs-on` (a Pod to its Node), `exposes` (a LoadBalancer Service to its external address).
 */
export type TopologyEdgeType =
  | 'owns'
  | 'selects'
  | 'routes'
  | 'scales'
  | 'mounts'
  | 'binds'
  | 'storage-class'
  | 'runs-on'
  | 'exposes';

/** One fact about an object, in words: `{ label: 'Flavor', value: 'g3.medium (1/4 A100, 10 GB)' }`. */
export interface TopologyFact {
  label: string;
  value: string;
}

export interface TopologyNode {
  /** Unique in the response: cluster, kind, namespace and name. */
  id: string;
  kind: TopologyNodeKind;
  name: string;
  /** Empty for objects that belong to no namespace (Node, StorageClass, PersistentVolume). */
  namespace: string;
  cluster: string;
  /** From the one status function every screen uses (objectStatus in -common). */
  verdict: ObjectVerdict;
  /** The guide that fixes the problem an insight rule found on this object. */
  guideId?: string;
  /** The rule that chose `guideId`: an insight of the response's `insights` with this ruleId and cluster. */
  ruleId?: string;
  /** The status in a few words: "2/3 ready", "Pending", "LoadBalancer without address". */
  status: string;
  /** The value of app.kubernetes.io/part-of (or, without it, app.kubernetes.io/instance). */
  group?: string;
  /** Named by another object but not in the cluster: a broken reference. */
  missing?: true;
  /** What is wrong with the object's references, or why an address is missing, in words. */
  note?: string;
  /** A Node's Jetstream2 flavor, e.g. "g3.medium". */
  flavor?: string;
  /** A Node's GPUs, e.g. "1/4 A100 (10 GB)", or a pod's GPU request, e.g. "1 GPU". */
  gpu?: string;
  /** The object's key facts, for the side panel. */
  facts: TopologyFact[];
}

export interface TopologyEdge {
  from: string;
  to: string;
  type: TopologyEdgeType;
}

/** A cluster the topology searched, with its status (an unreachable one shows what it last knew). */
export interface TopologyCluster {
  cluster: string;
  status: ClusterStatus;
  error?: ClusterError;
}

export interface EntityTopologyResponse {
  entityRef: string;
  clusters: TopologyCluster[];
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  /** The insights whose guides the nodes show (why each guide was chosen). */
  insights: Insight[];
}
