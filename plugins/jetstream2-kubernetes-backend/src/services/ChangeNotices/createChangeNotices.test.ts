import { mockServices } from '@backstage/backend-test-utils';
import {
  entitySignalChannel,
  JETSTREAM2_KUBERNETES_SIGNAL_CLUSTERS,
  parseLabelSelector,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { waitFor } from '../../__testUtils__/waitFor';
import type { ClusterChange } from '../ClusterCollector/types';
import type { ClusterCollector } from '../ClusterCollector/types';
import { createChangeNotices } from './createChangeNotices';

function fakeCollector() {
  let listener: ((cluster: string, change: ClusterChange) => void) | undefined;
  const collector = {
    onChange: (l: any) => {
      listener = l;
      return () => {
        listener = undefined;
      };
    },
    watcher: () => undefined,
  } as unknown as ClusterCollector;
  return {
    collector,
    emit: (change: ClusterChange) => listener?.('js2-demo', change),
  };
}

const pod = (name: string, id: string) => ({
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'science',
    labels: { 'backstage.io/kubernetes-id': id },
  },
});

describe('createChangeNotices', () => {
  const watched = [
    {
      entityRef: 'component:default/science-api',
      requirements: parseLabelSelector(
        'backstage.io/kubernetes-id=science-api',
      ),
    },
    {
      entityRef: 'component:default/jupyterhub',
      requirements: parseLabelSelector('backstage.io/kubernetes-id=jupyterhub'),
    },
  ];

  it('turns a storm of 1,000 pod events into one notice per affected channel', async () => {
    const { collector, emit } = fakeCollector();
    const published: any[] = [];
    const notices = createChangeNotices({
      collector,
      signals: { publish: async s => void published.push(s) },
      logger: mockServices.logger.mock(),
      watchedEntities: () => watched,
      debounceMs: 50,
      maxWaitMs: 2000,
    });
    notices.start();
    for (let i = 0; i < 1000; i++) {
      emit({
        type: 'objects',
        key: 'pods',
        objects: [pod(`api-${i}`, 'science-api')],
      });
    }
    await waitFor('the notices', () => published.length >= 2);
    await new Promise(r => setTimeout(r, 200));
    notices.stop();
    expect(published.map(p => p.channel).sort()).toEqual(
      [
        JETSTREAM2_KUBERNETES_SIGNAL_CLUSTERS,
        entitySignalChannel('component:default/science-api'),
      ].sort(),
    );
    // a notice is a version only: no object data
    expect(Object.keys(published[0].message)).toEqual(['version']);
    expect(published[0].recipients).toEqual({ type: 'broadcast' });
  });

  it('sends a notice during a long storm at least every maxWait', async () => {
    const { collector, emit } = fakeCollector();
    const published: any[] = [];
    const notices = createChangeNotices({
      collector,
      signals: { publish: async s => void published.push(s) },
      logger: mockServices.logger.mock(),
      watchedEntities: () => watched,
      debounceMs: 100,
      maxWaitMs: 300,
    });
    notices.start();
    const until = Date.now() + 1000;
    while (Date.now() < until) {
      emit({
        type: 'objects',
        key: 'pods',
        objects: [pod('hub', 'jupyterhub')],
      });
      await new Promise(r => setTimeout(r, 20));
    }
    notices.stop();
    const hub = published.filter(
      p => p.channel === entitySignalChannel('component:default/jupyterhub'),
    );
    // events every 20 ms never leave 100 ms of quiet: only maxWait lets notices out (about 3 in 1 s)
    expect(hub.length).toBeGreaterThanOrEqual(2);
    expect(hub.length).toBeLessThanOrEqual(5);
  });

  it('notifies every watched entity when a cluster’s status changes', async () => {
    const { collector, emit } = fakeCollector();
    const published: any[] = [];
    const notices = createChangeNotices({
      collector,
      signals: { publish: async s => void published.push(s) },
      logger: mockServices.logger.mock(),
      watchedEntities: () => watched,
      debounceMs: 10,
    });
    notices.start();
    emit({ type: 'status' });
    await waitFor('three notices', () => published.length === 3);
    notices.stop();
    expect(published.map(p => p.channel)).toContain(
      entitySignalChannel('component:default/jupyterhub'),
    );
  });

  it('refreshes the affected entities’ views before their notices go out', async () => {
    const { collector, emit } = fakeCollector();
    const order: string[] = [];
    const notices = createChangeNotices({
      collector,
      signals: { publish: async s => void order.push(`publish ${s.channel}`) },
      logger: mockServices.logger.mock(),
      watchedEntities: () => watched,
      refreshViews: async refs => {
        await new Promise(r => setTimeout(r, 20));
        order.push(`refresh ${refs.join(',')}`);
      },
      debounceMs: 10,
    });
    notices.start();
    emit({ type: 'objects', key: 'pods', objects: [pod('hub', 'jupyterhub')] });
    await waitFor('two notices', () => order.length === 3);
    notices.stop();
    expect(order).toEqual([
      'refresh component:default/jupyterhub',
      `publish ${JETSTREAM2_KUBERNETES_SIGNAL_CLUSTERS}`,
      `publish ${entitySignalChannel('component:default/jupyterhub')}`,
    ]);
  });

  it('still publishes when refreshing the views fails', async () => {
    const { collector, emit } = fakeCollector();
    const published: string[] = [];
    const notices = createChangeNotices({
      collector,
      signals: { publish: async s => void published.push(s.channel) },
      logger: mockServices.logger.mock(),
      watchedEntities: () => watched,
      refreshViews: async () => {
        throw new Error('catalog unavailable');
      },
      debounceMs: 10,
    });
    notices.start();
    emit({
      type: 'objects',
      key: 'pods',
      objects: [pod('api', 'science-api')],
    });
    await waitFor('two notices', () => published.length === 2);
    notices.stop();
    expect(published).toContain(
      entitySignalChannel('component:default/science-api'),
    );
  });
});
