import type {
  KubeObject,
  KubeObjectsByKind,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { obj } from '../../__testUtils__/kubeObjects';
import { ObjectIndex } from '../ClusterCollector/objectIndex';
import { eventsOf } from './entityEvents';

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
