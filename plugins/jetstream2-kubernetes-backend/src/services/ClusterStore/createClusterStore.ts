import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { migrateDatabase } from '../../database/migrateDatabase';
import type { ClusterStore, StoredCluster } from './types';

interface SnapshotRow {
  cluster_name: string;
  summary: string;
  detail: string;
  collected_at: string | null;
  updated_at: string | number;
}

function fromRow(row: SnapshotRow): StoredCluster {
  return {
    name: row.cluster_name,
    summary: JSON.parse(row.summary),
    detail: JSON.parse(row.detail),
    collectedAt: row.collected_at ?? undefined,
    updatedAt: Number(row.updated_at),
  };
}

/** A knex store on the plugin's database; runs its migrations unless the database says not to. */
export async function createClusterStore(options: {
  database: DatabaseService;
}): Promise<ClusterStore> {
  const db: Knex = await migrateDatabase(options.database);
  return {
    async saveCluster(cluster) {
      await db<SnapshotRow>('cluster_snapshots')
        .insert({
          cluster_name: cluster.name,
          summary: JSON.stringify(cluster.summary),
          detail: JSON.stringify(cluster.detail),
          collected_at: cluster.collectedAt ?? null,
          updated_at: Date.now(),
        })
        .onConflict('cluster_name')
        .merge();
    },
    async getCluster(name) {
      const row = await db<SnapshotRow>('cluster_snapshots')
        .where({ cluster_name: name })
        .first();
      return row ? fromRow(row) : undefined;
    },
    async listClusters() {
      const rows = await db<SnapshotRow>('cluster_snapshots').orderBy(
        'cluster_name',
      );
      return rows.map(fromRow);
    },
  };
}
