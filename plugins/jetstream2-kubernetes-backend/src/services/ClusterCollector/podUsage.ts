import type { ContainerUsage, PodUsage } from './types';

/** The path of every pod's usage in one request (metrics-server's PodMetrics list). */
export const POD_METRICS_PATH = '/apis/metrics.k8s.io/v1beta1/pods';

/** The key of a pod in `podUsage`. */
export function podUsageKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/**
 * The usage of the pods the cache holds, from a PodMetricsList body: pods unknown to the cache (not yet
 * seen, or already gone) are left out, so the map never outgrows the cluster's pods.
 */
export function parsePodUsage(
  body: string,
  hasPod: (namespace: string, name: string) => boolean,
): Map<string, PodUsage> {
  const usage = new Map<string, PodUsage>();
  for (const item of JSON.parse(body).items ?? []) {
    const namespace: string = item?.metadata?.namespace ?? '';
    const name: string = item?.metadata?.name ?? '';
    if (!name || !hasPod(namespace, name)) continue;
    const containers: ContainerUsage[] = [];
    for (const c of item.containers ?? []) {
      if (typeof c?.name !== 'string') continue;
      const cpu = c.usage?.cpu;
      const memory = c.usage?.memory;
      containers.push({
        name: c.name,
        ...(typeof cpu === 'string' ? { cpu } : {}),
        ...(typeof memory === 'string' ? { memory } : {}),
      });
    }
    usage.set(podUsageKey(namespace, name), { containers });
  }
  return usage;
}
