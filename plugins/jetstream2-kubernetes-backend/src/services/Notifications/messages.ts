import {
  parseEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import type { AllocationResponse } from '@internal/plugin-jetstream2-kubernetes-common';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type { ServiceJudgement } from './judgeService';

/** The topics the portal's notifications carry (the notifications page filters by them). */
export const SERVICE_HEALTH_TOPIC = 'Service health';
export const ALLOCATION_RUNWAY_TOPIC = 'Allocation runway';

/** Where the app shows things; relative, so they open in the portal whatever its address. */
export const appLinks = {
  guide: (id: string) =>
    `/jetstream2-kubernetes/guides/${encodeURIComponent(id)}`,
  entityTab: (ref: CompoundEntityRef, tab: string) =>
    `/catalog/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(
      ref.kind.toLocaleLowerCase('en-US'),
    )}/${encodeURIComponent(ref.name)}/${tab}`,
};

const minutes = (ms: number) => {
  const m = Math.max(1, Math.round(ms / 60_000));
  if (m < 120) return `${m} minute${m === 1 ? '' : 's'}`;
  const h = Math.round(m / 60);
  return h < 48 ? `${h} hours` : `${Math.round(h / 24)} days`;
};

/** "JupyterHub is failing": the problem, why, and the guide that fixes it (the link opens the guide). */
export function failingMessage(
  title: string,
  entityRef: string,
  judgement: ServiceJudgement,
): NotificationPayload {
  const ref = parseEntityRef(entityRef);
  const guide = judgement.guide;
  const why = guide?.reason ? ` Why: ${guide.reason}` : '';
  return {
    title: `${title} is failing: ${judgement.problem}`,
    description: `${judgement.failingCount} of ${
      judgement.workloadCount
    } workloads of ${title} are failing.${why}${
      guide ? ` The guide "${guide.title}" shows how to fix it.` : ''
    }`,
    link: guide
      ? appLinks.guide(guide.id)
      : appLinks.entityTab(ref, 'workloads'),
    severity: 'high',
    topic: SERVICE_HEALTH_TOPIC,
  };
}

/** "JupyterHub has recovered", with how long it was failing. */
export function recoveredMessage(
  title: string,
  entityRef: string,
  judgement: ServiceJudgement,
  failingForMs?: number,
): NotificationPayload {
  return {
    title: `${title} has recovered`,
    description: `All ${
      judgement.workloadCount
    } workloads of ${title} are healthy again${
      failingForMs !== undefined
        ? `, after failing for about ${minutes(failingForMs)}`
        : ''
    }.`,
    link: appLinks.entityTab(parseEntityRef(entityRef), 'workloads'),
    severity: 'normal',
    topic: SERVICE_HEALTH_TOPIC,
  };
}

const su = (n: number) => Math.round(n).toLocaleString('en-US');

/** "Allocation sgw240017 runs out in 12 days": the balance, the burn, the date, and what would help. */
export function lowRunwayMessage(
  a: AllocationResponse,
  thresholdDays: number,
): NotificationPayload {
  const scaleDown =
    a.idle.savingsSuPerHour > 0 && a.idle.runwayDaysAfterScaleDown !== null
      ? ` Removing ${a.idle.removableNodes.length} idle node(s) would save ${su(
          a.idle.savingsSuPerHour,
        )} SU/h and make it last ${a.idle.runwayDaysAfterScaleDown} days.`
      : '';
  return {
    title: `Allocation ${a.allocationId} runs out in ${a.runwayDays} days, on ${a.runsOutOn}`,
    description: `At ${su(a.burnSuPerHour)} SU per hour the balance of ${su(
      a.balanceSu,
    )} SU lasts until ${
      a.runsOutOn
    }, under the ${thresholdDays} days this portal warns at (the allocation ends on ${
      a.endDate
    }).${scaleDown} Ask for more SUs in ACCESS or scale idle services down.`,
    link: appLinks.entityTab(parseEntityRef(a.entityRef), 'allocation'),
    severity: a.runwayDays !== null && a.runwayDays < 7 ? 'critical' : 'high',
    topic: ALLOCATION_RUNWAY_TOPIC,
  };
}
