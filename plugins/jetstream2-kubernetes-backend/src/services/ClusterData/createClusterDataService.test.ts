import { mockServices } from '@backstage/backend-test-utils';
import { storeTestDatabases } from '../../__testUtils__/databases';
import { createClusterStore } from '../ClusterStore/createClusterStore';
import type {
  ClusterCollector,
  ClusterSnapshot,
} from '../ClusterCollector/types';
import { createClusterDataService } from './createClusterDataService';
import { testClusterObjects } from '../../testing/objects';

jest.setTimeout(60_000);

const { databases, ids } = storeTestDatabases();

function fakeCollector(
  snap: ClusterSnapshot | undefined,
  collecting = true,
): ClusterCollector {
  return {
    start: async () => {},
    stop: async () => {},
    clusterNames: () => ['js2-demo'],
    snapshot: name => (name === 'js2-demo' ? snap : undefined),
    watcher: () => undefined,
    isLeader: () => collecting,
    onChange: () => () => {},
  };
}

const liveSnap: ClusterSnapshot = {
  name: 'js2-demo',
  status: 'ok',
  version: 'v1.34.4',
  controlPlane: { ready: true, live: true, checks: [] },
  collectedAt: '2025-06-01T12:00:00.000Z',
  objects: testClusterObjects() as any,
};

describe('createClusterDataService', () => {
  it.each(ids)(
    'serves the last stored data as stale after a restart, %p',
    async id => {
      const knex = await databases.init(id);
      const store = await createClusterStore({
        database: mockServices.database({ knex }),
      });
      const logger = mockServices.logger.mock();
      const before = createClusterDataService({
        collector: fakeCollector(liveSnap),
        store,
        logger,
      });
      const live = await before.listClusters();
      expect(live[0]).toMatchObject({
        name: 'js2-demo',
        nodeCount: 2,
        podCount: 3,
        status: 'ok',
      });
      expect(live[0].stale).toBeUndefined();
      await before.persist();

      // "Restart": the collector has not collected yet, then the cluster turns out to be down.
      const now = () => new Date('2025-06-01T12:05:00.000Z');
      const pending: ClusterSnapshot = {
        ...liveSnap,
        status: 'pending',
        collectedAt: undefined,
        objects: {},
      };
      const after = createClusterDataService({
        collector: fakeCollector(pending),
        store,
        logger,
        now,
      });
      const [summary] = await after.listClusters();
      expect(summary).toMatchObject({
        nodeCount: 2,
        podCount: 3,
        status: 'ok',
        stale: true,
        ageSeconds: 300,
      });
      const detail = await after.getCluster('js2-demo');
      expect(detail).toMatchObject({
        stale: true,
        ageSeconds: 300,
        namespaces: ['default', 'jhub'],
      });
      expect(detail!.nodes.map(n => n.flavor)).toEqual([
        'm3.medium',
        'g3.large',
      ]);

      const down: ClusterSnapshot = {
        ...pending,
        status: 'error',
        error: {
          reason: 'unreachable',
          message: 'Cluster js2-demo is unreachable (ECONNREFUSED).',
        },
      };
      const afterDown = createClusterDataService({
        collector: fakeCollector(down),
        store,
        logger,
        now,
      });
      const [downSummary] = await afterDown.listClusters();
      expect(downSummary).toMatchObject({
        status: 'error',
        stale: true,
        podCount: 3,
        error: { reason: 'unreachable' },
      });

      expect(await after.getCluster('unknown')).toBeUndefined();
    },
  );

  it('does not write when another replica holds the lease', async () => {
    const store = {
      saveCluster: jest.fn(),
      listClusters: jest.fn().mockResolvedValue([]),
      getCluster: jest.fn(),
    } as any;
    const service = createClusterDataService({
      collector: fakeCollector(liveSnap, false),
      store,
      logger: mockServices.logger.mock(),
    });
    await service.persist();
    expect(store.saveCluster).not.toHaveBeenCalled();
    // ... and still answers with its own live data
    const [summary] = await service.listClusters();
    expect(summary).toMatchObject({
      name: 'js2-demo',
      status: 'ok',
      nodeCount: 2,
    });
    expect(summary.stale).toBeUndefined();

    const leader = createClusterDataService({
      collector: fakeCollector(liveSnap, true),
      store,
      logger: mockServices.logger.mock(),
    });
    await leader.persist();
    expect(store.saveCluster).toHaveBeenCalledTimes(1);
  });
});
