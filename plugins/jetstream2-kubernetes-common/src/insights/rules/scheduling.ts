import { objectStatus } from '../../resources/status';
import type { KubeObject } from '../kube';
import { GPU_RESOURCE, parseQuantity, podRequests } from '../quantities';
import { listNames, plural, ref } from './helpers';
import type { InsightDraft, InsightRule } from './types';

/** FailedScheduling messages of the events, by "namespace/pod". */
function indexSchedulingEvents(events: KubeObject[]): Map<string, string[]> {
  const byPod = new Map<string, string[]>();
  for (const e of events) {
    const involved = (e as any).involvedObject ?? (e as any).regarding;
    const reason = (e as any).reason;
    const message = (e as any).message ?? (e as any).note;
    if (
      !involved ||
      involved.kind !== 'Pod' ||
      reason !== 'FailedScheduling' ||
      !message
    )
      continue;
    const key = `${involved.namespace ?? ''}/${involved.name ?? ''}`;
    const list = byPod.get(key) ?? [];
    list.push(String(message));
    byPod.set(key, list);
  }
  return byPod;
}

/** Messages of the scheduler about a pod: its PodScheduled condition and FailedScheduling events. */
function schedulingMessages(
  pod: KubeObject,
  eventsByPod: Map<string, string[]>,
): string[] {
  const messages: string[] = [];
  for (const c of pod.status?.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.status === 'False' && c.message)
      messages.push(c.message);
  }
  const key = `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
  messages.push(...(eventsByPod.get(key) ?? []));
  return messages;
}

/**
 * Pending pods the scheduler cannot place: short of GPUs (or asking for GPUs on a cluster without any),
 * or short of CPU or memory. A Pending pod without scheduler messages is left alone: it is on its way.
 */
export const scheduling: InsightRule = {
  ruleIds: ['gpu-unschedulable', 'insufficient-cpu-memory'],
  evaluate(input, wide) {
    const pods = (input.objects.pods ?? []).filter(
      p => objectStatus('Pod', p).state === 'Pending',
    );
    if (pods.length === 0) return [];
    const eventsByPod = indexSchedulingEvents(wide.events ?? []);
    const nodes = wide.nodes;
    const clusterGpus = (nodes ?? []).reduce(
      (sum, n) => sum + parseQuantity(n.status?.allocatable?.[GPU_RESOURCE]),
      0,
    );
    const gpuPods: KubeObject[] = [];
    const gpuNoNodes: KubeObject[] = [];
    const cpuMemPods: KubeObject[] = [];
    const lacking = new Set<string>();
    for (const pod of pods) {
      const messages = schedulingMessages(pod, eventsByPod).join(' ');
      const wantsGpu = podRequests(pod).gpus > 0;
      if (/Insufficient nvidia\.com\/gpu/.test(messages)) {
        gpuPods.push(pod);
      } else if (wantsGpu && nodes !== undefined && clusterGpus === 0) {
        gpuNoNodes.push(pod);
      } else if (/Insufficient (cpu|memory)/.test(messages)) {
        cpuMemPods.push(pod);
        if (/Insufficient cpu/.test(messages)) lacking.add('CPU');
        if (/Insufficient memory/.test(messages)) lacking.add('memory');
      }
    }
    const drafts: InsightDraft[] = [];
    const gpu = [...gpuPods, ...gpuNoNodes];
    if (gpu.length > 0) {
      const refs = gpu.map(p => ref('Pod', p));
      const why =
        gpuNoNodes.length > 0 && clusterGpus === 0
          ? `request ${GPU_RESOURCE} but no node of the cluster offers GPUs`
          : `cannot be scheduled: the scheduler reports "Insufficient ${GPU_RESOURCE}"`;
      drafts.push({
        ruleId: 'gpu-unschedulable',
        severity: 'error',
        title:
          refs.length === 1
            ? `Pod ${refs[0].name} is waiting for a GPU`
            : `${plural(gpu.length, 'Pod')} waiting for a GPU`,
        reason: `${listNames(
          refs,
        )} ${why}. The GPU guide covers g3 (A100) nodes, the NVIDIA device plugin and GPU requests.`,
        guideId: 'k8s-gpu',
        conceptIds: ['pod', 'node', 'gpu-device-plugin', 'taints-tolerations'],
        objects: refs,
      });
    }
    if (cpuMemPods.length > 0) {
      const refs = cpuMemPods.map(p => ref('Pod', p));
      const what = [...lacking].join(' and ');
      drafts.push({
        ruleId: 'insufficient-cpu-memory',
        severity: 'warning',
        title:
          refs.length === 1
            ? `Pod ${refs[0].name} is waiting for ${what}`
            : `${plural(cpuMemPods.length, 'Pod')} waiting for ${what}`,
        reason: `${listNames(
          refs,
        )} cannot be scheduled because no node has enough free ${what} for their requests. Add nodes or larger flavors, or enable the Magnum cluster autoscaler; the Magnum guide shows how to resize a cluster.`,
        guideId: 'k8s-magnum',
        conceptIds: ['pod', 'node', 'cluster-autoscaler'],
        objects: refs,
      });
    }
    return drafts;
  },
};
