import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type { ClusterCollector } from '../ClusterCollector/types';
import type { DirectoryService } from '../Allocations/createAllocationDirectory';
import type { AllocationsService } from '../Allocations/types';
import { computeEntityWorkloads } from '../EntityWorkloads/computeEntityWorkloads';
import { selectInClusters } from '../EntityWorkloads/entitySelection';
import type { NoticeRule, NoticeState } from './decideNotice';
import { judgeService } from './judgeService';
import { failingMessage, lowRunwayMessage, recoveredMessage } from './messages';

/** One subject's check: its key, what is seen now, who owns it, and what to say for the state told. */
export interface Check {
  key: string;
  observed: string;
  owner?: string;
  rule: NoticeRule;
  message(
    state: NoticeState | undefined,
    told: string,
  ): NotificationPayload | undefined;
}

/**
 * Each service's health as its owners are told of it: failing or healthy (services that cannot be judged
 * now are left out, and their state is kept).
 */
export function serviceChecks(options: {
  collector: Pick<ClusterCollector, 'clusterNames' | 'watcher'>;
  services: DirectoryService[];
  windowMs: number;
  now: () => number;
}): Check[] {
  const { collector, now } = options;
  const rule: NoticeRule = { quiet: 'healthy', windowMs: options.windowMs };
  const checks: Check[] = [];
  for (const service of options.services) {
    const judgement = judgeService(
      computeEntityWorkloads({
        entityRef: service.entityRef,
        selector: service.selection.selector,
        selections: selectInClusters(collector, service.selection),
        indexOf: cluster => collector.watcher(cluster)?.index,
        maxEvents: 0,
      }),
    );
    if (judgement.state === 'unknown') continue;
    checks.push({
      key: `service-health:${service.entityRef}`,
      observed: judgement.state,
      owner: service.owner,
      rule,
      message: (state, told) =>
        told === 'failing'
          ? failingMessage(service.title, service.entityRef, judgement)
          : recoveredMessage(
              service.title,
              service.entityRef,
              judgement,
              state?.observed === 'failing'
                ? now() - state.observedSince
                : undefined,
            ),
    });
  }
  return checks;
}

/**
 * Each allocation's runway: low below the threshold, told once; back above it is recorded without a
 * notification, so a later fall is told again.
 */
export async function runwayChecks(options: {
  allocations: Pick<AllocationsService, 'summariseAll'>;
  thresholdDays: number;
  windowMs: number;
  onProblem(entityRef: string, problems: string[]): void;
}): Promise<Check[]> {
  const rule: NoticeRule = {
    quiet: 'ok',
    silent: ['ok'],
    windowMs: options.windowMs,
  };
  const checks: Check[] = [];
  for (const result of await options.allocations.summariseAll()) {
    const { entityRef, summary } = result;
    if (!summary) {
      options.onProblem(entityRef, result.problems ?? []);
      continue;
    }
    const low =
      summary.runwayDays !== null && summary.runwayDays < options.thresholdDays;
    checks.push({
      key: `allocation-runway:${entityRef}`,
      observed: low ? 'low' : 'ok',
      owner: summary.owner || undefined,
      rule,
      message: (_state, told) =>
        told === 'low'
          ? lowRunwayMessage(summary, options.thresholdDays)
          : undefined,
    });
  }
  return checks;
}
