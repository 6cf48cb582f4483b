import { obj, owner } from '../../__testUtils__/kubeObjects';
import { ObjectIndex } from '../ClusterCollector/objectIndex';
import { workloadOf } from './workloadOf';

describe('workloadOf', () => {
  const index = new ObjectIndex();
  index.upsert(
    'replicaSets',
    obj('ReplicaSet', 'web-5d9f', { owners: [owner('Deployment', 'web')] }),
  );
  index.upsert(
    'jobs',
    obj('Job', 'nightly-2901', { owners: [owner('CronJob', 'nightly')] }),
  );
  index.upsert('jobs', obj('Job', 'migrate'));

  const podOf = (...owners: ReturnType<typeof owner>[]) =>
    obj('Pod', 'p', { owners });

  it('follows Pod → ReplicaSet → Deployment', () => {
    expect(workloadOf(index, podOf(owner('ReplicaSet', 'web-5d9f')))).toEqual({
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
    });
  });

  it('follows Pod → Job → CronJob, and stops at a Job without controller', () => {
    expect(workloadOf(index, podOf(owner('Job', 'nightly-2901')))).toEqual({
      kind: 'CronJob',
      namespace: 'shop',
      name: 'nightly',
    });
    expect(workloadOf(index, podOf(owner('Job', 'migrate')))).toEqual({
      kind: 'Job',
      namespace: 'shop',
      name: 'migrate',
    });
  });

  it('returns the direct controller when the parent is not cached, or not a ReplicaSet or Job', () => {
    expect(workloadOf(index, podOf(owner('ReplicaSet', 'gone-1')))).toEqual({
      kind: 'ReplicaSet',
      namespace: 'shop',
      name: 'gone-1',
    });
    expect(workloadOf(index, podOf(owner('StatefulSet', 'db')))).toEqual({
      kind: 'StatefulSet',
      namespace: 'shop',
      name: 'db',
    });
  });

  it('returns undefined for a bare pod or one without a controlling owner', () => {
    expect(workloadOf(index, obj('Pod', 'bare'))).toBeUndefined();
    expect(
      workloadOf(index, podOf(owner('ReplicaSet', 'web-5d9f', false))),
    ).toBeUndefined();
  });
});
