import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { ClusterCollector } from '../ClusterCollector/types';
import type { AllocationDirectory } from '../Allocations/createAllocationDirectory';
import type { AllocationsService } from '../Allocations/types';
import { computeEntityWorkloads } from '../EntityWorkloads/computeEntityWorkloads';
import { selectInClusters } from '../EntityWorkloads/entitySelection';
import {
  decideNotice,
  type NoticeRule,
  type NoticeState,
} from './decideNotice';
import type { NoticeStore } from './createNoticeStore';
import { judgeService, type ServiceJudgement } from './judgeService';
import { failingMessage, lowRunwayMessage, recoveredMessage } from './messages';
import type { Notifier } from './types';

export interface NotifierOptions {
  collector: Pick<ClusterCollector, 'clusterNames' | 'watcher'>;
  directory: AllocationDirectory;
  allocations: Pick<AllocationsService, 'summariseAll'>;
  store: NoticeStore;
  notifications: NotificationService;
  logger: LoggerService;
  /** At most one notification per service or allocation within this time. */
  flapWindowMs: number;
  runwayThresholdDays: number;
  now?: () => number;
}

/** One subject's check: its key, what is seen now, who owns it, and what to say for each state. */
interface Check {
  key: string;
  observed: string;
  owner?: string;
  rule: NoticeRule;
  message(
    state: NoticeState | undefined,
    told: string,
  ): NotificationPayload | undefined;
}

const sameState = (
  a: NoticeState | undefined,
  b: Omit<NoticeState, 'version'>,
) =>
  !!a &&
  a.observed === b.observed &&
  a.observedSince === b.observedSince &&
  a.notified === b.notified &&
  a.notifiedAt === b.notifiedAt;

/**
 * Tells owning groups, through Backstage's notifications, when one of their services turns failing and when
 * it recovers, and when an allocation's runway falls below the threshold. What was told is stored before it
 * is sent, on the version read (a replica that read an older version writes nothing), so nothing is sent
 * twice across replicas or restarts; a notification whose sending fails is taken back and tried again on the
 * next round.
 */
export function createNotifier(options: NotifierOptions): Notifier {
  const { collector, directory, store, notifications, logger } = options;
  const now = options.now ?? Date.now;
  const serviceRule: NoticeRule = {
    quiet: 'healthy',
    windowMs: options.flapWindowMs,
  };
  const runwayRule: NoticeRule = {
    quiet: 'ok',
    silent: ['ok'],
    windowMs: options.flapWindowMs,
  };

  function serviceChecks(
    services: Awaited<ReturnType<AllocationDirectory['view']>>['services'],
  ): Check[] {
    const checks: Check[] = [];
    for (const service of services) {
      const view = computeEntityWorkloads({
        entityRef: service.entityRef,
        selector: service.selection.selector,
        selections: selectInClusters(collector, service.selection),
        indexOf: cluster => collector.watcher(cluster)?.index,
        maxEvents: 0,
      });
      const judgement: ServiceJudgement = judgeService(view);
      if (judgement.state === 'unknown') continue;
      checks.push({
        key: `service-health:${service.entityRef}`,
        observed: judgement.state,
        owner: service.owner,
        rule: serviceRule,
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

  async function runwayChecks(): Promise<Check[]> {
    const checks: Check[] = [];
    for (const {
      entityRef,
      summary,
      problems,
    } of await options.allocations.summariseAll()) {
      if (!summary) {
        logger.warn(
          `Cannot check the runway of ${entityRef}: ${problems?.join(' ')}`,
        );
        continue;
      }
      const low =
        summary.runwayDays !== null &&
        summary.runwayDays < options.runwayThresholdDays;
      checks.push({
        key: `allocation-runway:${entityRef}`,
        observed: low ? 'low' : 'ok',
        owner: summary.owner || undefined,
        rule: runwayRule,
        message: (_state, told) =>
          told === 'low'
            ? lowRunwayMessage(summary, options.runwayThresholdDays)
            : undefined,
      });
    }
    return checks;
  }

  async function apply(
    check: Check,
    state: NoticeState | undefined,
  ): Promise<boolean> {
    const t = now();
    const decision = decideNotice(state, check.observed, t, check.rule);
    if (sameState(state, decision.next)) return false;
    if (!(await store.write(check.key, state?.version, decision.next)))
      return false;
    const payload = decision.notify && check.message(state, decision.notify);
    if (!payload || !check.owner) return false;
    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef: check.owner },
        payload: { ...payload, scope: `${check.key}:${decision.notify}:${t}` },
      });
      return true;
    } catch (error) {
      logger.warn(
        `Could not send the notification "${payload.title}" to ${
          check.owner
        }: ${(error as Error).message}; it is tried again on the next round`,
      );
      // take the claim back, so that the next round sends it
      await store
        .write(check.key, (state?.version ?? 0) + 1, {
          ...decision.next,
          notified: state?.notified,
          notifiedAt: state?.notifiedAt,
        })
        .catch(() => false);
      return false;
    }
  }

  return {
    async check() {
      const { services } = await directory.view();
      const checks = [...serviceChecks(services), ...(await runwayChecks())];
      const states = await store.get(checks.map(c => c.key));
      let sent = 0;
      for (const check of checks) {
        if (await apply(check, states.get(check.key))) sent += 1;
      }
      return {
        servicesChecked: checks.filter(c => c.key.startsWith('service-health:'))
          .length,
        allocationsChecked: checks.filter(c =>
          c.key.startsWith('allocation-runway:'),
        ).length,
        sent,
      };
    },
  };
}
