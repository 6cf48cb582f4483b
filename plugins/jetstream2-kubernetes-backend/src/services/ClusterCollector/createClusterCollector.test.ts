import { captureLogs } from '../../__testUtils__/captureLogs';
import {
  startFakeApiServer,
  type FakeApiServer,
} from '../../__testUtils__/fakeApiServer';
import { waitFor } from '../../__testUtils__/waitFor';
import type {
  ClusterDefinition,
  ClusterLocator,
} from '../ClusterLocator/types';
import { createClusterCollector } from './createClusterCollector';
import type { ClusterChange, ClusterCollector } from './types';

/** A locator whose clusters the test sets; `change` tells the collector, as a config reload would. */
function settableLocator(clusters: ClusterDefinition[]) {
  let current = clusters;
  let listener: (() => void) | undefined;
  const locator: ClusterLocator = {
    getClusters: async () => current,
    subscribe: l => {
      listener = l;
      return { unsubscribe: () => (listener = undefined) };
    },
    stop: () => {},
  };
  return {
    locator,
    change: (next: ClusterDefinition[]) => {
      current = next;
      listener?.();
    },
  };
}

describe('createClusterCollector', () => {
  let fake: FakeApiServer;
  let collector: ClusterCollector | undefined;
  const cluster = (name: string, fingerprint = 'fp'): ClusterDefinition => ({
    name,
    url: fake.url,
    authProvider: 'serviceAccount',
    serviceAccountToken: fake.token,
    skipTLSVerify: true,
    fingerprint,
    source: 'config',
  });

  beforeEach(async () => {
    fake = await startFakeApiServer();
  });
  afterEach(async () => {
    await collector?.stop();
    collector = undefined;
    await fake.close();
  });

  it('tells every change listener, though one before it throws, and logs the failure', async () => {
    const logs = captureLogs();
    const { locator, change } = settableLocator([cluster('a')]);
    collector = createClusterCollector({ locator, logger: logs.logger });
    const heard: Array<[string, ClusterChange['type']]> = [];
    collector.onChange(() => {
      throw new Error('listener bug');
    });
    collector.onChange((name, c) => heard.push([name, c.type]));
    await collector.start();
    change([cluster('a'), cluster('b')]);
    await waitFor(
      'the listener after the failing one to hear that b was added',
      () => heard.some(([name, type]) => name === '' && type === 'status'),
    );
    expect(logs.logger.warn).toHaveBeenCalledWith(
      'A cluster change listener failed: listener bug',
    );
    expect(collector.clusterNames()).toEqual(['a', 'b']);
  });

  it('reconnects a cluster whose connection changed and stops one that went away', async () => {
    const { locator, change } = settableLocator([cluster('a'), cluster('b')]);
    collector = createClusterCollector({
      locator,
      logger: captureLogs().logger,
    });
    await collector.start();
    const first = collector.watcher('a');
    const kept = collector.watcher('b');
    change([cluster('a', 'rotated token'), cluster('b')]);
    await waitFor(
      'a new watcher for a',
      () => collector!.watcher('a') !== first,
    );
    expect(collector.watcher('b')).toBe(kept);
    change([cluster('b')]);
    await waitFor('a to be gone', () => !collector!.watcher('a'));
    expect(collector.clusterNames()).toEqual(['b']);
  });
});
