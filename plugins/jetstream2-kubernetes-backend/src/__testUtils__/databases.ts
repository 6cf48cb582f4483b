import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases the store tests run on: SQLite always, and the PostgreSQL server that `npm test` starts
 * (BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING). No Docker runs here, so other PostgreSQL versions
 * are not listed rather than silently dropped.
 */
export function storeTestDatabases() {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  const ids = databases.eachSupportedId();
  if (process.env.CI && !ids.some(([id]) => id === 'POSTGRES_15')) {
    throw new Error(
      'PostgreSQL is not configured: set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (npm test starts a server and sets it)',
    );
  }
  return { databases, ids };
}
