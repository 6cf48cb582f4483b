import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  computeConceptPresence,
  entitySelector,
  evaluateInsights,
  mergeConceptPresence,
  parseLabelSelector,
  recommendedGuides,
  compareSeverity,
  type ClusterObjects,
  type ClusterWorkloads,
  type Insight,
  type LabelRequirement,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterDataService } from '../ClusterData/types';
import {
  mergeWorkloadRows,
  selectEntityObjects,
  toFetchResponses,
} from './selectObjects';
import type { EntityWorkloadsService } from './types';

export function createEntityWorkloadsService(options: {
  catalog: CatalogService;
  clusterData: ClusterDataService;
}): EntityWorkloadsService {
  const { catalog, clusterData } = options;
  return {
    async getEntityWorkloads(ref, { credentials }) {
      const entity = await catalog.getEntityByRef(ref, { credentials });
      const entityRef = stringifyEntityRef(ref);
      if (!entity) throw new NotFoundError(`Entity ${entityRef} not found`);
      const selector = entitySelector(entity);
      let requirements: LabelRequirement[];
      try {
        requirements = parseLabelSelector(selector.labelSelector);
      } catch (err) {
        throw new InputError(
          `Entity ${entityRef} has an invalid backstage.io/kubernetes-label-selector annotation: ${
            (err as Error).message
          }`,
        );
      }
      const clustersSearched = clusterData.clusterNames();
      const clusters: ClusterWorkloads[] = [];
      const selectedPerCluster: { cluster: string; objects: ClusterObjects }[] =
        [];
      const summaries = await clusterData.listClusters();
      for (const name of clustersSearched) {
        const snap = clusterData.liveSnapshot(name);
        if (!snap) {
          const summary = summaries.find(s => s.name === name);
          clusters.push({
            cluster: name,
            status: summary?.status === 'error' ? 'error' : 'pending',
            error: summary?.error ?? {
              reason: 'unknown',
              message: `Objects of cluster ${name} are collected by another backend replica and are not available on this one yet.`,
            },
            collectedAt: summary?.collectedAt,
            resources: [],
            concepts: [],
            insights: [],
          });
          continue;
        }
        const selected = selectEntityObjects(
          snap.objects,
          requirements,
          selector.namespace,
        );
        selectedPerCluster.push({ cluster: name, objects: selected });
        const entry: ClusterWorkloads = {
          cluster: name,
          status: snap.status,
          resources: toFetchResponses(selected),
          concepts: computeConceptPresence(selected),
          insights: evaluateInsights({
            cluster: name,
            clusterError: snap.error,
            objects: selected,
            clusterWide: {
              nodes: snap.objects.nodes,
              storageClasses: snap.objects.storageClasses,
              events: snap.objects.events,
            },
            scope: 'entity',
          }),
        };
        if (snap.error) entry.error = snap.error;
        if (snap.collectedAt) entry.collectedAt = snap.collectedAt;
        clusters.push(entry);
      }
      const insights: Insight[] = clusters
        .flatMap(c => c.insights)
        .sort((a, b) => compareSeverity(a.severity, b.severity));
      return {
        entityRef: stringifyEntityRef(entity),
        selector,
        clustersSearched,
        clusters,
        workloads: mergeWorkloadRows(selectedPerCluster),
        concepts: mergeConceptPresence(clusters.map(c => c.concepts)),
        insights,
        recommendedGuides: recommendedGuides(insights),
      };
    },
  };
}
