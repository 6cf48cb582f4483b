/*
 * One status function per kind. The entity tab, the overview card, the clusters page, the concept counts,
 * the insight rules and the home page all read these, so an object reads the same everywhere.
 */
import type { ObjectVerdict } from '../types';
import type { KubeObject } from '../insights/kube';

export interface ObjectStatus {
  /** A short category to group counts by: "Running", "Succeeded", "Ready", "Not ready", "Bound", ... */
  state: string;
  /** What to show: "2/3 ready", "Completed", "CrashLoopBackOff", "LoadBalancer 10.0.0.5", ... */
  text: string;
  verdict: ObjectVerdict;
}

const verdictRank: Record<ObjectVerdict, number> = {
  error: 0,
  warning: 1,
  progressing: 2,
  ok: 3,
  done: 4,
};

/** The worse of two verdicts (error beats warning beats progressing beats ok beats done). */
export function worseVerdict(
  a: ObjectVerdict,
  b: ObjectVerdict,
): ObjectVerdict {
  return verdictRank[a] <= verdictRank[b] ? a : b;
}

/** Sort order: worst first. */
export function compareVerdicts(a: ObjectVerdict, b: ObjectVerdict): number {
  return verdictRank[a] - verdictRank[b];
}

/** Running as intended, finished as intended, or on its way: nothing for a person to do. */
export function isHealthyVerdict(verdict: ObjectVerdict): boolean {
  return verdict === 'ok' || verdict === 'done' || verdict === 'progressing';
}

const status = (
  state: string,
  verdict: ObjectVerdict,
  text: string = state,
): ObjectStatus => ({ state, text, verdict });

function condition(obj: KubeObject, type: string): any | undefined {
  return (obj.status?.conditions ?? []).find((c: any) => c.type === type);
}

const BROKEN_WAITING = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);

function podStatus(pod: KubeObject): ObjectStatus {
  const s = pod.status ?? {};
  const containers: any[] = [
    ...(s.initContainerStatuses ?? []),
    ...(s.containerStatuses ?? []),
  ];
  const broken = containers.find(c =>
    BROKEN_WAITING.has(c.state?.waiting?.reason),
  );
  if (broken) return status(broken.state.waiting.reason, 'error');
  if (pod.metadata?.deletionTimestamp)
    return status('Terminating', 'progressing');
  const phase: string = s.phase ?? 'Unknown';
  switch (phase) {
    case 'Succeeded':
      return status('Succeeded', 'done', 'Completed');
    case 'Failed':
      return status(
        'Failed',
        'error',
        s.reason ? `Failed (${s.reason})` : 'Failed',
      );
    case 'Pending': {
      const scheduled = condition(pod, 'PodScheduled');
      if (
        scheduled?.status === 'False' &&
        scheduled.reason === 'Unschedulable'
      ) {
        return status('Pending', 'warning', 'Pending: cannot be scheduled');
      }
      return status('Pending', 'progressing');
    }
    case 'Running': {
      const main: any[] = s.containerStatuses ?? [];
      const ready = main.filter(c => c.ready).length;
      if (main.length === 0 || ready === main.length)
        return status('Running', 'ok');
      return status(
        'Running',
        'progressing',
        `Running, ${ready}/${main.length} ready`,
      );
    }
    default:
      return status(phase, 'warning');
  }
}

/** Deployments, StatefulSets, ReplicaSets and DaemonSets: ready replicas against wanted ones. */
function replicasStatus(
  obj: KubeObject,
  ready: number | undefined,
  wanted: number | undefined,
  updated: number | undefined,
): ObjectStatus {
  const w = wanted ?? 0;
  const r = ready ?? 0;
  if (w === 0) return status('Scaled to zero', 'ok');
  const text = `${r}/${w} ready`;
  if (r >= w) return status('Ready', 'ok', text);
  const progressing = condition(obj, 'Progressing');
  if (progressing?.status === 'False') {
    return status(
      'Not ready',
      'error',
      `${text} (${progressing.reason ?? 'stalled'})`,
    );
  }
  const rollingOut =
    (obj.metadata?.generation ?? 0) > (obj.status?.observedGeneration ?? 0) ||
    (updated !== undefined && updated < w);
  if (rollingOut)
    return status('Not ready', 'progressing', `${text}, rolling out`);
  return status('Not ready', r === 0 ? 'error' : 'warning', text);
}

