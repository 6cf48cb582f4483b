import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-jetstream2-kubernetes-backend',
  'migrations',
);

/** The migrations of each client, run once however many stores ask (two runs at once would collide). */
const migrated = new WeakMap<Knex, Promise<void>>();

/**
 * The plugin's database client with its migrations applied (all of them, from migrations/), unless the
 * database service says not to migrate. Every store of the plugin gets its client from here.
 */
export async function migrateDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const db = await database.getClient();
  if (database.migrations?.skip) return db;
  let done = migrated.get(db);
  if (!done) {
    done = db.migrate.latest({ directory: migrationsDir }).then(() => {});
    migrated.set(db, done);
    done.catch(() => migrated.delete(db));
  }
  await done;
  return db;
}
