import type { WorkloadRow } from '@internal/plugin-jetstream2-kubernetes-common';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The one line of a service with nothing to fix: "All 5 workloads healthy", with the finished and the
 * starting ones named apart ("All 4 workloads healthy · 1 finished · 1 starting").
 */
export function healthyLine(workloads: WorkloadRow[]): string {
  const count = (verdict: WorkloadRow['verdict']) =>
    workloads.filter(w => w.verdict === verdict).length;
  const ok = count('ok');
  const done = count('done');
  const starting = count('progressing');
  if (workloads.length === 0) return 'No workloads to check';
  const parts: string[] = [];
  if (ok > 0 && ok === workloads.length)
    parts.push(
      ok === 1 ? 'Its one workload is healthy' : `All ${ok} workloads healthy`,
    );
  else if (ok > 0) parts.push(`${plural(ok, 'workload')} healthy`);
  if (done > 0) parts.push(`${done} finished`);
  if (starting > 0) parts.push(`${starting} starting`);
  return parts.join(' · ');
}
