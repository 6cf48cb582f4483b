import { mockServices } from '@backstage/backend-test-utils';
import { createClusterWatcher } from '../services/ClusterCollector/clusterWatcher';
import type {
  ClusterSnapshot,
  ClusterWatcher,
} from '../services/ClusterCollector/types';
import { detailCluster } from '../services/ClusterData/summarise';
import {
  useLocalCluster,
  type LocalCluster,
} from '../__testUtils__/localCluster';
import { waitFor } from '../__testUtils__/waitFor';

// The first build of the Go control plane can take many minutes.
jest.setTimeout(30 * 60_000);

/** Waits until the watcher's snapshot passes `ok`; fails with its last status and error. */
function until(
  watcher: ClusterWatcher,
  ok: (s: ClusterSnapshot) => boolean,
  timeoutMs: number,
): Promise<ClusterSnapshot> {
  return waitFor('the watcher’s snapshot', () => watcher.snapshot(), ok, {
    timeoutMs,
    intervalMs: 250,
    describe: snap =>
      `status ${snap?.status} ${JSON.stringify(snap?.error ?? {})}`,
  });
}

/** A watcher over the cluster with short intervals, so the tests see changes quickly. */
function watchCluster(cluster: LocalCluster): ClusterWatcher {
  const watcher = createClusterWatcher({
    cluster: cluster.definition('js2-demo'),
    logger: mockServices.logger.mock(),
    settings: {
      healthIntervalMs: 1000,
      requestTimeoutMs: 5000,
      minBackoffMs: 250,
      maxBackoffMs: 2000,
      listPageSize: 500,
    },
  });
  watcher.start();
  return watcher;
}

describe('collector against the real local control plane', () => {
  let cluster: LocalCluster;
  let watcher: ClusterWatcher;
  const ns = `it-${Date.now().toString(36)}`;

  beforeAll(async () => {
    cluster = await useLocalCluster();
    watcher = watchCluster(cluster);
  });

  afterAll(async () => {
    await watcher?.stop();
    await cluster
      ?.kubectl('delete', 'namespace', ns, '--wait=false')
      .catch(() => {});
    await cluster?.dispose();
  });

  it('collects nodes with Jetstream2 flavors, the seed pods and control-plane health', async () => {
    const snap = await until(
      watcher,
      s => s.status === 'ok' && Boolean(s.collectedAt),
      120_000,
    );
    const detail = detailCluster(snap);
    expect(detail.version).toMatch(/^v1\.\d+/);
    expect(detail.nodes.length).toBeGreaterThanOrEqual(3);
    for (const node of detail.nodes)
      expect(node.flavor).toMatch(/^[mgr]3\.[a-z0-9]+$/);
    expect(detail.nodes.some(n => n.allocatable.gpus > 0)).toBe(true);
    expect(detail.readyNodeCount).toBe(detail.nodeCount);
    const seedNamespaces = new Set(
      (snap.objects.pods ?? [])
        .filter(p => p.metadata?.labels?.['backstage.io/kubernetes-id'])
        .map(p => p.metadata?.namespace),
    );
    for (const n of ['jhub', 'binder', 'ml', 'science'])
      expect(seedNamespaces).toContain(n);
    expect(detail.controlPlane.ready).toBe(true);
    expect(detail.controlPlane.checks).toContainEqual({
      name: 'etcd',
      endpoint: 'readyz',
      ok: true,
    });
    // The local control plane runs without leader election, so kube-system holds the API server's
    // identity lease; in clusters with leader election kube-scheduler and kube-controller-manager appear too.
    expect(detail.controlPlane.leases).toContainEqual(
      expect.objectContaining({ component: 'kube-apiserver', healthy: true }),
    );
    expect(JSON.stringify(snap.objects)).not.toContain('managedFields');
  });

  it('sees pods appear when a Deployment is scaled', async () => {
    const podsIn = (s: ClusterSnapshot) =>
      (s.objects.pods ?? []).filter(
        p => p.metadata?.namespace === ns && !p.metadata?.deletionTimestamp,
      );
    await cluster.kubectl('create', 'namespace', ns);
    await cluster.kubectl(
      'create',
      'deployment',
      'web',
      '-n',
      ns,
      '--image=nginx:1.27',
      '--replicas=2',
    );
    await until(watcher, s => podsIn(s).length === 2, 60_000);
    await cluster.kubectl(
      'scale',
      'deployment',
      'web',
      '-n',
      ns,
      '--replicas=5',
    );
    const snap = await until(watcher, s => podsIn(s).length === 5, 60_000);
    expect(podsIn(snap).every(p => p.metadata?.labels?.app === 'web')).toBe(
      true,
    );
    await cluster.kubectl(
      'scale',
      'deployment',
      'web',
      '-n',
      ns,
      '--replicas=1',
    );
    await until(watcher, s => podsIn(s).length === 1, 60_000);
  });
});

// Stopping a control plane needs one of its own: never the shared one that `npm test` starts.
describe('collector when its control plane stops and comes back', () => {
  let cluster: LocalCluster;
  let watcher: ClusterWatcher;

  beforeAll(async () => {
    cluster = await useLocalCluster({ own: true });
    watcher = watchCluster(cluster);
  });

  afterAll(async () => {
    await watcher?.stop();
    await cluster?.dispose();
  });

  it('reports a stopped control plane as an error within a minute and recovers after a restart', async () => {
    await cluster.stopControlPlane();
    const down = await until(watcher, s => s.status === 'error', 60_000);
    expect(['unreachable', 'timeout']).toContain(down.error?.reason);
    await cluster.startControlPlane();
    const up = await until(
      watcher,
      s => s.status === 'ok' && Date.parse(s.collectedAt!) > Date.now() - 5000,
      120_000,
    );
    expect((up.objects.pods ?? []).length).toBeGreaterThan(0);
  });
});
