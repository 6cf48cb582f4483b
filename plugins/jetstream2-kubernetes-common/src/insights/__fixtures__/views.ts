// Entity views shaped like the backend's answer for the seeded services (trimmed from the local control
// plane's objects), for the attention tests.
import type { ClusterWorkloads, ObjectEvent, WorkloadRow } from '../../types';
import type { KubeObject } from '../kube';

const owner = (kind: string, name: string) => [
  { apiVersion: 'apps/v1', kind, name, uid: `uid-${name}`, controller: true },
];

/** A Deployment's ReplicaSet and one pod of it, with the given status. */
export function deploymentPod(
  deployment: string,
  namespace: string,
  status: any,
  spec: any = {},
): { replicaSet: KubeObject; pod: KubeObject } {
  const rs = `${deployment}-7876b9f7d5`;
  return {
    replicaSet: {
      kind: 'ReplicaSet',
      metadata: {
        name: rs,
        namespace,
        ownerReferences: owner('Deployment', deployment),
      },
    },
    pod: {
      kind: 'Pod',
      metadata: {
        name: `${rs}-tsh5g`,
        namespace,
        ownerReferences: owner('ReplicaSet', rs),
      },
      spec: {
        containers: [{ name: deployment, image: `${deployment}:1` }],
        ...spec,
      },
      status,
    },
  };
}

export const crashLoopStatus = {
  phase: 'Running',
  containerStatuses: [
    {
      name: 'worker',
      ready: false,
      restartCount: 14,
      lastState: { terminated: { exitCode: 1, reason: 'Error' } },
      state: { waiting: { reason: 'CrashLoopBackOff' } },
    },
  ],
};

export function row(
  kind: string,
  namespace: string,
  name: string,
  verdict: WorkloadRow['verdict'],
  status = '',
  clusters = ['js2-demo'],
): WorkloadRow {
  return {
    kind,
    namespace,
    name,
    clusters,
    status,
    verdict,
    healthy: verdict !== 'error' && verdict !== 'warning',
  };
}

export function warning(
  object: ObjectEvent['object'],
  reason: string,
  message: string,
  count = 1,
  lastSeen = '2026-01-01T10:00:00Z',
  cluster = 'js2-demo',
): ObjectEvent {
  return { cluster, type: 'Warning', reason, message, object, count, lastSeen };
}

/** A cluster's share of an entity's view from lists of objects by upstream type. */
export function clusterView(
  lists: Record<string, KubeObject[]>,
  cluster = 'js2-demo',
): ClusterWorkloads {
  return {
    cluster,
    status: 'ok',
    resources: Object.entries(lists).map(([type, resources]) => ({
      type,
      resources,
    })) as any,
    concepts: [],
    insights: [],
  };
}
