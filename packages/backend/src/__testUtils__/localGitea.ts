import fs from 'node:fs';

/** The local Git host (tools/gitea) that `npm test` starts, as its `env` file describes it. */
export interface LocalGitea {
  /** e.g. http://127.0.0.1:3301 */
  url: string;
  /** e.g. 127.0.0.1:3301: the `host` of integrations.gitea and of a template's repoUrl */
  host: string;
  username: string;
  token: string;
  /** The organisation templates publish into. */
  org: string;
  /** The integrations.gitea entry for this Gitea, as app-config.gitea.yaml makes it. */
  integration: {
    host: string;
    baseUrl: string;
    username: string;
    password: string;
  };
  /** A request to its API as the admin; the path starts with /api/v1. */
  api(path: string, init?: RequestInit): Promise<Response>;
}

const REQUIRED = [
  'GITEA_URL',
  'GITEA_HOST',
  'GITEA_USERNAME',
  'GITEA_TOKEN_FILE',
  'GITEA_ORG',
];

/**
 * The local Git host from the environment (`source STATE/env` of tools/gitea/start.sh; `npm test` exports
 * it). Throws, saying how to start one, when it is not there or does not answer: tests that need it fail,
 * they never skip.
 */
export async function requireLocalGitea(): Promise<LocalGitea> {
  const missing = REQUIRED.filter(name => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(
        ', ',
      )} not set: this test needs the local Git host. Start it with ` +
        '`bash tools/gitea/start.sh --state-dir DIR --port N`, then `source DIR/env` (npm test does both).',
    );
  }
  const env = process.env as Record<string, string>;
  const token = fs.readFileSync(env.GITEA_TOKEN_FILE, 'utf8').trim();
  const url = env.GITEA_URL;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, {
      ...init,
      headers: {
        Authorization: `token ${token}`,
        'Content-Type': 'application/json',
        ...init.headers,
      },
    });
  const health = await fetch(`${url}/api/healthz`).catch(
    (error: Error) => error,
  );
  if (health instanceof Error || !health.ok) {
    throw new Error(
      `The local Git host at ${url} does not answer (${
        health instanceof Error ? health.message : `HTTP ${health.status}`
      }): start it with bash tools/gitea/start.sh (see tools/gitea/README.md)`,
    );
  }
  return {
    url,
    host: env.GITEA_HOST,
    username: env.GITEA_USERNAME,
    token,
    org: env.GITEA_ORG,
    integration: {
      host: env.GITEA_HOST,
      baseUrl: url,
      username: env.GITEA_USERNAME,
      password: token,
    },
    api,
  };
}
