import {
  compareSeverity,
  computeConceptPresence,
  entityCost,
  evaluateInsights,
  HOURS_PER_MONTH,
  mergeConceptPresence,
  recommendedGuides,
  type KubeObjectsByKind,
  type SuRates,
  type ClusterWorkloads,
  type EntityCost,
  type EntityWorkloadsResponse,
  type Insight,
  type ObjectEvent,
  type entitySelector,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ObjectIndex } from '../ClusterCollector/objectIndex';
import { eventsOf, rawEventsOf } from './entityEvents';
import { mergeWorkloadRows } from './mergeWorkloadRows';
import { toFetchResponses } from './toFetchResponses';
import { workloadOf } from './workloadOf';
import type { EntityClusterSelection } from './types';

type EntitySelector = ReturnType<typeof entitySelector>;

/**
 * An entity's view from its selected objects in every cluster: per cluster the objects as upstream's fetch
 * responses, concepts, insights; across clusters the workload rows, concepts, insights with their guides,
 * the newest events and the SU cost. Pure: it reads the clusters' indexes (events, nodes, owners) and
 * changes nothing.
 */
export function computeEntityWorkloads(input: {
  entityRef: string;
  selector: EntitySelector;
  selections: EntityClusterSelection[];
  /** The live index of a cluster (none for a cluster without a watcher). */
  indexOf: (cluster: string) => ObjectIndex | undefined;
  /** At most this many events, newest first. */
  maxEvents: number;
  /** SU per vCPU-hour by flavor family (the built-in rates when not given). */
  rates?: SuRates;
}): EntityWorkloadsResponse {
  const { entityRef, selector, selections, indexOf, maxEvents, rates } = input;
  const clusters: ClusterWorkloads[] = [];
  const events: ObjectEvent[] = [];
  const byCluster: EntityCost['byCluster'] = [];
  const byWorkload = new Map<string, EntityCost['byWorkload'][number]>();
  const unknownFlavorPods: string[] = [];
  for (const sel of selections) {
    const index = indexOf(sel.cluster);
    const objects: KubeObjectsByKind = sel.objects;
    const entry: ClusterWorkloads = {
      cluster: sel.cluster,
      status: sel.status,
      resources: toFetchResponses(objects),
      concepts: computeConceptPresence(objects),
      insights: [],
    };
    if (sel.error) entry.error = sel.error;
    if (sel.collectedAt) entry.collectedAt = sel.collectedAt;
    if (sel.unreachableSince) entry.unreachableSince = sel.unreachableSince;
    if (index) {
      const nodes = index.list('nodes');
      entry.insights = evaluateInsights({
        cluster: sel.cluster,
        clusterError: sel.error,
        objects,
        clusterWide: {
          nodes,
          storageClasses: index.list('storageClasses'),
          events: rawEventsOf(index, objects),
        },
        scope: 'entity',
      });
      events.push(...eventsOf(sel.cluster, index, objects));
      const cost = entityCost(
        objects.pods ?? [],
        nodes,
        pod => workloadOf(index, pod),
        rates,
      );
      if (cost.suPerHour > 0 || (objects.pods ?? []).length > 0) {
        byCluster.push({ cluster: sel.cluster, suPerHour: cost.suPerHour });
      }
      for (const w of cost.byWorkload) {
        const key = `${w.kind}/${w.namespace}/${w.name}`;
        const row = byWorkload.get(key) ?? { ...w, suPerHour: 0 };
        row.suPerHour += w.suPerHour;
        byWorkload.set(key, row);
      }
      unknownFlavorPods.push(
        ...cost.unknownFlavorPods.map(p => `${sel.cluster}:${p}`),
      );
    }
    clusters.push(entry);
  }
  const insights: Insight[] = clusters
    .flatMap(c => c.insights)
    .sort((a, b) => compareSeverity(a.severity, b.severity));
  const suPerHour = byCluster.reduce((sum, c) => sum + c.suPerHour, 0);
  return {
    entityRef,
    selector,
    clustersSearched: selections.map(s => s.cluster),
    clusters,
    workloads: mergeWorkloadRows(
      selections.map(s => ({ cluster: s.cluster, objects: s.objects })),
    ),
    concepts: mergeConceptPresence(clusters.map(c => c.concepts)),
    insights,
    recommendedGuides: recommendedGuides(insights),
    events: events
      .sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''))
      .slice(0, maxEvents),
    cost: {
      suPerHour,
      suPerMonth: suPerHour * HOURS_PER_MONTH,
      byCluster,
      byWorkload: [...byWorkload.values()].sort(
        (a, b) => b.suPerHour - a.suPerHour || a.name.localeCompare(b.name),
      ),
      unknownFlavorPods,
    },
  };
}
