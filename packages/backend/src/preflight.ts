import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import fs from 'node:fs';

/**
 * Start-up checks of the settings a deployment gets wrong most often, each failing with one line that
 * names the setting (and the environment variable behind it), then exiting, instead of a stack trace
 * from deep inside a plugin: the PostgreSQL settings (and that the server accepts them), the clusters'
 * tokens and CA files, and the base URLs. Also: a backend that failed to start exits (Backstage leaves it
 * running, never ready), and a stop that hangs ends 4 s after SIGTERM/SIGINT.
 */

/** Where a config value usually comes from, to name it in the message. */
const ENV_OF: Record<string, string> = {
  'backend.database.connection.host': 'POSTGRES_HOST',
  'backend.database.connection.port': 'POSTGRES_PORT',
  'backend.database.connection.user': 'POSTGRES_USER',
  'backend.database.connection.password': 'POSTGRES_PASSWORD',
};
const named = (key: string) => (ENV_OF[key] ? `${key} (${ENV_OF[key]})` : key);

/** In-cluster token that upstream's service-account strategy falls back to when no token is set. */
const IN_CLUSTER_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

const SHUTDOWN_TIMEOUT_MS = 4000;

function fail(message: string): never {
  process.stderr.write(`preflight: ${message}\n`);
  process.exit(1);
}

function checkUrl(config: Config, key: string): string | undefined {
  const value = config.getOptional(key);
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return `${key} must be a URL string`;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return `${key} must be an http(s) URL, got '${value}'`;
    }
  } catch {
    return `${key} is not a valid URL: '${value}'`;
  }
  return undefined;
}

/** Problems found in the config alone (no network), first one first. */
export function checkConfig(
  config: Config,
  fileExists: (path: string) => boolean = fs.existsSync,
): string[] {
  const problems: string[] = [];
  for (const key of ['app.baseUrl', 'backend.baseUrl']) {
    const problem = checkUrl(config, key);
    if (problem) problems.push(problem);
  }
  const port = config.getOptional('backend.listen.port');
  if (port !== undefined && !/^\d{1,5}$/.test(String(port))) {
    problems.push(`backend.listen.port must be a port number, got '${port}'`);
  }

  const client = config.getOptionalString('backend.database.client');
  if (client === 'pg') {
    const conn = config.getOptional('backend.database.connection');
    if (typeof conn === 'object' && conn !== null) {
      for (const key of ['host', 'port', 'user', 'password']) {
        const value = (conn as Record<string, unknown>)[key];
        if (value === undefined || value === null || String(value) === '') {
          problems.push(
            `${named(`backend.database.connection.${key}`)} is not set`,
          );
        }
      }
      const pgPort = (conn as Record<string, unknown>).port;
      if (pgPort !== undefined && !/^\d{1,5}$/.test(String(pgPort))) {
        problems.push(
          `${named(
            'backend.database.connection.port',
          )} must be a port number, got '${pgPort}'`,
        );
      }
    } else if (typeof conn !== 'string' || conn === '') {
      problems.push(
        'backend.database.connection is not set (POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD)',
      );
    }
  } else if (client !== undefined && client !== 'better-sqlite3') {
    problems.push(
      `backend.database.client must be 'pg' or 'better-sqlite3', got '${client}'`,
    );
  }

  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  methods.forEach((method, m) => {
    if (method.getOptionalString('type') !== 'config') return;
    (method.getOptionalConfigArray('clusters') ?? []).forEach((cluster, c) => {
      const where = `kubernetes.clusterLocatorMethods[${m}].clusters[${c}]`;
      const name = cluster.getOptionalString('name') ?? '?';
      const auth = cluster.getOptionalString('authProvider');
      const url = cluster.getOptionalString('url');
      if (!url) problems.push(`${where} ('${name}'): url is not set`);
      const token = cluster.getOptional('serviceAccountToken');
      const tokenFile = cluster.getOptional('serviceAccountTokenFile');
      if (
        typeof tokenFile === 'string' &&
        tokenFile &&
        !fileExists(tokenFile)
      ) {
        problems.push(
          `${where} ('${name}'): serviceAccountTokenFile ${tokenFile} does not exist`,
        );
      } else if (
        auth === 'serviceAccount' &&
        !token &&
        !tokenFile &&
        !fileExists(IN_CLUSTER_TOKEN)
      ) {
        problems.push(
          `${where} ('${name}'): serviceAccountToken is empty: set the environment variable it names ` +
            `(e.g. from the token file that npm run connect-cluster wrote)`,
        );
      }
      const caFile = cluster.getOptionalString('caFile');
      if (caFile && !fileExists(caFile)) {
        problems.push(`${where} ('${name}'): caFile ${caFile} does not exist`);
      }
    });
  });
  return problems;
}

