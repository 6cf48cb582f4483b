import { resourceRegistry, type ResourceKey } from '../resources/registry';
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

/** Objects of one cluster (or of one entity in a cluster), by registry key. Every list is optional. */
export type KubeObjectsByKind = { [K in ResourceKey]?: KubeObject[] };

/** The Kubernetes kind of each KubeObjectsByKind list (from the resource registry). */
export const clusterObjectKinds = Object.fromEntries(
  resourceRegistry.map(d => [d.key, d.kind]),
) as Record<ResourceKey, string>;
