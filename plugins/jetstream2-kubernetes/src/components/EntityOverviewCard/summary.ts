import {
  isHealthyVerdict,
  type EntityWorkloadsResponse,
  type ObjectVerdict,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { countPods, type PodCounts } from '../common/pods';

/** Pods by verdict, unhealthy workloads, and how many problems the rules found. */
export function summarize(data: EntityWorkloadsResponse) {
  const pods = countPods(data.clusters ?? []);
  const problems = (data.insights ?? []).filter(
    i => i.severity === 'error' || i.severity === 'warning',
  ).length;
  const failedClusters = (data.clusters ?? []).filter(
    c => c.status === 'error' || c.error,
  ).length;
  const workloads = data.workloads ?? [];
  const unhealthy = workloads.filter(
    w => !isHealthyVerdict(w.verdict ?? (w.healthy ? 'ok' : 'error')),
  ).length;
  return {
    pods,
    problems,
    failedClusters,
    workloads: workloads.length,
    unhealthy,
  };
}

/**
 * "2/2 pods running · 1 completed": pods that should run against those that do; finished pods are
 * counted apart and never make the line red.
 */
export function podLine(p: PodCounts): {
  text: string;
  verdict: ObjectVerdict;
} {
  if (p.total === 0) return { text: 'No pods found', verdict: 'warning' };
  const shouldRun = p.total - p.done;
  const parts =
    shouldRun === 0
      ? [`All ${p.total} pod${p.total === 1 ? '' : 's'} completed`]
      : [`${p.running}/${shouldRun} pods running`];
  if (shouldRun > 0 && p.done > 0) parts.push(`${p.done} completed`);
  if (p.progressing > 0) parts.push(`${p.progressing} starting`);
  if (p.failing > 0) parts.push(`${p.failing} failing`);
  let verdict: ObjectVerdict = 'ok';
  if (p.failing > 0) verdict = 'error';
  else if (p.progressing > 0) verdict = 'progressing';
  else if (shouldRun === 0) verdict = 'done';
  return { text: parts.join(' · '), verdict };
}
