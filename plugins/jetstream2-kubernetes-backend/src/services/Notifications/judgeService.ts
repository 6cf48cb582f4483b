import {
  getGuide,
  type EntityWorkloadsResponse,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** How a service is doing, as its owners are told: failing, healthy, or not known (nothing is sent). */
export type ServiceHealthState = 'failing' | 'healthy' | 'unknown';

export interface ServiceJudgement {
  state: ServiceHealthState;
  /** What is wrong, in one line: "Deployment jhub/hub: 0/1 ready". */
  problem?: string;
  /** Workloads that are broken, and how many workloads there are. */
  failingCount: number;
  workloadCount: number;
  /** The guide that helps most, why, and its title. */
  guide?: { id: string; title: string; reason?: string };
}

/**
 * A service is failing when one of its workloads is broken (the "Failing" of the home page: the verdict
 * error), healthy when none is, and unknown while one of its clusters is not in sync or cannot be read, or
 * when it has no workloads at all: nothing is sent on what cannot be seen. Pure.
 */
export function judgeService(view: EntityWorkloadsResponse): ServiceJudgement {
  const workloads = view.workloads ?? [];
  const blind = view.clusters.some(
    c => c.status === 'pending' || c.status === 'error' || !c.collectedAt,
  );
  const failing = workloads.filter(w => w.verdict === 'error');
  const counts = {
    failingCount: failing.length,
    workloadCount: workloads.length,
  };
  if (blind || workloads.length === 0) return { state: 'unknown', ...counts };
  if (failing.length === 0) return { state: 'healthy', ...counts };
  const first = failing[0];
  const more = failing.length > 1 ? ` (and ${failing.length - 1} more)` : '';
  const top = view.recommendedGuides[0];
  const guide = top && getGuide(top.guideId);
  return {
    state: 'failing',
    ...counts,
    problem: `${first.kind} ${first.namespace}/${first.name}: ${first.status}${more}`,
    ...(guide
      ? { guide: { id: guide.id, title: guide.title, reason: top.reasons[0] } }
      : {}),
  };
}
