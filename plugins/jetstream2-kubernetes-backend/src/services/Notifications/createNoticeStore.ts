import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { migrateDatabase } from '../../database/migrateDatabase';
import type { NoticeState } from './decideNotice';

interface NoticeRow {
  notice_key: string;
  observed: string;
  observed_since: string | number;
  notified: string | null;
  notified_at: string | number | null;
  version: number | string;
}

/** The notice states in the plugin's database: shared by every replica, kept across restarts. */
export interface NoticeStore {
  get(keys: string[]): Promise<Map<string, NoticeState>>;
  /**
   * Writes the state if the stored one still has `expectedVersion` (undefined: if there is none yet) and
   * resolves true; false when another writer got there first, so a change is claimed, and sent, once.
   */
  write(
    key: string,
    expectedVersion: number | undefined,
    next: Omit<NoticeState, 'version'>,
  ): Promise<boolean>;
}

const fromRow = (r: NoticeRow): NoticeState => ({
  observed: r.observed,
  observedSince: Number(r.observed_since),
  ...(r.notified !== null ? { notified: r.notified } : {}),
  ...(r.notified_at !== null ? { notifiedAt: Number(r.notified_at) } : {}),
  version: Number(r.version),
});

export async function createNoticeStore(options: {
  database: DatabaseService;
}): Promise<NoticeStore> {
  const db: Knex = await migrateDatabase(options.database);
  return {
    async get(keys) {
      const result = new Map<string, NoticeState>();
      for (let i = 0; i < keys.length; i += 500) {
        const rows = await db<NoticeRow>('notice_states').whereIn(
          'notice_key',
          keys.slice(i, i + 500),
        );
        for (const row of rows) result.set(row.notice_key, fromRow(row));
      }
      return result;
    },
    async write(key, expectedVersion, next) {
      const values = {
        observed: next.observed,
        observed_since: next.observedSince,
        notified: next.notified ?? null,
        notified_at: next.notifiedAt ?? null,
      };
      if (expectedVersion === undefined) {
        try {
          await db('notice_states').insert({
            notice_key: key,
            ...values,
            version: 1,
          });
          return true;
        } catch (error) {
          // the key exists: another writer inserted it first
          const exists = await db('notice_states')
            .where({ notice_key: key })
            .first();
          if (exists) return false;
          throw error;
        }
      }
      const updated = await db('notice_states')
        .where({ notice_key: key, version: expectedVersion })
        .update({ ...values, version: expectedVersion + 1 });
      return updated === 1;
    },
  };
}
