import type {
  FetchResponse,
  PodFetchResponse,
} from '@backstage/plugin-kubernetes-common';
import {
  objectStatus,
  type ClusterWorkloads,
  type ObjectStatus,
} from '@internal/plugin-jetstream2-kubernetes-common';

export type Pod = PodFetchResponse['resources'][number];

/** The pods among a cluster's objects. */
export function podsOf(c: ClusterWorkloads): Pod[] {
  return (c.resources ?? [])
    .filter((r: FetchResponse): r is PodFetchResponse => r?.type === 'pods')
    .flatMap(r => r.resources ?? []);
}

/** A pod's status from the one status function every screen reads. */
export function podStatus(pod: Pod): ObjectStatus {
  return objectStatus('Pod', pod as any);
}

/** How many of the entity's pods run, finished as intended, are on their way, or fail. */
export interface PodCounts {
  total: number;
  running: number;
  done: number;
  progressing: number;
  failing: number;
}

export function countPods(clusters: ClusterWorkloads[]): PodCounts {
  const counts: PodCounts = {
    total: 0,
    running: 0,
    done: 0,
    progressing: 0,
    failing: 0,
  };
  for (const pod of clusters.flatMap(podsOf)) {
    counts.total += 1;
    const { verdict } = podStatus(pod);
    if (verdict === 'ok') counts.running += 1;
    else if (verdict === 'done') counts.done += 1;
    else if (verdict === 'progressing') counts.progressing += 1;
    else counts.failing += 1;
  }
  return counts;
}
