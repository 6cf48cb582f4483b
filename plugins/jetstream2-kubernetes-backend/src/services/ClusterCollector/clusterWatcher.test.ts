import { waitFor } from '../../__testUtils__/waitFor';
import {
  fakePod,
  watchFakeApiServer,
} from '../../__testUtils__/fakeClusterWatcher';
import {
  startFakeApiServer,
  type FakeApiServer,
} from '../../__testUtils__/fakeApiServer';
import type { ClusterChange, ClusterWatcher } from './types';

/*
 * The watcher's wiring; the faults it recovers from are in src/collector/faults.test.ts and the real control
 * plane in src/collector/collector.integration.test.ts.
 */

describe('createClusterWatcher', () => {
  let fake: FakeApiServer;
  let watcher: ClusterWatcher;

  beforeEach(async () => {
    fake = await startFakeApiServer();
    fake.setObjects('pods', [fakePod('a')]);
    watcher = watchFakeApiServer(fake);
  });

  afterEach(async () => {
    await watcher.stop();
    await fake.close();
  });

  it('reads (state, snapshot, version) change nothing and announce nothing', async () => {
    watcher.start();
    await waitFor(
      'status ok with the data collected',
      () =>
        watcher.state().status === 'ok' &&
        watcher.state().collectedAt !== undefined,
    );
    const seen: ClusterChange[] = [];
    watcher.onChange(change => seen.push(change));
    const version = watcher.version();
    const first = watcher.snapshot();
    for (let i = 0; i < 10; i++) {
      expect(watcher.snapshot()).toEqual(first);
      expect(watcher.state()).toEqual({ ...first, objects: undefined });
    }
    expect(watcher.version()).toBe(version);
    expect(first.dataVersion).toBe(version);
    expect(seen).toEqual([]);
    expect(first.objects.pods?.map(p => p.metadata?.name)).toEqual(['a']);
  });

  it('announces its own stop as a status change and serves nothing afterwards', async () => {
    watcher.start();
    await waitFor('status ok', () => watcher.state().status === 'ok');
    const seen: ClusterChange[] = [];
    watcher.onChange(change => seen.push(change));
    await watcher.stop();
    expect(seen).toEqual([{ type: 'status' }]);
    expect(watcher.snapshot()).toMatchObject({
      status: 'pending',
      objects: {},
      version: undefined,
      collectedAt: undefined,
    });
  });

  it('does not collect a cluster with an unsupported auth provider', async () => {
    const oidc = watchFakeApiServer(fake, {
      cluster: { name: 'oidc', authProvider: 'oidc' },
    });
    const before = fake.requests.length;
    oidc.start();
    await oidc.poll();
    expect(fake.requests.length).toBe(before);
    expect(oidc.state()).toMatchObject({
      status: 'error',
      error: { reason: 'unknown' },
    });
    await oidc.stop();
  });
});
