import type {
  KubeObject,
  ResourceKey,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { ObjectIndex } from '../../ClusterCollector/objectIndex';
import { selectEntityObjects } from '../../EntityWorkloads/selectEntityObjects';
import { TopologyGraph } from '../topologyGraph';
import type { ClusterTopologyInput } from '../types';
import { ID_LABEL } from './kubeObjects';

// The topology units' input over a real cache and the entity's real selection, and readable views of
// what they drew.

const KEYS: Record<string, ResourceKey> = {
  Deployment: 'deployments',
  ReplicaSet: 'replicaSets',
  StatefulSet: 'statefulSets',
  DaemonSet: 'daemonSets',
  CronJob: 'cronJobs',
  Job: 'jobs',
  Pod: 'pods',
  Service: 'services',
  Ingress: 'ingresses',
  HorizontalPodAutoscaler: 'horizontalPodAutoscalers',
  PersistentVolumeClaim: 'persistentVolumeClaims',
  StorageClass: 'storageClasses',
  Node: 'nodes',
  Event: 'events',
};

/** A cluster's cache holding these objects. */
export function indexOf(objects: KubeObject[]): ObjectIndex {
  const index = new ObjectIndex();
  for (const o of objects) index.upsert(KEYS[o.kind!], o);
  return index;
}

/**
 * The input of the topology's units for the entity labelled `backstage.io/kubernetes-id: <id>` in cluster
 * "js2-demo", whose cache holds `objects`: the selection is the real one (the label index).
 */
export function clusterInput(
  objects: KubeObject[],
  id = 'jupyterhub',
): ClusterTopologyInput & { index: ObjectIndex } {
  const index = indexOf(objects);
  return {
    cluster: 'js2-demo',
    objects: selectEntityObjects(index, [
      { key: ID_LABEL, op: 'in', values: [id] },
    ]),
    index,
    graph: new TopologyGraph(),
  };
}

/** The edges as "Kind/name -type-> Kind/name", sorted, for readable expectations. */
export function edgesOf(input: ClusterTopologyInput): string[] {
  const { nodes, edges } = input.graph.result();
  const label = (id: string) => {
    const n = nodes.find(x => x.id === id)!;
    return `${n.kind}/${n.name}`;
  };
  return edges.map(e => `${label(e.from)} -${e.type}-> ${label(e.to)}`).sort();
}

/** The node of this kind and name. */
export function nodeNamed(
  input: ClusterTopologyInput,
  kind: string,
  name: string,
) {
  return input.graph
    .result()
    .nodes.find(n => n.kind === kind && n.name === name);
}
