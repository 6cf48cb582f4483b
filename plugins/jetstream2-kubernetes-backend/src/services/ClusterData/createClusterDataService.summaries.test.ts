import { mockServices } from '@backstage/backend-test-utils';
import type { ResourceKey } from '@internal/plugin-jetstream2-kubernetes-common';
import { testClusterObjects } from '../../__testUtils__/objects';
import { ObjectIndex } from '../ClusterCollector/objectIndex';
import type {
  ClusterCollector,
  ClusterSnapshot,
} from '../ClusterCollector/types';
import { createClusterDataService } from './createClusterDataService';

// The clusters page at hundreds of clusters: a summary is made again only when what it is made of changes.
// A reused summary is the same object under its fresh age (so its parts, e.g. `cost`, are the same objects).

function watchedCluster() {
  const index = new ObjectIndex();
  for (const [key, items] of Object.entries(testClusterObjects())) {
    for (const o of items as any[]) index.upsert(key as ResourceKey, o);
  }
  const state: Omit<ClusterSnapshot, 'objects'> = {
    name: 'js2-demo',
    status: 'ok',
    version: 'v1.34.4',
    controlPlane: { ready: true, live: true, checks: [] },
    collectedAt: '2025-06-01T12:00:00.000Z',
  };
  const watcher = { index, state: () => ({ ...state }) };
  const collector = {
    clusterNames: () => ['js2-demo'],
    watcher: (name: string) => (name === 'js2-demo' ? watcher : undefined),
    snapshot: () => undefined,
    onChange: () => () => {},
  } as unknown as ClusterCollector;
  return { index, state, collector };
}

const lease = (renewTime: string) => ({
  kind: 'Lease',
  metadata: { name: 'js2-demo-node-0', namespace: 'kube-node-lease' },
  spec: { renewTime },
});

describe('createClusterDataService summaries', () => {
  it('reuses a summary across heartbeats and events, and makes it again when a pod or the status changes', async () => {
    const { index, state, collector } = watchedCluster();
    let t = new Date('2025-06-01T12:00:30.000Z');
    const service = createClusterDataService({
      collector,
      store: { listClusters: jest.fn() } as any,
      logger: mockServices.logger.mock(),
      now: () => t,
    });
    const [first] = await service.listClusters();
    expect(first).toMatchObject({ podCount: 3, status: 'ok', ageSeconds: 30 });

    index.upsert('nodeLeases', lease('2025-06-01T12:00:40Z'));
    index.upsert('events', {
      kind: 'Event',
      metadata: { name: 'e1', namespace: 'jhub' },
      involvedObject: { kind: 'Pod', namespace: 'jhub', name: 'hub' },
      reason: 'Pulled',
    });
    // a later poll: the same summary, with the new collection time and age
    state.collectedAt = '2025-06-01T12:00:45.000Z';
    t = new Date('2025-06-01T12:00:50.000Z');
    const [second] = await service.listClusters();
    expect(second.cost).toBe(first.cost);
    expect(second).toEqual({
      ...first,
      collectedAt: '2025-06-01T12:00:45.000Z',
      ageSeconds: 5,
    });

    index.remove('pods', testClusterObjects().pods[0] as any);
    const [third] = await service.listClusters();
    expect(third.cost).not.toBe(first.cost);
    expect(third.podCount).toBe(2);

    state.status = 'degraded';
    const [fourth] = await service.listClusters();
    expect(fourth.cost).not.toBe(third.cost);
    expect(fourth.status).toBe('degraded');
    const [fifth] = await service.listClusters();
    expect(fifth.cost).toBe(fourth.cost);
  });
});
