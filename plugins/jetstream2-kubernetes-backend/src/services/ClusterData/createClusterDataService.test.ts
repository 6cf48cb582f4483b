import { mockServices } from '@backstage/backend-test-utils';
import { storeTestDatabases } from '../../__testUtils__/databases';
import { createClusterStore } from '../ClusterStore/createClusterStore';
import type {
  ClusterCollector,
  ClusterSnapshot,
} from '../ClusterCollector/types';
import { createClusterDataService } from './createClusterDataService';
import { testClusterObjects } from '../../__testUtils__/objects';

jest.setTimeout(60_000);

const { databases, ids } = storeTestDatabases();

function fakeCollector(snap: ClusterSnapshot | undefined): ClusterCollector {
  return {
    start: async () => {},
    stop: async () => {},
    clusterNames: () => ['js2-demo'],
    snapshot: name => (name === 'js2-demo' ? snap : undefined),
    watcher: () => undefined,
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

  it('writes the clusters it has collected on every run, and none it has not collected yet', async () => {
    const store = {
      saveCluster: jest.fn().mockResolvedValue(undefined),
      listClusters: jest.fn().mockResolvedValue([]),
      getCluster: jest.fn(),
    } as any;
    const pending = createClusterDataService({
      collector: fakeCollector({
        ...liveSnap,
        status: 'pending',
        collectedAt: undefined,
        objects: {},
      }),
      store,
      logger: mockServices.logger.mock(),
    });
    expect(await pending.persist()).toBe(0);
    expect(store.saveCluster).not.toHaveBeenCalled();

    const collected = createClusterDataService({
      collector: fakeCollector(liveSnap),
      store,
      logger: mockServices.logger.mock(),
    });
    expect(await collected.persist()).toBe(1);
    // again, unchanged: another replica may have written in between, so it is written again
    expect(await collected.persist()).toBe(1);
    expect(store.saveCluster).toHaveBeenCalledTimes(2);
    const [{ summary, detail }] = store.saveCluster.mock.calls[0];
    expect(summary).toMatchObject({ name: 'js2-demo', podCount: 3 });
    expect(summary).not.toHaveProperty('nodes');
    expect(detail.namespaces).toEqual(['default', 'jhub']);
  });

  it('counts a failed write as not written, logs it, and carries on with the next cluster', async () => {
    const logger = mockServices.logger.mock();
    const store = {
      saveCluster: jest.fn().mockRejectedValue(new Error('database is gone')),
      listClusters: jest.fn().mockResolvedValue([]),
      getCluster: jest.fn(),
    } as any;
    const service = createClusterDataService({
      collector: fakeCollector(liveSnap),
      store,
      logger,
    });
    expect(await service.persist()).toBe(0);
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not store cluster js2-demo: database is gone',
    );
  });
});
