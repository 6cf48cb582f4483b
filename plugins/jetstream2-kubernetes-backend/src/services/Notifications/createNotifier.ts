import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { ClusterCollector } from '../ClusterCollector/types';
import type { AllocationDirectory } from '../Allocations/createAllocationDirectory';
import type { AllocationsService } from '../Allocations/types';
import { runwayChecks, serviceChecks, type Check } from './checks';
import { decideNotice, type NoticeState } from './decideNotice';
import type { NoticeStore } from './createNoticeStore';
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

  /** Stores the decision for one check, and sends what it says to send; true when a notification went. */
  async function apply(
    check: Check,
    state: NoticeState | undefined,
  ): Promise<boolean> {
    const t = now();
    const decision = decideNotice(state, check.observed, t, check.rule);
    if (sameState(state, decision.next)) return false;
    if (!(await store.write(check.key, state?.version, decision.next))) {
      return false; // another writer got there first
    }
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
      const health = serviceChecks({
        collector,
        services,
        windowMs: options.flapWindowMs,
        now,
      });
      const runway = await runwayChecks({
        allocations: options.allocations,
        thresholdDays: options.runwayThresholdDays,
        windowMs: options.flapWindowMs,
        onProblem: (entityRef, problems) =>
          logger.warn(
            `Cannot check the runway of ${entityRef}: ${problems.join(' ')}`,
          ),
      });
      const checks = [...health, ...runway];
      const states = await store.get(checks.map(c => c.key));
      let sent = 0;
      for (const check of checks) {
        if (await apply(check, states.get(check.key))) sent += 1;
      }
      return {
        servicesChecked: health.length,
        allocationsChecked: runway.length,
        sent,
      };
    },
  };
}
