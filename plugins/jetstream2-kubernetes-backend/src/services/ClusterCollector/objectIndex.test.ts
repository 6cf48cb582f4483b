import type {
  KubeObject,
  LabelRequirement,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { ObjectIndex } from './objectIndex';

const pod = (
  name: string,
  namespace: string,
  labels: Record<string, string> = {},
): KubeObject => ({
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: {},
});

const event = (
  name: string,
  about: { kind: string; namespace?: string; name: string },
  field: 'involvedObject' | 'regarding' = 'involvedObject',
): KubeObject => ({
  kind: 'Event',
  metadata: { name, namespace: about.namespace ?? 'default' },
  [field]: about,
  reason: name,
});

/**
 * The ids in the label index for "key=value". Select re-checks every candidate's labels, so a stale entry
 * never shows in results; it is read here directly.
 */
const labelSet = (index: ObjectIndex, key: string, label: string) =>
  [...((index as any).types.get(key).byLabel.get(label) ?? [])]
    .map((o: KubeObject) => `${o.metadata?.namespace}/${o.metadata?.name}`)
    .sort();

const names = (objs: KubeObject[]) => objs.map(o => o.metadata?.name).sort();

const eq = (key: string, value: string): LabelRequirement => ({
  key,
  op: 'in',
  values: [value],
});

describe('ObjectIndex', () => {
  let index: ObjectIndex;

  beforeEach(() => {
    index = new ObjectIndex();
    index.upsert('pods', pod('web-1', 'shop', { app: 'web', tier: 'front' }));
    index.upsert('pods', pod('web-2', 'shop', { app: 'web', tier: 'back' }));
    index.upsert('pods', pod('web-3', 'blog', { app: 'web' }));
    index.upsert('pods', pod('db-1', 'shop', { app: 'db' }));
  });

  it('selects by label and namespace', () => {
    expect(names(index.select('pods', [eq('app', 'web')]))).toEqual([
      'web-1',
      'web-2',
      'web-3',
    ]);
    expect(names(index.select('pods', [eq('app', 'web')], 'shop'))).toEqual([
      'web-1',
      'web-2',
    ]);
    expect(names(index.select('pods', [], 'blog'))).toEqual(['web-3']);
    expect(index.select('pods', [eq('app', 'web')], 'nowhere')).toEqual([]);
    expect(index.select('pods', [eq('app', 'mail')])).toEqual([]);
    expect(index.select('deployments', [eq('app', 'web')])).toEqual([]);
  });

  it('selects with in, notin, exists and !exists requirements', () => {
    const select = (reqs: LabelRequirement[], ns?: string) =>
      names(index.select('pods', reqs, ns));
    expect(
      select([{ key: 'app', op: 'in', values: ['web', 'db'] }], 'shop'),
    ).toEqual(['db-1', 'web-1', 'web-2']);
    // notin also matches objects without the label, as in Kubernetes.
    expect(select([{ key: 'tier', op: 'notin', values: ['back'] }])).toEqual([
      'db-1',
      'web-1',
      'web-3',
    ]);
    expect(select([{ key: 'tier', op: 'exists' }])).toEqual(['web-1', 'web-2']);
    expect(select([{ key: 'tier', op: '!exists' }], 'shop')).toEqual(['db-1']);
    expect(
      select([
        eq('app', 'web'),
        { key: 'tier', op: 'notin', values: ['front'] },
      ]),
    ).toEqual(['web-2', 'web-3']);
  });

  it('replacing an object moves it out of its old label and namespace sets', () => {
    expect(labelSet(index, 'pods', 'tier=front')).toEqual(['shop/web-1']);
    index.upsert('pods', pod('web-1', 'shop', { app: 'api' }));
    expect(labelSet(index, 'pods', 'tier=front')).toEqual([]);
    expect(labelSet(index, 'pods', 'app=web')).toEqual([
      'blog/web-3',
      'shop/web-2',
    ]);
    expect(labelSet(index, 'pods', 'app=api')).toEqual(['shop/web-1']);
    expect(names(index.select('pods', [eq('app', 'web')], 'shop'))).toEqual([
      'web-2',
    ]);
    expect(names(index.select('pods', [eq('tier', 'front')]))).toEqual([]);
    expect(names(index.select('pods', [eq('app', 'api')]))).toEqual(['web-1']);
    expect(index.size('pods')).toBe(4);
    expect(index.get('pods', 'shop', 'web-1')?.metadata?.labels).toEqual({
      app: 'api',
    });
  });

  it('removes objects from the lists and every index', () => {
    index.remove('pods', pod('web-2', 'shop'));
    expect(index.get('pods', 'shop', 'web-2')).toBeUndefined();
    expect(names(index.list('pods'))).toEqual(['db-1', 'web-1', 'web-3']);
    expect(names(index.select('pods', [eq('tier', 'back')]))).toEqual([]);
    expect(names(index.select('pods', [], 'shop'))).toEqual(['db-1', 'web-1']);
    expect(labelSet(index, 'pods', 'app=web')).toEqual([
      'blog/web-3',
      'shop/web-1',
    ]);
    const version = index.version;
    index.remove('pods', pod('never-there', 'shop'));
    expect(index.version).toBe(version);
  });

  it('clears one type or all of them', () => {
    index.upsert('services', pod('web', 'shop', { app: 'web' }));
    index.clear('pods');
    expect(index.size('pods')).toBe(0);
    expect(labelSet(index, 'pods', 'app=web')).toEqual([]);
    expect(index.select('pods', [eq('app', 'web')])).toEqual([]);
    expect(index.select('pods', [], 'shop')).toEqual([]);
    expect(names(index.list('services'))).toEqual(['web']);
    index.clear();
    expect(index.list('services')).toEqual([]);
    expect(index.select('services', [eq('app', 'web')])).toEqual([]);
  });

  it('keeps the same list array until the type changes', () => {
    const first = index.list('pods');
    expect(index.list('pods')).toBe(first);
    const services = index.list('services');
    index.upsert('services', pod('web', 'shop'));
    expect(index.list('pods')).toBe(first);
    expect(index.list('services')).not.toBe(services);

    index.upsert('pods', pod('web-4', 'shop'));
    const second = index.list('pods');
    expect(second).not.toBe(first);
    expect(second).toHaveLength(5);
    expect(first).toHaveLength(4);
    index.remove('pods', pod('web-4', 'shop'));
    expect(index.list('pods')).not.toBe(second);
    const third = index.list('pods');
    index.clear('pods');
    expect(index.list('pods')).not.toBe(third);
    expect(index.list('pods')).toEqual([]);
  });

  it('bumps the type and global versions on every change', () => {
    const before = { type: index.typeVersion('pods'), all: index.version };
    index.upsert('pods', pod('web-1', 'shop'));
    expect(index.typeVersion('pods')).toBe(before.type + 1);
    expect(index.version).toBe(before.all + 1);
    index.upsert('services', pod('web', 'shop'));
    expect(index.typeVersion('pods')).toBe(before.type + 1);
    expect(index.version).toBe(before.all + 2);
  });

  it('finds the events about an object (involvedObject and regarding)', () => {
    index.upsert(
      'events',
      event('e1', { kind: 'Pod', namespace: 'shop', name: 'web-1' }),
    );
    index.upsert(
      'events',
      event(
        'e2',
        { kind: 'Pod', namespace: 'shop', name: 'web-1' },
        'regarding',
      ),
    );
    index.upsert(
      'events',
      event('e3', { kind: 'Deployment', namespace: 'shop', name: 'web-1' }),
    );
    index.upsert('events', event('e4', { kind: 'Node', name: 'node-0' }));
    expect(names(index.eventsAbout('Pod', 'shop', 'web-1'))).toEqual([
      'e1',
      'e2',
    ]);
    expect(names(index.eventsAbout('Deployment', 'shop', 'web-1'))).toEqual([
      'e3',
    ]);
    expect(names(index.eventsAbout('Node', undefined, 'node-0'))).toEqual([
      'e4',
    ]);
    expect(index.eventsAbout('Pod', 'blog', 'web-1')).toEqual([]);

    // An event re-pointed to another object leaves the first one's list.
    index.upsert(
      'events',
      event('e1', { kind: 'Pod', namespace: 'shop', name: 'web-2' }),
    );
    expect(names(index.eventsAbout('Pod', 'shop', 'web-1'))).toEqual(['e2']);
    expect(names(index.eventsAbout('Pod', 'shop', 'web-2'))).toEqual(['e1']);

    index.remove(
      'events',
      event('e2', { kind: 'Pod', namespace: 'shop', name: 'x' }),
    );
    expect(index.eventsAbout('Pod', 'shop', 'web-1')).toEqual([]);
    index.clear('events');
    expect(index.eventsAbout('Pod', 'shop', 'web-2')).toEqual([]);
  });

  it('returns lists of several types as KubeObjectsByKind', () => {
    const objects = index.objects(['pods', 'services']);
    expect(objects.pods).toBe(index.list('pods'));
    expect(objects.services).toEqual([]);
    expect(Object.keys(objects)).toEqual(['pods', 'services']);
  });
});
