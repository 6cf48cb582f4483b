import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type {
  EntityWorkloadsResponse,
  ObjectVerdict,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** A service's health on the home page: a workload verdict, or unknown when there is nothing to judge. */
export type ServiceVerdict = ObjectVerdict | 'unknown';

/** One of the user's services, judged from its workloads. */
export interface ServiceHealth {
  entity: Entity;
  entityRef: string;
  title: string;
  verdict: ServiceVerdict;
  /** One line: what is wrong first, or that all is well. */
  summary: string;
  /** The first recommended guide and its strongest reason. */
  guide?: { id: string; reason?: string };
  /** SU burn of the service's pods, when the backend computed it. */
  suPerHour?: number;
  /** The clusters its objects are on. */
  clusters: string[];
}

// Unhealthy first: broken, needs a look, cannot tell, on its way, running, finished.
const order: Record<ServiceVerdict, number> = {
  error: 0,
  warning: 1,
  unknown: 2,
  progressing: 3,
  ok: 4,
  done: 5,
};

/** Worst first, then by title. */
export function compareServices(a: ServiceHealth, b: ServiceHealth): number {
  return order[a.verdict] - order[b.verdict] || a.title.localeCompare(b.title);
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

/** True for a service that needs a person: failing, needing a look, or unknown. */
export function isUnhealthy(service: ServiceHealth): boolean {
  return order[service.verdict] < order.progressing;
}

/** Judges a service from the backend's answer; a row without a verdict (older backend) reads its `healthy`. */
export function judgeService(
  entity: Entity,
  data: EntityWorkloadsResponse,
): ServiceHealth {
  const base = {
    entity,
    entityRef: stringifyEntityRef(entity),
    title: entity.metadata.title ?? entity.metadata.name,
    suPerHour: data.cost?.suPerHour,
    clusters: clustersOf(data),
  };
  const top = data.recommendedGuides?.[0];
  const guide = top ? { id: top.guideId, reason: top.reasons?.[0] } : undefined;
  const workloads = (data.workloads ?? []).map(w => ({
    ...w,
    verdict: w.verdict ?? (w.healthy ? 'ok' : 'error'),
  }));
  const unreadable = (data.clusters ?? []).filter(
    c => c.status === 'error' || c.error,
  ).length;

  if (workloads.length === 0) {
    return {
      ...base,
      guide,
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
  let verdict: ServiceVerdict = worst.verdict;
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
  return { ...base, guide, verdict, summary };
}

/** A service whose workloads could not be loaded. */
export function unknownService(entity: Entity, error: Error): ServiceHealth {
  return {
    entity,
    entityRef: stringifyEntityRef(entity),
    title: entity.metadata.title ?? entity.metadata.name,
    clusters: [],
    verdict: 'unknown',
    summary: `Could not load its workloads: ${error.message}`,
  };
}
