import {
  parseLabelSelector,
  type KubeObject,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { ObjectIndex } from '../ClusterCollector/objectIndex';
import { createViewTracker } from './viewTracker';

const pod = (
  name: string,
  labels: Record<string, string>,
  namespace = 'science',
): KubeObject => ({
  kind: 'Pod',
  metadata: { name, namespace, labels },
});

const node = (ready: string, heartbeat: string): KubeObject => ({
  kind: 'Node',
  metadata: { name: 'node-1' },
  status: {
    allocatable: { cpu: '8' },
    conditions: [
      { type: 'Ready', status: ready, lastHeartbeatTime: heartbeat },
    ],
  },
});

function setup(maxTracked?: number) {
  const index = new ObjectIndex();
  const tracker = createViewTracker({
    index: cluster => (cluster === 'c1' ? index : undefined),
    maxTracked,
  });
  const track = (ref: string, selector: string, namespace?: string) =>
    tracker.track(ref, parseLabelSelector(selector), namespace);
  const objects = (key: any, ...list: KubeObject[]) =>
    tracker.onChange('c1', { type: 'objects', key, objects: list });
  /** Which of these entities' versions move while fn runs. */
  const moved = (refs: string[], fn: () => void) => {
    const before = refs.map(r => tracker.version(r));
    fn();
    return refs.filter((r, i) => tracker.version(r) !== before[i]);
  };
  return { index, tracker, track, objects, moved };
}

describe('createViewTracker', () => {
  it('moves the entities whose selector matches a changed object, and only those', () => {
    const { track, objects, moved } = setup();
    track('a', 'app=a');
    track('b', 'app=b');
    track('multi', 'app in (a,c)');
    track('a-in-other-ns', 'app=a', 'other');
    expect(
      moved(['a', 'b', 'multi', 'a-in-other-ns'], () =>
        objects('pods', pod('p', { app: 'a' })),
      ),
    ).toEqual(['a', 'multi']);
    expect(
      moved(['a', 'b', 'multi'], () => objects('pods', pod('q', { app: 'c' }))),
    ).toEqual(['multi']);
  });

  it('checks selectors without an equality requirement on every change', () => {
    const { track, objects, moved } = setup();
    track('has-tier', 'tier');
    track('not-a', 'app!=a');
    expect(
      moved(['has-tier', 'not-a'], () =>
        objects('services', pod('s', { app: 'b', tier: 'web' })),
      ),
    ).toEqual(['has-tier', 'not-a']);
    expect(
      moved(['has-tier', 'not-a'], () =>
        objects('services', pod('t', { app: 'a' })),
      ),
    ).toEqual([]);
  });

  it('moves an entity for the object as it was, so a label moved away counts', () => {
    const { track, objects, moved } = setup();
    track('a', 'app=a');
    expect(
      moved(['a'], () =>
        objects('pods', pod('p', { app: 'b' }), pod('p', { app: 'a' })),
      ),
    ).toEqual(['a']);
  });

  it('moves an entity for events about its objects, not about others', () => {
    const { index, track, objects, moved } = setup();
    track('a', 'app=a');
    index.upsert('pods', pod('p', { app: 'a' }));
    const event = (name: string) => ({
      kind: 'Event',
      metadata: { name: `${name}.1`, namespace: 'science' },
      involvedObject: { kind: 'Pod', namespace: 'science', name },
    });
    expect(moved(['a'], () => objects('events', event('p')))).toEqual(['a']);
    expect(moved(['a'], () => objects('events', event('unknown')))).toEqual([]);
  });

  it('moves every entity when a node fact changes, not on heartbeats', () => {
    const { index, track, objects, moved } = setup();
    track('a', 'app=a');
    track('b', 'app=b');
    const put = (n: KubeObject) => {
      index.upsert('nodes', n);
      objects('nodes', n);
    };
    put(node('True', 't0'));
    expect(moved(['a', 'b'], () => put(node('True', 't1')))).toEqual([]);
    expect(moved(['a', 'b'], () => put(node('False', 't2')))).toEqual([
      'a',
      'b',
    ]);
    expect(
      moved(['a', 'b'], () => {
        const gone = node('False', 't2');
        index.remove('nodes', gone);
        objects('nodes', gone);
      }),
    ).toEqual(['a', 'b']);
  });

  it('moves every entity on a status change or a storage class change', () => {
    const { tracker, track, objects, moved } = setup();
    track('a', 'app=a');
    expect(
      moved(['a'], () => tracker.onChange('c1', { type: 'status' })),
    ).toEqual(['a']);
    expect(
      moved(['a'], () =>
        objects('storageClasses', { kind: 'StorageClass', metadata: {} }),
      ),
    ).toEqual(['a']);
  });

  it('follows a changed selector and forgets the old one', () => {
    const { track, objects, moved } = setup();
    track('a', 'app=a');
    track('a', 'app=renamed');
    expect(moved(['a'], () => objects('pods', pod('p', { app: 'a' })))).toEqual(
      [],
    );
    expect(
      moved(['a'], () => objects('pods', pod('p', { app: 'renamed' }))),
    ).toEqual(['a']);
  });

  it('tracks at most maxTracked entities, forgetting the oldest', () => {
    const { tracker, track } = setup(2);
    track('a', 'app=a');
    track('b', 'app=b');
    track('c', 'app=c');
    expect(tracker.version('a')).toMatch(/untracked/);
    expect(tracker.version('c')).not.toMatch(/untracked/);
  });
});
