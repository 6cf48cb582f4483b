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
    return [
      {
        ruleId: 'crash-loop',
        severity: 'error',
        title: `${plural(crashing.length, 'Pod')} in CrashLoopBackOff`,
        reason: `${listNames(refs)} keep${
          crashing.length === 1 ? 's' : ''
        } crashing (container "${first.container}" restarted ${
          first.restarts
        } times). Read the container logs and events; the guide on managing apps explains Pods, Deployments and how Kubernetes restarts them.`,
        guideId: 'k8s-manage-apps',
        conceptIds: ['pod', 'deployment'],
        objects: refs,
      },
    ];
  },
};
