import { warning } from './__fixtures__/views';
import { groupEvents, sameObject } from './groupEvents';

const pod = { kind: 'Pod', namespace: 'ml', name: 'trainer-1' };

describe('groupEvents', () => {
  it('adds up the repeats of a reason about an object and keeps the latest message', () => {
    const groups = groupEvents([
      warning(
        pod,
        'FailedScheduling',
        'old message',
        2,
        '2026-01-01T10:00:00Z',
      ),
      warning(
        pod,
        'FailedScheduling',
        'new message',
        1,
        '2026-01-01T10:05:00Z',
      ),
      warning(pod, 'BackOff', 'back-off', 4, '2026-01-01T09:00:00Z'),
    ]);
    expect(groups.map(g => [g.reason, g.count, g.records, g.message])).toEqual([
      ['FailedScheduling', 3, 2, 'new message'],
      ['BackOff', 4, 1, 'back-off'],
    ]);
    expect(groups[0].lastSeen).toBe('2026-01-01T10:05:00Z');
  });

  it('keeps clusters, objects and types apart, warnings first', () => {
    const normal = {
      ...warning(pod, 'Scheduled', 'assigned', 1, '2026-01-01T11:00:00Z'),
      type: 'Normal',
    };
    const groups = groupEvents([
      normal,
      warning(pod, 'BackOff', 'a', 1, '2026-01-01T10:00:00Z', 'one'),
      warning(pod, 'BackOff', 'b', 1, '2026-01-01T10:00:00Z', 'two'),
      warning({ ...pod, name: 'trainer-2' }, 'BackOff', 'c'),
    ]);
    expect(groups.map(g => [g.type, g.cluster, g.object.name])).toEqual([
      ['Warning', 'one', 'trainer-1'],
      ['Warning', 'two', 'trainer-1'],
      ['Warning', 'js2-demo', 'trainer-2'],
      ['Normal', 'js2-demo', 'trainer-1'],
    ]);
  });

  it('counts an event without a count once', () => {
    const e = { ...warning(pod, 'BackOff', 'x'), count: 0 };
    expect(groupEvents([e, e])[0].count).toBe(2);
  });
});

describe('sameObject', () => {
  it('matches kind and name, and the namespace when both have one', () => {
    expect(sameObject(pod, { ...pod })).toBe(true);
    expect(sameObject(pod, { kind: 'Pod', name: 'trainer-1' })).toBe(true);
    expect(sameObject(pod, { ...pod, namespace: 'other' })).toBe(false);
    expect(sameObject(pod, { ...pod, kind: 'Deployment' })).toBe(false);
    expect(sameObject(pod, undefined)).toBe(false);
  });
});
