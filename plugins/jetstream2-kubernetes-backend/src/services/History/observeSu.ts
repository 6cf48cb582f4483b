import {
  clusterCost,
  podsCost,
  type KubeObject,
  type SuRates,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterCollector } from '../ClusterCollector/types';
import type { DirectoryService } from '../Allocations/createAllocationDirectory';
import type { SuObservation } from './types';

/** The SU per hour of every collected cluster's nodes and of each service's pods in it, measured now. */
export interface SuMeasurement {
  observations: SuObservation[];
  /** The clusters measured: collected and reachable. Others are left out, never counted as 0. */
  clusters: string[];
}

/**
 * Measures the clusters this replica has collected (a cluster that is not yet in sync, or not reachable,
 * has no measurement: a gap, never a wrong figure) and every service's pods in each. Pure over the cache.
 */
export function observeSu(options: {
  collector: Pick<ClusterCollector, 'clusterNames' | 'watcher'>;
  services: DirectoryService[];
  rates: SuRates;
}): SuMeasurement {
  const { collector, services, rates } = options;
  const observations: SuObservation[] = [];
  const clusters: string[] = [];
  for (const cluster of collector.clusterNames()) {
    const watcher = collector.watcher(cluster);
    const state = watcher?.state();
    if (
      !watcher ||
      !state?.collectedAt ||
      state.unreachableSince ||
      state.status === 'error' ||
      state.status === 'pending'
    ) {
      continue;
    }
    const nodes = watcher.index.list('nodes');
    const nodesByName = new Map<string, KubeObject>(
      nodes.map(n => [n.metadata?.name ?? '', n]),
    );
    clusters.push(cluster);
    observations.push({
      cluster,
      suPerHour: clusterCost(nodes, watcher.index.list('pods'), rates)
        .suPerHour,
    });
    for (const service of services) {
      const { selector, requirements } = service.selection;
      const pods = watcher.index.select(
        'pods',
        requirements,
        selector.namespace,
      );
      if (pods.length === 0) continue;
      observations.push({
        cluster,
        entityRef: service.entityRef,
        suPerHour: podsCost(pods, nodesByName, rates).suPerHour,
      });
    }
  }
  return { observations, clusters };
}
