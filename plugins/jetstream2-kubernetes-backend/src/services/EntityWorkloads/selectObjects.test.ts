import type {
  KubeObjectsByKind,
  KubeObject,
  LabelRequirement,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { ObjectIndex } from '../ClusterCollector/objectIndex';
import {
  eventsOf,
  mergeWorkloadRows,
  selectEntityObjects,
  toFetchResponses,
  workloadOf,
} from './selectObjects';

const ID = 'backstage.io/kubernetes-id';
const byId: LabelRequirement[] = [{ key: ID, op: 'in', values: ['shop'] }];

const owner = (kind: string, name: string, controller = true) => ({
  apiVersion: 'v1',
  kind,
  name,
  uid: `uid-${name}`,
  controller,
});

function obj(
  kind: string,
  name: string,
  extra: {
    namespace?: string;
    labels?: Record<string, string>;
    owners?: ReturnType<typeof owner>[];
    spec?: any;
    status?: any;
  } = {},
): KubeObject {
  return {
    kind,
    metadata: {
      name,
      namespace: extra.namespace ?? 'shop',
      labels: extra.labels ?? { [ID]: 'shop' },
      ownerReferences: extra.owners,
    },
    spec: extra.spec ?? {},
    status: extra.status ?? {},
  };
}

const deployment = (name: string, ready: number, replicas = 1) =>
  obj('Deployment', name, {
    spec: { replicas },
    status: { readyReplicas: ready, replicas, updatedReplicas: replicas },
  });

const rowIds = (rows: { kind: string; namespace: string; name: string }[]) =>
  rows.map(r => `${r.kind}/${r.namespace}/${r.name}`).sort();

describe('selectEntityObjects', () => {
  const index = new ObjectIndex();
  index.upsert('pods', obj('Pod', 'web-1'));
  index.upsert('pods', obj('Pod', 'web-2', { namespace: 'staging' }));
  index.upsert('pods', obj('Pod', 'other', { labels: { [ID]: 'blog' } }));
  index.upsert('deployments', obj('Deployment', 'web'));
  index.upsert('nodes', {
    kind: 'Node',
    metadata: { name: 'n', labels: { [ID]: 'shop' } },
  });
  index.upsert(
    'events',
    obj('Event', 'e', { labels: { [ID]: 'shop' } }) as KubeObject,
  );

  it('selects the entity types by label, in every namespace or one', () => {
    const all = selectEntityObjects(index, byId);
    expect(all.pods?.map(p => p.metadata?.name).sort()).toEqual([
      'web-1',
      'web-2',
    ]);
    expect(all.deployments).toHaveLength(1);
    // Only types an entity can own: never nodes or events.
    expect(all.nodes).toBeUndefined();
    expect(all.events).toBeUndefined();

    const staging = selectEntityObjects(index, byId, 'staging');
    expect(staging.pods?.map(p => p.metadata?.name)).toEqual(['web-2']);
    expect(staging.deployments).toEqual([]);
  });

  it('turns the selection into upstream FetchResponses, optionally only some types', () => {
    const selected = selectEntityObjects(index, byId, 'shop');
    const all = toFetchResponses(selected);
    expect(all.map(r => r.type)).toContain('configmaps');
    expect(all.find(r => r.type === 'pods')?.resources).toHaveLength(1);
    expect(
      toFetchResponses(selected, ['deployments', 'pods']).map(r => r.type),
    ).toEqual(['pods', 'deployments']);
  });
});

describe('mergeWorkloadRows', () => {
  it('leaves controller-owned pods and jobs to their controller row', () => {
    const objects: KubeObjectsByKind = {
      deployments: [deployment('web', 1)],
      replicaSets: [obj('ReplicaSet', 'web-5d9f')],
      pods: [
        obj('Pod', 'web-5d9f-abc', {
          owners: [owner('ReplicaSet', 'web-5d9f')],
          status: { phase: 'Running' },
        }),
        obj('Pod', 'bare', { status: { phase: 'Running' } }),
        // An owner that is not a controller does not hide the pod.
        obj('Pod', 'adopted', {
          owners: [owner('ConfigMap', 'cfg', false)],
          status: { phase: 'Running' },
        }),
      ],
      cronJobs: [obj('CronJob', 'nightly')],
      jobs: [
        obj('Job', 'nightly-2901', { owners: [owner('CronJob', 'nightly')] }),
        obj('Job', 'migrate', { status: { succeeded: 1 } }),
      ],
    };
    const rows = mergeWorkloadRows([{ cluster: 'c1', objects }]);
    expect(rowIds(rows)).toEqual([
      'CronJob/shop/nightly',
      'Deployment/shop/web',
      'Job/shop/migrate',
      'Pod/shop/adopted',
      'Pod/shop/bare',
    ]);
    // ReplicaSets have no row of their own.
    expect(rows.find(r => r.kind === 'ReplicaSet')).toBeUndefined();
  });

  it('merges one row per object across clusters; disagreeing clusters are each named and the worst verdict wins', () => {
    const rows = mergeWorkloadRows([
      {
        cluster: 'c1',
        objects: {
          deployments: [deployment('web', 1), deployment('api', 2, 2)],
        },
      },
      {
        cluster: 'c2',
        objects: {
          deployments: [deployment('web', 0), deployment('api', 2, 2)],
        },
      },
    ]);
    const web = rows.find(r => r.name === 'web')!;
    expect(web).toMatchObject({
      kind: 'Deployment',
      clusters: ['c1', 'c2'],
      status: 'c1: 1/1 ready; c2: 0/1 ready',
      verdict: 'error',
      healthy: false,
    });
    const api = rows.find(r => r.name === 'api')!;
    expect(api).toMatchObject({
      clusters: ['c1', 'c2'],
      status: '2/2 ready',
      verdict: 'ok',
      healthy: true,
    });
    expect(rows).toHaveLength(2);
    expect(rows.every(r => !('perCluster' in r))).toBe(true);
  });

  it('names every cluster once a third one disagrees, and keeps the worst verdict in any order', () => {
    const rows = mergeWorkloadRows([
      { cluster: 'c1', objects: { deployments: [deployment('web', 0)] } },
      { cluster: 'c2', objects: { deployments: [deployment('web', 1)] } },
      { cluster: 'c3', objects: { deployments: [deployment('web', 1)] } },
    ]);
    expect(rows[0]).toMatchObject({
      status: 'c1: 0/1 ready; c2: 1/1 ready; c3: 1/1 ready',
      verdict: 'error',
      healthy: false,
    });
  });

  it('keeps objects of the same name in different namespaces apart', () => {
    const rows = mergeWorkloadRows([
      {
        cluster: 'c1',
        objects: {
          services: [
            obj('Service', 'web', { spec: { type: 'ClusterIP' } }),
            obj('Service', 'web', {
              namespace: 'staging',
              spec: { type: 'ClusterIP' },
            }),
          ],
        },
      },
    ]);
    expect(rowIds(rows)).toEqual(['Service/shop/web', 'Service/staging/web']);
  });
});

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

describe('eventsOf', () => {
  it('lists the events about the selected objects, newest first', () => {
    const index = new ObjectIndex();
    const about = (kind: string, name: string) => ({
      kind,
      namespace: 'shop',
      name,
    });
    const ev = (name: string, fields: Record<string, unknown>): KubeObject =>
      ({
        kind: 'Event',
        metadata: { name, namespace: 'shop' },
        ...fields,
      } as KubeObject);
    index.upsert(
      'events',
      ev('old', {
        involvedObject: about('Pod', 'web-1'),
        type: 'Warning',
        reason: 'BackOff',
        message: 'Back-off restarting failed container',
        count: 7,
        lastTimestamp: '2025-06-01T10:00:00Z',
      }),
    );
    index.upsert(
      'events',
      ev('new', {
        regarding: about('Deployment', 'web'),
        reason: 'ScalingReplicaSet',
        note: 'Scaled up replica set web-5d9f to 1',
        eventTime: '2025-06-01T12:00:00.000000Z',
        series: { count: 3 },
      }),
    );
    index.upsert(
      'events',
      ev('middle', {
        involvedObject: about('Pod', 'web-1'),
        reason: 'Pulled',
        metadata: {
          name: 'middle',
          namespace: 'shop',
          creationTimestamp: '2025-06-01T11:00:00Z',
        },
      }),
    );
    index.upsert(
      'events',
      ev('unrelated', {
        involvedObject: about('Pod', 'other'),
        lastTimestamp: '2025-06-02T00:00:00Z',
      }),
    );
    const selected: KubeObjectsByKind = {
      pods: [obj('Pod', 'web-1')],
      deployments: [obj('Deployment', 'web')],
    };
    const events = eventsOf('c1', index, selected);
    expect(events.map(e => e.reason)).toEqual([
      'ScalingReplicaSet',
      'Pulled',
      'BackOff',
    ]);
    expect(events[0]).toEqual({
      cluster: 'c1',
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-5d9f to 1',
      object: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      count: 3,
      lastSeen: '2025-06-01T12:00:00.000Z',
    });
    expect(events[2]).toMatchObject({
      type: 'Warning',
      count: 7,
      lastSeen: '2025-06-01T10:00:00.000Z',
      object: { kind: 'Pod', name: 'web-1' },
    });
    expect(events[1]).toMatchObject({
      count: 1,
      lastSeen: '2025-06-01T11:00:00.000Z',
    });
  });

  // For an event series, lastSeen is the latest occurrence (series.lastObservedTime), not the first.
  it('reads the latest occurrence of an event series as lastSeen', () => {
    const index = new ObjectIndex();
    index.upsert('events', {
      kind: 'Event',
      metadata: { name: 'series', namespace: 'shop' },
      involvedObject: { kind: 'Pod', namespace: 'shop', name: 'web-1' },
      reason: 'BackOff',
      eventTime: '2025-06-01T12:00:00.000000Z',
      series: { count: 40, lastObservedTime: '2025-06-01T12:30:00.000000Z' },
    } as KubeObject);
    const [event] = eventsOf('c1', index, { pods: [obj('Pod', 'web-1')] });
    expect(event.lastSeen).toBe('2025-06-01T12:30:00.000Z');
  });
});
