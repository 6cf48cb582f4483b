import { mockServices } from '@backstage/backend-test-utils';
import {
  entitySignalChannel,
  JETSTREAM2_KUBERNETES_SIGNAL_CLUSTERS,
  parseLabelSelector,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type {
  ClusterChange,
  ClusterCollector,
} from '../ClusterCollector/types';
import { createChangeNotices } from './createChangeNotices';

/** A collector whose one change listener the test calls. */
function listeningCollector() {
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

// Notices are timed by the debounce and maxWait timers: a fake clock makes every count here exact.

const watched = [
  {
    entityRef: 'component:default/science-api',
    requirements: parseLabelSelector('backstage.io/kubernetes-id=science-api'),
  },
  {
    entityRef: 'component:default/jupyterhub',
    requirements: parseLabelSelector('backstage.io/kubernetes-id=jupyterhub'),
  },
];

const scienceChannel = entitySignalChannel('component:default/science-api');
const hubChannel = entitySignalChannel('component:default/jupyterhub');

function setup(options: {
  debounceMs?: number;
  maxWaitMs?: number;
  refreshViews?: (refs: string[]) => Promise<unknown>;
  order?: string[];
}) {
  const { collector, emit } = listeningCollector();
  const published: {
    channel: string;
    at: number;
    message: any;
    recipients: any;
  }[] = [];
  const notices = createChangeNotices({
    collector,
    signals: {
      publish: async s => {
        published.push({ ...s, at: Date.now() });
        options.order?.push(`publish ${s.channel}`);
      },
    },
    logger: mockServices.logger.mock(),
    watchedEntities: () => watched,
    refreshViews: options.refreshViews,
    debounceMs: options.debounceMs,
    maxWaitMs: options.maxWaitMs,
  });
  notices.start();
  const podEvent = (name: string, id: string) =>
    emit({ type: 'objects', key: 'pods', objects: [pod(name, id)] });
  const channels = () => published.map(p => p.channel);
  return { notices, emit, podEvent, published, channels };
}

describe('createChangeNotices', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('turns a storm of 1,000 pod events into one notice per affected channel', async () => {
    const { notices, podEvent, published, channels } = setup({
      debounceMs: 50,
      maxWaitMs: 2000,
    });
    for (let i = 0; i < 1000; i++) podEvent(`api-${i}`, 'science-api');
    await jest.advanceTimersByTimeAsync(49);
    expect(published).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(channels().sort()).toEqual(
      [JETSTREAM2_KUBERNETES_SIGNAL_CLUSTERS, scienceChannel].sort(),
    );
    expect(published.every(p => p.at === 50)).toBe(true);
    // nothing more comes of the storm, however long one waits
    await jest.advanceTimersByTimeAsync(60_000);
    expect(published).toHaveLength(2);
    notices.stop();
    // a notice is a version only: no object data
    expect(Object.keys(published[0].message)).toEqual(['version']);
    expect(published[0].recipients).toEqual({ type: 'broadcast' });
  });

  it('sends a notice during a long storm every maxWait, and one when it ends', async () => {
    const { notices, podEvent, published } = setup({
      debounceMs: 100,
      maxWaitMs: 300,
    });
    // an event every 20 ms for a second never leaves 100 ms of quiet
    for (let t = 0; t < 1000; t += 20) {
      podEvent('hub', 'jupyterhub');
      await jest.advanceTimersByTimeAsync(20);
    }
    await jest.advanceTimersByTimeAsync(1000);
    notices.stop();
    const hub = published.filter(p => p.channel === hubChannel);
    // every 300 ms during the storm; the last at 100 ms after the last event (980 ms)
    expect(hub.map(p => p.at)).toEqual([300, 600, 900, 1080]);
  });

  it('notifies every watched entity when a cluster’s status changes', async () => {
    const { notices, emit, channels } = setup({ debounceMs: 10 });
    emit({ type: 'status' });
    await jest.advanceTimersByTimeAsync(10);
    notices.stop();
    expect(channels().sort()).toEqual(
      [
        JETSTREAM2_KUBERNETES_SIGNAL_CLUSTERS,
        hubChannel,
        scienceChannel,
      ].sort(),
    );
  });

  it('sends nothing for changes that no watched entity selects, but the clusters notice', async () => {
    const { notices, podEvent, channels } = setup({ debounceMs: 10 });
    podEvent('other', 'someone-else');
    await jest.advanceTimersByTimeAsync(10);
    notices.stop();
    expect(channels()).toEqual([JETSTREAM2_KUBERNETES_SIGNAL_CLUSTERS]);
  });

  it('refreshes the affected entities’ views before their notices go out', async () => {
    const order: string[] = [];
    const { notices, podEvent } = setup({
      debounceMs: 10,
      order,
      refreshViews: async refs => {
        await new Promise(r => setTimeout(r, 20));
        order.push(`refresh ${refs.join(',')}`);
      },
    });
    podEvent('hub', 'jupyterhub');
    await jest.advanceTimersByTimeAsync(29);
    expect(order).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    notices.stop();
    expect(order).toEqual([
      'refresh component:default/jupyterhub',
      `publish ${JETSTREAM2_KUBERNETES_SIGNAL_CLUSTERS}`,
      `publish ${hubChannel}`,
    ]);
  });

  it('still publishes when refreshing the views fails', async () => {
    const { notices, podEvent, channels } = setup({
      debounceMs: 10,
      refreshViews: async () => {
        throw new Error('catalog unavailable');
      },
    });
    podEvent('api', 'science-api');
    await jest.advanceTimersByTimeAsync(10);
    notices.stop();
    expect(channels()).toContain(scienceChannel);
  });

  it('waits the configured defaults (300 ms quiet, at most 1 s) when given none', async () => {
    const { notices, podEvent, published } = setup({});
    podEvent('api', 'science-api');
    await jest.advanceTimersByTimeAsync(299);
    expect(published).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(published).toHaveLength(2);
    notices.stop();
  });
});
