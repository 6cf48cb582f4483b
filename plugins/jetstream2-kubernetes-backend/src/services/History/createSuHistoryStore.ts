import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { SuSample } from '@internal/plugin-jetstream2-kubernetes-common';
import type { Knex } from 'knex';
import { migrateDatabase } from '../../database/migrateDatabase';
import type { SuHistoryStore } from './types';

interface SampleRow {
  cluster: string;
  entity_ref: string;
  bucket_start: string | number;
  su_sum: string | number;
  observations: string | number;
  updated_at: string | number;
}

/** Rows per insert statement (SQLite allows 999 bound values; a row binds 6). */
const CHUNK = 150;

/** The history on the plugin's database (SQLite in development, PostgreSQL in production). */
export async function createSuHistoryStore(options: {
  database: DatabaseService;
  now?: () => number;
}): Promise<SuHistoryStore> {
  const db: Knex = await migrateDatabase(options.database);
  const now = options.now ?? Date.now;
  return {
    async addObservations(bucketStart, observations) {
      const updatedAt = now();
      const rows = observations.map(o => ({
        cluster: o.cluster,
        entity_ref: o.entityRef ?? '',
        bucket_start: bucketStart,
        su_sum: o.suPerHour,
        observations: 1,
        updated_at: updatedAt,
      }));
      for (let i = 0; i < rows.length; i += CHUNK) {
        await db<SampleRow>('su_samples')
          .insert(rows.slice(i, i + CHUNK))
          .onConflict(['cluster', 'entity_ref', 'bucket_start'])
          .merge({
            su_sum: db.raw('?? + ??', ['su_samples.su_sum', 'excluded.su_sum']),
            observations: db.raw('?? + 1', ['su_samples.observations']),
            updated_at: db.raw('??', ['excluded.updated_at']),
          } as any);
      }
    },
    async readSamples({ since, clusters, entityRefs }) {
      if (clusters.length === 0 && entityRefs.length === 0) return [];
      const rows = await db<SampleRow>('su_samples')
        .where('bucket_start', '>=', since)
        .andWhere(q => {
          if (clusters.length) q.orWhereIn('cluster', clusters);
          if (entityRefs.length) q.orWhereIn('entity_ref', entityRefs);
        })
        .orderBy('bucket_start');
      return rows.map(
        (r): SuSample => ({
          at: Number(r.bucket_start),
          cluster: r.cluster,
          ...(r.entity_ref ? { entityRef: r.entity_ref } : {}),
          suPerHour: Number(r.su_sum) / Math.max(1, Number(r.observations)),
        }),
      );
    },
    async prune(before) {
      return db('su_samples').where('bucket_start', '<', before).delete();
    },
  };
}