type PgClient = { connect(): Promise<void>; end(): Promise<void> };

/** Connects once to PostgreSQL as the backend will; a sentence naming the setting if that fails. */
export async function checkPostgres(
  config: Config,
): Promise<string | undefined> {
  if (config.getOptionalString('backend.database.client') !== 'pg') {
    return undefined;
  }
  const conn = config.get('backend.database.connection');
  const settings =
    typeof conn === 'string'
      ? { connectionString: conn }
      : { database: 'postgres', ...(conn as object) };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require('pg') as {
    Client: new (options: object) => PgClient;
  };
  const client = new Client({ ...settings, connectionTimeoutMillis: 5000 });
  const target =
    typeof conn === 'string'
      ? 'backend.database.connection'
      : `${(conn as any).host}:${(conn as any).port}`;
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    switch (e.code) {
      case '28P01':
      case '28000':
        return `PostgreSQL at ${target} rejected the login: check ${named(
          'backend.database.connection.user',
        )} and ${named('backend.database.connection.password')} (${e.message})`;
      case 'ECONNREFUSED':
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
      case 'ETIMEDOUT':
      case 'EHOSTUNREACH':
        return `cannot reach PostgreSQL at ${target} (${e.code}): check ${named(
          'backend.database.connection.host',
        )} and ${named('backend.database.connection.port')}`;
      default:
        return `cannot connect to PostgreSQL at ${target}: ${
          e.message ?? e.code ?? String(error)
        }`;
    }
  } finally {
    client.end().catch(() => {});
  }
}

/** A stop that hangs (a shutdown hook waiting forever) ends the process SHUTDOWN_TIMEOUT_MS after a signal. */
function armShutdownWatchdog() {
  const arm = (signal: string) => {
    setTimeout(() => {
      process.stderr.write(
        `preflight: the backend did not stop within ${
          SHUTDOWN_TIMEOUT_MS / 1000
        } s of ${signal}; exiting\n`,
      );
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
  };
  process.once('SIGTERM', () => arm('SIGTERM'));
  process.once('SIGINT', () => arm('SIGINT'));
}

/** Backstage logs a failed start as an unhandled rejection and keeps running, never ready: exit instead. */
function exitOnStartupFailure() {
  process.on('unhandledRejection', (reason: unknown) => {
    const error = reason as { name?: string; message?: string };
    if (error?.name === 'BackendStartupError') {
      const first = String(error.message ?? '')
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean)
        .slice(0, 2)
        .join(' ');
      process.stderr.write(
        `preflight: the backend failed to start: ${first}\n`,
      );
      process.exit(1);
    }
  });
}

/**
 * A root service, so it runs when the backend starts, before any plugin: every plugin's services need the
 * database first, and fail with their own stack traces when it is unreachable.
 */
export const preflightServiceRef = createServiceRef<void>({
  id: 'jetstream2.preflight',
  scope: 'root',
});

export const preflightServiceFactory = createServiceFactory({
  service: preflightServiceRef,
  deps: { config: coreServices.rootConfig },
  async factory({ config }) {
    exitOnStartupFailure();
    armShutdownWatchdog();
    const problems = checkConfig(config);
    if (problems.length > 0) fail(problems[0]);
    const pg = await checkPostgres(config);
    if (pg) fail(pg);
  },
});

export default preflightServiceFactory;
