import { clusterView, deploymentPod } from '../__fixtures__/views';
import { objectsByKind, workloadOf } from './clusterObjects';

describe('workloadOf', () => {
  it('follows a pod through its ReplicaSet to its Deployment', () => {
    const { pod, replicaSet } = deploymentPod('worker', 'science', {});
    expect(workloadOf(pod, { replicaSets: [replicaSet] })).toEqual({
      kind: 'Deployment',
      namespace: 'science',
      name: 'worker',
    });
    // without the ReplicaSet among the objects, the ReplicaSet is as far as it goes
    expect(workloadOf(pod, {})).toEqual({
      kind: 'ReplicaSet',
      namespace: 'science',
      name: 'worker-7876b9f7d5',
    });
  });

  it('follows a Job to its CronJob, and leaves a bare pod as itself', () => {
    const job = {
      metadata: {
        name: 'clean-1',
        namespace: 'b',
        ownerReferences: [{ kind: 'CronJob', name: 'clean', controller: true }],
      },
    };
    const pod = {
      metadata: {
        name: 'clean-1-x',
        namespace: 'b',
        ownerReferences: [{ kind: 'Job', name: 'clean-1', controller: true }],
      },
    };
    expect(workloadOf(pod, { jobs: [job] })).toEqual({
      kind: 'CronJob',
      namespace: 'b',
      name: 'clean',
    });
    expect(
      workloadOf({ metadata: { name: 'debug', namespace: 'b' } }, {}),
    ).toEqual({
      kind: 'Pod',
      namespace: 'b',
      name: 'debug',
    });
  });
});

describe('objectsByKind', () => {
  it('reads the upstream lists of a view into lists by registry key', () => {
    const { pod, replicaSet } = deploymentPod('worker', 'science', {});
    const view = clusterView({
      pods: [pod],
      replicasets: [replicaSet],
      ingresses: [],
    });
    expect(objectsByKind(view.resources)).toEqual({
      pods: [pod],
      replicaSets: [replicaSet],
      ingresses: [],
    });
  });
});
