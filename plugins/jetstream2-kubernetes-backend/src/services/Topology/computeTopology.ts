import type {
  EntityTopologyResponse,
  Insight,
  KubeObject,
  ResourceKey,
  TopologyNodeKind,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { compareSeverity } from '@internal/plugin-jetstream2-kubernetes-common';
import type { ObjectIndex } from '../ClusterCollector/objectIndex';
import { rawEventsOf } from '../EntityWorkloads/entityEvents';
import type { EntityClusterSelection } from '../EntityWorkloads/types';
import { putGuidesOnNodes } from './guidesOnNodes';
import { addHpaEdges } from './hpaEdges';
import { addIngressEdges } from './ingressEdges';
import { addNodeEdges } from './nodeEdges';
import { addOwnerEdges, liveReplicaSets } from './ownerEdges';
import { addServiceEdges } from './serviceEdges';
import { addStorageEdges } from './storageEdges';
import { TopologyGraph } from './topologyGraph';
import type { ClusterTopologyInput } from './types';

/** The kinds of an entity's objects that the topology draws (ConfigMaps, quotas and limits it leaves out). */
const DRAWN: ReadonlyArray<[ResourceKey, TopologyNodeKind]> = [
  ['deployments', 'Deployment'],
  ['statefulSets', 'StatefulSet'],
  ['daemonSets', 'DaemonSet'],
  ['cronJobs', 'CronJob'],
  ['jobs', 'Job'],
  ['replicaSets', 'ReplicaSet'],
  ['pods', 'Pod'],
  ['services', 'Service'],
  ['ingresses', 'Ingress'],
  ['horizontalPodAutoscalers', 'HorizontalPodAutoscaler'],
  ['persistentVolumeClaims', 'PersistentVolumeClaim'],
];

/** One cluster's share of the entity: every drawn object, then each kind of edge in turn. */
export function addClusterTopology(input: ClusterTopologyInput) {
  const replicaSets = liveReplicaSets(input);
  const drawn: Array<{ kind: TopologyNodeKind; obj: KubeObject }> = [];
  for (const [key, kind] of DRAWN) {
    const list = key === 'replicaSets' ? replicaSets : input.objects[key] ?? [];
    for (const obj of list) drawn.push({ kind, obj });
  }
  addOwnerEdges(input, drawn);
  addServiceEdges(input);
  addIngressEdges(input);
  addHpaEdges(input);
  addStorageEdges(input);
  addNodeEdges(input);
}

/**
 * An entity's topology from its selected objects in every cluster: nodes with their verdicts, the edges
 * between them, and on each object with a problem the guide that fixes it. Pure: it reads the clusters'
 * caches and changes nothing.
 */
export function computeTopology(input: {
  entityRef: string;
  selections: EntityClusterSelection[];
  /** The live cache of a cluster (none for a cluster without a watcher). */
  indexOf: (cluster: string) => ObjectIndex | undefined;
}): EntityTopologyResponse {
  const graph = new TopologyGraph();
  const insights: Insight[] = [];
  const clusters: EntityTopologyResponse['clusters'] = [];
  for (const sel of input.selections) {
    clusters.push({
      cluster: sel.cluster,
      status: sel.status,
      ...(sel.error ? { error: sel.error } : {}),
    });
    const index = input.indexOf(sel.cluster);
    if (!index) continue;
    addClusterTopology({
      cluster: sel.cluster,
      objects: sel.objects,
      index,
      graph,
    });
    insights.push(
      ...putGuidesOnNodes(
        {
          cluster: sel.cluster,
          clusterError: sel.error,
          objects: sel.objects,
          clusterWide: {
            nodes: index.list('nodes'),
            storageClasses: index.list('storageClasses'),
            events: rawEventsOf(index, sel.objects),
          },
          scope: 'entity',
        },
        id => graph.get(id),
        service => graph.targetsOf(service, 'exposes'),
      ),
    );
  }
  return {
    entityRef: input.entityRef,
    clusters,
    ...graph.result(),
    insights: insights.sort((a, b) => compareSeverity(a.severity, b.severity)),
  };
}
