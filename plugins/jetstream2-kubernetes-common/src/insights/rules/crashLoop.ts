import type { KubeObject } from '../kube';
import { listNames, plural, ref } from './helpers';
import type { InsightRule } from './types';

/**
 * Pods with a container (init or main) waiting in CrashLoopBackOff. It reads the container statuses
 * itself, since the pod's status groups CrashLoopBackOff with image and configuration errors.
 */
export const crashLoop: InsightRule = {
  ruleIds: ['crash-loop'],
  evaluate(input) {
    const crashing: {
      pod: KubeObject;
      container: string;
      restarts: number;
    }[] = [];
    for (const pod of input.objects.pods ?? []) {
      const statuses = [
        ...(pod.status?.initContainerStatuses ?? []),
        ...(pod.status?.containerStatuses ?? []),
      ];
      const bad = statuses.find(
        (s: any) => s.state?.waiting?.reason === 'CrashLoopBackOff',
      );
      if (bad)
        crashing.push({
          pod,
          container: bad.name,
          restarts: bad.restartCount ?? 0,
        });
    }
    if (crashing.length === 0) return [];
    const refs = crashing.map(c => ref('Pod', c.pod));
    const first = crashing[0];
    const one = crashing.length === 1;
    return [
      {
        ruleId: 'crash-loop',
        severity: 'error',
        title: one
          ? `Pod ${refs[0].name} keeps crashing`
          : `${plural(crashing.length, 'Pod')} keep crashing`,
        reason: `${listNames(refs)} keep${
          one ? 's' : ''
        } crashing: container "${first.container}" restarted ${
          first.restarts
        } times and Kubernetes now waits before each new start (CrashLoopBackOff). Its last log lines usually say why; the guide shows how to read them, the events and the exit code.`,
        guideId: 'k8s-debug-pods',
        conceptIds: ['pod', 'deployment'],
        objects: refs,
      },
    ];
  },
};
