import type { KubeObject } from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterWatcher } from '../services/ClusterCollector/types';
import type { ClusterSnapshot } from '../services/ClusterCollector/types';
import { captureLogs } from '../__testUtils__/captureLogs';
import {
  fakePod,
  watchFakeApiServer,
} from '../__testUtils__/fakeClusterWatcher';
import { waitFor } from '../__testUtils__/waitFor';
import {
  startFakeApiServer,
  type FakeApiServer,
} from '../__testUtils__/fakeApiServer';

/*
 * Faults a real control plane cannot be made to produce on demand (410 Gone, a watch ERROR event, a stream
 * closed by the server, a 401 on every list), against the registry-built fake API server.
 */

jest.setTimeout(30_000);

/** The waits of this file: up to 10 s each (the shared default is 5 s). */
const within = { timeoutMs: 10_000 };

const podNames = (w: ClusterWatcher) =>
  (w.snapshot().objects.pods ?? []).map(p => p.metadata?.name).sort();

const state = (w: ClusterWatcher) => {
  const s: ClusterSnapshot = w.snapshot();
  return { status: s.status, error: s.error, pods: podNames(w) };
};

describe('cluster watcher faults (fake API server)', () => {
  let fake: FakeApiServer;
  let watcher: ClusterWatcher;

  // small pages, so that a list takes several
  let logs: ReturnType<typeof captureLogs>;
  const newWatcher = () => {
    logs = captureLogs();
    return watchFakeApiServer(fake, {
      settings: { listPageSize: 2 },
      logger: logs.logger,
    });
  };

  async function startInSync(names: string[]) {
    fake.setObjects(
      'pods',
      names.map(n => fakePod(n)),
    );
    watcher = newWatcher();
    watcher.start();
    await waitFor(
      `status ok with pods ${names}`,
      () => state(watcher),
      s => s.status === 'ok' && s.pods.join() === [...names].sort().join(),
      within,
    );
    await waitFor(
      'the pods watch to be open',
      () => fake.watchCount('pods'),
      n => n === 1,
      within,
    );
  }

  beforeEach(async () => {
    fake = await startFakeApiServer();
  });

  afterEach(async () => {
    await watcher?.stop();
    await fake.close();
  });

  it('reads every page of a list and applies watch events', async () => {
    await startInSync(['a', 'b', 'c', 'd', 'e']);
    const podLists = fake.requests.filter(r =>
      r.startsWith('GET /api/v1/pods?'),
    );
    expect(podLists.filter(r => !r.includes('watch=true'))).toEqual([
      'GET /api/v1/pods?limit=2',
      expect.stringContaining('continue='),
      expect.stringContaining('continue='),
    ]);

    fake.push('pods', 'ADDED', fakePod('f'));
    fake.push('pods', 'MODIFIED', fakePod('a', 'Failed'));
    fake.push('pods', 'DELETED', fakePod('b'));
    await waitFor(
      'the watch events in the snapshot',
      () => podNames(watcher),
      names => names.join() === 'a,c,d,e,f',
      within,
    );
    expect(watcher.index.get('pods', 'default', 'a')?.status.phase).toBe(
      'Failed',
    );
  });

  it('relists after 410 Gone, and an object missing from the relist disappears', async () => {
    await startInSync(['a', 'b', 'c']);
    const listsBefore = fake.listCount('pods');
    // While the watch history is lost, b is deleted and d created; no event tells the watcher.
    fake.setObjects('pods', [fakePod('a'), fakePod('c'), fakePod('d')]);
    fake.gone('pods');
    await waitFor(
      'the snapshot to show the relisted pods a, c, d',
      () => state(watcher),
      s => s.pods.join() === 'a,c,d',
      within,
    );
    expect(fake.listCount('pods')).toBeGreaterThan(listsBefore);
    await waitFor(
      'the pods watch to reopen',
      () => fake.watchCount('pods'),
      n => n === 1,
      within,
    );
    expect(watcher.snapshot().status).toBe('ok');
  });

  it('relists when a resumed watch is answered 410 Gone (history compacted while disconnected)', async () => {
    await startInSync(['a', 'b']);
    // The stream drops; meanwhile the server forgets the history the watch would resume from.
    fake.setObjects('pods', [fakePod('x')]);
    fake.closeWatches('pods');
    const s = await waitFor(
      'the snapshot to show the relisted pod x only',
      () => state(watcher),
      st => st.status === 'ok' && st.pods.join() === 'x',
      within,
    );
    expect(s.pods).toEqual(['x']);
  });

  it('resumes after a watch ERROR event without relisting', async () => {
    await startInSync(['a']);
    const listsBefore = fake.listCount('pods');
    fake.watchError('pods', 500);
    await waitFor(
      'the pods watch to reopen',
      () => fake.watchCount('pods'),
      n => n === 1,
      within,
    );
    fake.push('pods', 'ADDED', fakePod('b'));
    await waitFor(
      'the pod added after the resume',
      () => podNames(watcher),
      names => names.join() === 'a,b',
      within,
    );
    expect(fake.listCount('pods')).toBe(listsBefore);
    expect(watcher.snapshot().status).toBe('ok');
  });

  it('resumes after the server closes the stream, replaying what it missed', async () => {
    await startInSync(['a', 'b']);
    fake.closeWatches();
    // Sent while no pods watch may be open: the resumed watch replays it from its resource version.
    fake.push('pods', 'DELETED', fakePod('a'));
    await waitFor(
      'the deletion to reach the snapshot',
      () => podNames(watcher),
      names => names.join() === 'b',
      within,
    );
    fake.push('pods', 'ADDED', fakePod('c'));
    await waitFor(
      'the pod added on the resumed watch',
      () => podNames(watcher),
      names => names.join() === 'b,c',
      within,
    );
    expect(watcher.snapshot().status).toBe('ok');
  });

  it('turns the status to error (unauthorized) when every list answers 401, without the token', async () => {
    fake.setObjects('pods', [fakePod('a')]);
    fake.failLists = 401;
    watcher = newWatcher();
    watcher.start();
    const s = await waitFor(
      'status error',
      () => watcher.snapshot(),
      snap => snap.status === 'error',
      within,
    );
    expect(s.error?.reason).toBe('unauthorized');
    expect(s.error?.guideId).toBe('zonca-credentials');
    expect(JSON.stringify(s)).not.toContain(fake.token);
    expect(s.objects.pods).toBeUndefined();
    // the watcher's own log lines say why, without the token
    expect(logs.text()).toMatch(/warn Watching pods failed \(unauthorized\)/);
    expect(logs.text()).not.toContain(fake.token);

    // Once the lists answer again, the back-off retries bring the data in.
    fake.failLists = undefined;
    await waitFor(
      'status ok after the token is accepted again',
      () => state(watcher),
      st => st.status === 'ok' && st.pods.join() === 'a',
      within,
    );
  });

  it('shows no old objects right after stop()', async () => {
    await startInSync(['a', 'b']);
    await watcher.stop();
    const snap = watcher.snapshot();
    expect(snap.objects).toEqual({});
    expect(watcher.index.size('pods')).toBe(0);
    expect(snap.collectedAt).toBeUndefined();
  });

  it('after stop() and start() never shows an object deleted while stopped', async () => {
    await startInSync(['a', 'b']);
    await watcher.stop();
    fake.push('pods', 'DELETED', fakePod('a'));
    fake.push('pods', 'ADDED', fakePod('c'));
    watcher.start();
    const s = await waitFor(
      'status ok with the pod c created while stopped',
      () => state(watcher),
      st => st.status === 'ok' && st.pods.includes('c'),
      within,
    );
    expect(s.pods).not.toContain('a');
  });

  // stop() forgets everything and start() lists afresh: nothing old, nothing missing.
  it('after stop() and start() shows the unchanged objects next to the new ones', async () => {
    await startInSync(['a', 'b']);
    await watcher.stop();
    fake.push('pods', 'DELETED', fakePod('a'));
    fake.push('pods', 'ADDED', fakePod('c'));
    watcher.start();
    const s = await waitFor(
      'status ok with only the current pods b, c',
      () => state(watcher),
      st => st.status === 'ok' && st.pods.join() === 'b,c',
      { timeoutMs: 3_000 },
    );
    expect(s.pods).toEqual(['b', 'c']);
  });

  it('after stop() and start() with nothing changed shows the objects again', async () => {
    await startInSync(['a', 'b']);
    await watcher.stop();
    watcher.start();
    const s = await waitFor(
      'status ok with pods a, b after the restart',
      () => state(watcher),
      st => st.status === 'ok' && st.pods.join() === 'a,b',
      { timeoutMs: 3_000 },
    );
    expect(s.pods).toEqual(['a', 'b']);
  });
});

