import { mockServices } from '@backstage/backend-test-utils';
import { storeTestDatabases } from '../../__testUtils__/databases';
import type { ClusterDetail } from '@internal/plugin-jetstream2-kubernetes-common';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createClusterStore } from './createClusterStore';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-jetstream2-kubernetes-backend',
  'migrations',
);

jest.setTimeout(60_000);

const { databases, ids } = storeTestDatabases();

const detail = (name: string, podCount: number): ClusterDetail => ({
  name,
  status: 'ok',
  nodeCount: 1,
  readyNodeCount: 1,
  capacity: { cpuCores: 8, memoryBytes: 32e9, gpus: 0 },
  allocatable: { cpuCores: 8, memoryBytes: 30e9, gpus: 0 },
  requested: { cpuCores: 1, memoryBytes: 1e9, gpus: 0 },
  podCount,
  collectedAt: '2025-06-01T00:00:00.000Z',
  nodes: [],
  controlPlane: { checks: [], leases: [] },
  namespaces: ['default'],
  workloadCounts: { Pod: podCount },
  insights: [],
});

/** The summary part of a detail, as the store keeps it beside the detail. */
function summaryOf(d: ClusterDetail) {
  const {
    nodes: _nodes,
    controlPlane: _controlPlane,
    namespaces: _namespaces,
    workloadCounts: _workloadCounts,
    insights: _insights,
    ...summary
  } = d;
  return summary;
}

describe('createClusterStore', () => {
  it.each(ids)('saves and replaces cluster snapshots, %p', async databaseId => {
    const knex = await databases.init(databaseId);
    const store = await createClusterStore({
      database: mockServices.database({ knex }),
    });
    expect(await store.getCluster('a')).toBeUndefined();
    const summary = summaryOf(detail('a', 3));
    await store.saveCluster({
      name: 'a',
      summary,
      detail: detail('a', 3),
      collectedAt: summary.collectedAt,
    });
    await store.saveCluster({ name: 'b', summary, detail: detail('b', 1) });
    await store.saveCluster({
      name: 'a',
      summary: { ...summary, podCount: 5 },
      detail: detail('a', 5),
    });
    const a = await store.getCluster('a');
    expect(a?.summary.podCount).toBe(5);
    expect(a?.detail.workloadCounts).toEqual({ Pod: 5 });
    expect(a?.collectedAt).toBeUndefined();
    expect(a?.updatedAt).toBeGreaterThan(Date.now() - 60_000);
    expect((await store.listClusters()).map(c => c.name)).toEqual(['a', 'b']);
  });

  it.each(ids)(
    'drops the old lease table and keeps the stored snapshots, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // The schema as the first release left it, with a lease row and a snapshot.
      await knex.migrate.up({
        directory: migrationsDir,
        name: '20250601000000_init.js',
      });
      await knex('collector_leases').insert({
        name: 'collector',
        holder: 'replica-1',
        expires_at: Date.now() + 60_000,
      });
      const summary = summaryOf(detail('kept', 2));
      await knex('cluster_snapshots').insert({
        cluster_name: 'kept',
        summary: JSON.stringify(summary),
        detail: JSON.stringify(detail('kept', 2)),
        collected_at: null,
        updated_at: Date.now(),
      });

      const store = await createClusterStore({
        database: mockServices.database({ knex }),
      });
      expect(await knex.schema.hasTable('collector_leases')).toBe(false);
      expect((await store.getCluster('kept'))?.summary.podCount).toBe(2);
    },
  );
});