function jobStatus(job: KubeObject): ObjectStatus {
  const failed = condition(job, 'Failed');
  if (failed?.status === 'True') {
    return status(
      'Failed',
      'error',
      failed.reason ? `Failed (${failed.reason})` : 'Failed',
    );
  }
  if (condition(job, 'Complete')?.status === 'True') {
    return status('Complete', 'done', 'Completed');
  }
  if (job.spec?.suspend) return status('Suspended', 'ok');
  const active = job.status?.active ?? 0;
  if (active > 0) return status('Running', 'ok', `${active} active`);
  return status('Pending', 'progressing');
}

function addressOf(obj: KubeObject): string | undefined {
  const ingress = obj.status?.loadBalancer?.ingress ?? [];
  return ingress.length ? ingress[0].ip ?? ingress[0].hostname : undefined;
}

/** The status of a node: Ready, NotReady or Cordoned. */
export function nodeStatus(node: KubeObject): ObjectStatus & {
  ready: boolean;
  unschedulable: boolean;
} {
  const ready = condition(node, 'Ready')?.status === 'True';
  const unschedulable = Boolean(node.spec?.unschedulable);
  if (!ready) return { ...status('NotReady', 'error'), ready, unschedulable };
  if (unschedulable)
    return { ...status('Cordoned', 'warning'), ready, unschedulable };
  return { ...status('Ready', 'ok'), ready, unschedulable };
}

/** True when the node's kubelet reports Ready. */
export function isNodeReady(node: KubeObject): boolean {
  return condition(node, 'Ready')?.status === 'True';
}

/** How one object is doing, by kind. Unknown kinds read as "Present". */
export function objectStatus(kind: string, obj: KubeObject): ObjectStatus {
  const s = obj.status ?? {};
  switch (kind) {
    case 'Pod':
      return podStatus(obj);
    case 'Deployment':
      return replicasStatus(
        obj,
        s.readyReplicas,
        obj.spec?.replicas ?? 1,
        s.updatedReplicas,
      );
    case 'StatefulSet':
      return replicasStatus(
        obj,
        s.readyReplicas,
        obj.spec?.replicas ?? 1,
        s.updatedReplicas,
      );
    case 'ReplicaSet':
      return replicasStatus(
        obj,
        s.readyReplicas,
        obj.spec?.replicas ?? 1,
        undefined,
      );
    case 'DaemonSet':
      return replicasStatus(
        obj,
        s.numberReady,
        s.desiredNumberScheduled,
        s.updatedNumberScheduled,
      );
    case 'Job':
      return jobStatus(obj);
    case 'CronJob':
      return obj.spec?.suspend
        ? status('Suspended', 'ok')
        : status(
            'Scheduled',
            'ok',
            `Schedule ${obj.spec?.schedule ?? ''}`.trim(),
          );
    case 'Service': {
      const type: string = obj.spec?.type ?? 'ClusterIP';
      if (type !== 'LoadBalancer') return status(type, 'ok');
      const address = addressOf(obj);
      return address
        ? status('LoadBalancer', 'ok', `LoadBalancer ${address}`)
        : status('No address', 'warning', 'LoadBalancer without address');
    }
    case 'Ingress': {
      const address = addressOf(obj);
      return address
        ? status('Has address', 'ok', `Address ${address}`)
        : status('No address', 'warning');
    }
    case 'PersistentVolumeClaim': {
      const phase: string = s.phase ?? 'Pending';
      if (phase === 'Bound') return status('Bound', 'ok');
      if (phase === 'Lost') return status('Lost', 'error');
      return status(phase, 'warning');
    }
    case 'HorizontalPodAutoscaler': {
      const active = condition(obj, 'ScalingActive');
      const text = `${s.currentReplicas ?? 0} replicas (${
        obj.spec?.minReplicas ?? 1
      }–${obj.spec?.maxReplicas ?? '?'})`;
      if (active?.status === 'False')
        return status('Not scaling', 'warning', text);
      return status('Active', 'ok', text);
    }
    case 'Node':
      return nodeStatus(obj);
    case 'Namespace':
      return s.phase === 'Terminating'
        ? status('Terminating', 'progressing')
        : status('Active', 'ok');
    default:
      return status('Present', 'ok');
  }
}