describe('the fake API server itself', () => {
  it('serves registry paths with <Kind>List kinds, paging, field selectors and 401/404', async () => {
    const fake = await startFakeApiServer();
    try {
      const dep = (name: string, namespace = 'shop'): KubeObject => ({
        metadata: { name, namespace },
      });
      fake.setObjects('deployments', [dep('a'), dep('b'), dep('c', 'blog')]);
      const get = async (path: string, token = fake.token) => {
        const res = await fetch(`${fake.url}${path}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        return { status: res.status, body: (await res.json()) as any };
      };
      const first = await get('/apis/apps/v1/deployments?limit=2');
      expect(first.body).toMatchObject({
        kind: 'DeploymentList',
        apiVersion: 'apps/v1',
      });
      expect(first.body.items.map((i: any) => i.metadata.name)).toEqual([
        'c',
        'a',
      ]);
      const next = await get(
        `/apis/apps/v1/deployments?limit=2&continue=${encodeURIComponent(
          first.body.metadata.continue,
        )}`,
      );
      expect(next.body.items.map((i: any) => i.metadata.name)).toEqual(['b']);
      expect(next.body.metadata.continue).toBeUndefined();
      expect(next.body.metadata.resourceVersion).toBe(
        first.body.metadata.resourceVersion,
      );

      const selected = await get(
        '/apis/apps/v1/deployments?fieldSelector=metadata.namespace%3Dshop,metadata.name!%3Da',
      );
      expect(selected.body.items.map((i: any) => i.metadata.name)).toEqual([
        'b',
      ]);
      expect(
        (
          await get(
            '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases',
          )
        ).body.kind,
      ).toBe('LeaseList');
      expect((await get('/api/v1/secrets')).status).toBe(404);
      expect((await get('/api/v1/pods', 'wrong')).status).toBe(401);
    } finally {
      await fake.close();
    }
  });
});
