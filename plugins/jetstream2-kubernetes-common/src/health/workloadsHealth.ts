import type { EntityWorkloadsResponse, ObjectVerdict } from '../types';

/** A service's health: a workload verdict, or unknown when there is nothing to judge. */
export type WorkloadsVerdict = ObjectVerdict | 'unknown';

/** A service judged from its workloads in every cluster (the home page's one line per service). */
export interface WorkloadsHealth {
  verdict: WorkloadsVerdict;
  /** One line: what is wrong first, or that all is well. */
  summary: string;
  /** The first recommended guide and its strongest reason. */
  guide?: { id: string; reason?: string };
  /** SU burn of the service's pods. */
  suPerHour?: number;
  /** The clusters its objects are on (the home card names them for a cluster's operators). */
  clusters: string[];
}

/** One entity of `POST /entities/health`: its health, or why it could not be judged. */
export interface EntityHealth {
  entityRef: string;
  health?: WorkloadsHealth;
  /** e.g. `{ name: 'NotAllowedError', message: 'You are not allowed …' }`. */
  error?: { name: string; message: string };
}

// Unhealthy first: broken, needs a look, cannot tell, on its way, running, finished.
const order: Record<WorkloadsVerdict, number> = {
  error: 0,
  warning: 1,
  unknown: 2,
  progressing: 3,
  ok: 4,
  done: 5,
};

/** Worst first, unknown between needing a look and on its way (for sorting services); 0 when equal. */
export function compareWorkloadsVerdicts(
  a: WorkloadsVerdict,
  b: WorkloadsVerdict,
): number {
  return order[a] - order[b];
}

/** True for a verdict that needs a person: failing, needing a look, or unknown. */
export function needsAPerson(verdict: WorkloadsVerdict): boolean {
  return order[verdict] < order.progressing;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The clusters an entity's objects are on. */
function clustersOf(data: EntityWorkloadsResponse): string[] {
  const names = new Set<string>();
  for (const c of data.clusters ?? [])
    if ((c.resources ?? []).some(r => (r.resources ?? []).length > 0))
      names.add(c.cluster);
  for (const w of data.workloads ?? [])
    for (const c of w.clusters ?? []) names.add(c);
  return [...names];
}

/** Judges a service from its view; a row without a verdict (an older backend) reads its `healthy`. */
export function judgeWorkloads(data: EntityWorkloadsResponse): WorkloadsHealth {
  const top = data.recommendedGuides?.[0];
  const base = {
    clusters: clustersOf(data),
    ...(top ? { guide: { id: top.guideId, reason: top.reasons?.[0] } } : {}),
    ...(data.cost?.suPerHour !== undefined
      ? { suPerHour: data.cost.suPerHour }
      : {}),
  };
  const workloads = (data.workloads ?? []).map(w => ({
    ...w,
    verdict: (w.verdict ?? (w.healthy ? 'ok' : 'error')) as ObjectVerdict,
  }));
  const unreadable = (data.clusters ?? []).filter(
    c => c.status === 'error' || c.error,
  ).length;

  if (workloads.length === 0) {
    return {
      ...base,
      verdict: unreadable > 0 ? 'warning' : 'unknown',
      summary:
        unreadable > 0
          ? `No workloads found; ${plural(
              unreadable,
              'cluster',
            )} could not be read`
          : 'No workloads found in any cluster',
    };
  }
  const sorted = [...workloads].sort(
    (a, b) => order[a.verdict] - order[b.verdict],
  );
  const worst = sorted[0];
  const attention = workloads.filter(w => order[w.verdict] < order.progressing);
  let verdict: WorkloadsVerdict = worst.verdict;
  let summary: string;
  if (attention.length > 0) {
    summary = `${attention.length} of ${plural(
      workloads.length,
      'workload',
    )} need attention: ${worst.kind} ${worst.name} ${worst.status}`;
  } else if (worst.verdict === 'progressing') {
    summary = `${worst.kind} ${worst.name} ${worst.status}`;
  } else if (workloads.every(w => w.verdict === 'done')) {
    summary = `${plural(workloads.length, 'workload')} finished`;
  } else {
    summary = `${plural(workloads.length, 'workload')} healthy`;
  }
  if (unreadable > 0) {
    if (order[verdict] > order.warning) verdict = 'warning';
    summary += `; ${plural(unreadable, 'cluster')} could not be read`;
  }
  return { ...base, verdict, summary };
}
