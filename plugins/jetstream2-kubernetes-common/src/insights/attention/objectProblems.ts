import type { GuideId } from '../../catalogue';
import type { ObjectEvent, WorkloadRow } from '../../types';
import type { KubeObject } from '../kube';

/** What is wrong with an object that is not failing through its pods, in words. */
export interface ObjectProblem {
  /** To read after the object's name. */
  problem: string;
  /** A plain fact for when no event explains it. */
  detail?: string;
  guideId: GuideId;
}

/** The StorageClass a provisioning event says does not exist, if it says so. */
export function missingStorageClass(
  message: string | undefined,
): string | undefined {
  return message?.match(/storageclass[\w.]*\s+"([^"]+)"\s+not found/i)?.[1];
}

function claimProblem(
  obj: KubeObject | undefined,
  event?: ObjectEvent,
): ObjectProblem {
  if (obj?.status?.phase === 'Lost')
    return {
      problem: 'lost its volume',
      detail:
        'The PersistentVolume behind this claim is gone; the data on it may be too.',
      guideId: 'k8s-volumes',
    };
  const missing = missingStorageClass(event?.message);
  const asked: string | undefined = obj?.spec?.storageClassName ?? undefined;
  let problem = 'is waiting for storage';
  if (missing) problem += `: the StorageClass "${missing}" does not exist`;
  else if (asked) problem += ` from the StorageClass "${asked}"`;
  return {
    problem,
    detail: asked
      ? `No volume has been provisioned for it by the StorageClass "${asked}" yet.`
      : 'It names no StorageClass, and no volume has been bound to it yet.',
    guideId: 'k8s-volumes',
  };
}

/**
 * The problem of a failing or waiting object from its row, its own object (when the view has it) and its
 * latest warning event: a claim waiting for storage, a Service or Ingress without an address, a Job that
 * failed, a workload that is not ready for another reason.
 */
export function describeObjectProblem(
  row: WorkloadRow,
  obj: KubeObject | undefined,
  event?: ObjectEvent,
): ObjectProblem {
  switch (row.kind) {
    case 'PersistentVolumeClaim':
      return claimProblem(obj, event);
    case 'Service':
      return {
        problem: 'has no external address',
        detail:
          'It is a LoadBalancer Service, and no load balancer has given it an address yet.',
        guideId: 'k8s-external-address',
      };
    case 'Ingress':
      return {
        problem: 'has no address',
        detail: 'No ingress controller has given it an address yet.',
        guideId: 'k8s-external-address',
      };
    case 'Job':
      return {
        problem:
          row.verdict === 'error' ? 'failed' : `needs a look: ${row.status}`,
        detail: 'Its pods are gone; its events say why it stopped.',
        guideId: 'k8s-debug-pods',
      };
    case 'HorizontalPodAutoscaler':
      return {
        problem: 'cannot scale',
        detail: 'It cannot read the load of the pods it scales.',
        guideId: 'k8s-manage-apps',
      };
    default:
      return {
        problem: `is not ready: ${row.status}`,
        detail:
          'None of its pods reports a problem yet; its events may say more.',
        guideId: 'k8s-debug-pods',
      };
  }
}
