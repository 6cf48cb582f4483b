import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createClusterLocator,
  type ClusterLocatorOptions,
} from '../services/ClusterLocator/createClusterLocator';
import { captureLogs } from './captureLogs';
import { waitFor } from './waitFor';
import type {
  ClusterDefinition,
  ClusterLocator,
} from '../services/ClusterLocator/types';

// Set-up shared by the cluster locator's tests: config and catalog builders, a fake catalog, temporary
// credential files, and a harness for the locator itself.

/** A `config` cluster entry as in `kubernetes.clusterLocatorMethods[].clusters`, with a token and a CA. */
export const configCluster = (name: string, extra: object = {}) => ({
  name,
  url: `https://${name}.example.org:6443`,
  authProvider: 'serviceAccount',
  serviceAccountToken: `token-of-${name}`,
  caData: 'Q0E=',
  ...extra,
});

/** A config cluster entry whose token is read from `tokenFile` instead. */
export const tokenFileCluster = (
  name: string,
  tokenFile: string,
  extra: object = {},
) =>
  configCluster(name, {
    serviceAccountToken: undefined,
    serviceAccountTokenFile: tokenFile,
    ...extra,
  });

/** App config with one `config` locator method holding `clusters`, followed by the methods in `more`. */
export const kubernetesConfig = (clusters: object[], more: object[] = []) => ({
  kubernetes: {
    clusterLocatorMethods: [{ type: 'config', clusters }, ...more],
  },
});

/** A `kubernetes-cluster` Resource as upstream's catalog locator reads it; `annotations` override the defaults. */
export const resource = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    namespace: 'default',
    title: `Title of ${name}`,
    annotations: {
      'kubernetes.io/api-server': `https://${name}.example.org:6443`,
      'kubernetes.io/api-server-certificate-authority': 'Q0E=',
      'kubernetes.io/auth-provider': 'serviceAccount',
      ...annotations,
    },
  },
  spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
});

/** A `jetstream2Kubernetes.clusters.catalogCredentials` entry for the Resource of the same name. */
export const credential = (name: string, extra: object = {}) => ({
  name,
  url: `https://${name}.example.org:6443`,
  serviceAccountToken: `catalog-token-of-${name}`,
  ...extra,
});

/**
 * Resources the catalog reader refuses, one reason each, with the catalog credentials they name ("moved"'s
 * first: its problem quotes the index) and the problem each yields, in order.
 */
export const refusedCatalogClusters = () => ({
  resources: [
    resource('no-token'),
    resource('moved', {
      'kubernetes.io/api-server': 'https://evil.example.com',
    }),
    resource('google', { 'kubernetes.io/auth-provider': 'google' }),
    resource('no-ca', {
      'kubernetes.io/api-server-certificate-authority': '',
    }),
    resource('no-provider', { 'kubernetes.io/auth-provider': '' }),
    resource('bad-url', { 'kubernetes.io/api-server': 'not a url' }),
  ],
  credentials: [
    credential('moved'),
    credential('no-ca'),
    credential('google'),
    credential('no-provider'),
    credential('bad-url'),
  ],
  problems: [
    expect.stringContaining(
      'resource:default/no-token has no token: add an entry named "no-token"',
    ),
    expect.stringContaining(
      'annotation kubernetes.io/api-server (https://evil.example.com) differs from the url of jetstream2Kubernetes.clusters.catalogCredentials[0] ("moved")',
    ),
    expect.stringContaining('uses auth provider "google"'),
    expect.stringContaining(
      'resource:default/no-ca has no kubernetes.io/api-server-certificate-authority annotation',
    ),
    expect.stringContaining(
      'resource:default/no-provider has no kubernetes.io/auth-provider annotation',
    ),
    expect.stringContaining(
      'resource:default/bad-url: annotation kubernetes.io/api-server is not a valid URL',
    ),
  ],
});

/**
 * App config with the config cluster "from-config", a `catalog` locator method (with `method`'s options) and
 * the given catalog credentials.
 */
export const catalogConfig = (credentials: object[], method: object = {}) => ({
  ...kubernetesConfig(
    [configCluster('from-config')],
    [{ type: 'catalog', ...method }],
  ),
  jetstream2Kubernetes: { clusters: { catalogCredentials: credentials } },
});

/** A catalog whose entities a test can replace or make fail, backed by the real in-memory catalog client. */
export function swappableCatalog(entities: Entity[]) {
  let inner = catalogServiceMock({ entities });
  let failWith: Error | undefined;
  const getEntities = jest.fn(
    (...args: Parameters<CatalogService['getEntities']>) => {
      if (failWith) return Promise.reject(failWith);
      return inner.getEntities(...args);
    },
  );
  return {
    catalog: { getEntities } as unknown as CatalogService,
    getEntities,
    set(next: Entity[]) {
      inner = catalogServiceMock({ entities: next });
    },
    fail(error: Error | undefined) {
      failWith = error;
    },
  };
}

/**
 * A temporary directory for token and CA files, created on first use and removed after each test of the
 * describe block (or file) that calls this.
 */
export function useTempDir() {
  let dir: Promise<string> | undefined;
  afterEach(async () => {
    const created = dir;
    dir = undefined;
    if (created) await fs.rm(await created, { recursive: true, force: true });
  });
  const pathOf = async (name: string) => {
    dir ??= fs.mkdtemp(path.join(os.tmpdir(), 'locator-'));
    return path.join(await dir, name);
  };
  return {
    /** The path of `name` in this test's directory; the file is not created. */
    path: pathOf,
    /** Writes (or rewrites) `name` and returns its path. */
    async write(name: string, content: string) {
      const file = await pathOf(name);
      await fs.writeFile(file, content);
      return file;
    },
  };
}

export { waitFor };

export const byName = (clusters: ClusterDefinition[]) =>
  Object.fromEntries(clusters.map(c => [c.name, c]));

type ConfigData = NonNullable<
  Parameters<typeof mockServices.rootConfig>[0]
>['data'];

/**
 * Starts locators for the tests of the describe block (or file) that calls this, and stops them after each
 * test.
 */
export function useLocators() {
  const started: ClusterLocator[] = [];
  afterEach(() => {
    started.splice(0).forEach(l => l.stop());
  });

  /** A locator over the config `data` with a capturing logger and a subscribed listener. */
  function locate(
    data: ConfigData,
    options: Partial<ClusterLocatorOptions> = {},
  ) {
    const config = mockServices.rootConfig({ data });
    const logs = captureLogs();
    const logger = logs.logger;
    const locator = createClusterLocator({ config, logger, ...options });
    started.push(locator);
    const listener = jest.fn();
    locator.subscribe(listener);
    return {
      config,
      logger,
      locator,
      listener,
      names: async () => (await locator.getClusters()).map(c => c.name),
      /** Clears the listener, makes the change, and waits until the listener hears of it. */
      notifiedBy: async (what: string, change: () => unknown) => {
        listener.mockClear();
        await change();
        await waitFor(what, () => listener.mock.calls.length > 0);
      },
      warnings: () => logger.warn.mock.calls.map(c => String(c[0])),
      /** Every line logged at any level, as the logger has it: message and fields. */
      lines: () => logs.lines().map(l => l.text),
    };
  }

  /** A locator over `catalogConfig(credentials, method)` with a swappable catalog holding `entities`. */
  function locateWithCatalog(
    entities: Entity[],
    credentials: object[],
    options: Partial<ClusterLocatorOptions> & { method?: object } = {},
  ) {
    const { method, ...rest } = options;
    const fake = swappableCatalog(entities);
    return {
      fake,
      ...locate(catalogConfig(credentials, method), {
        catalog: fake.catalog,
        auth: mockServices.auth(),
        ...rest,
      }),
    };
  }

  return { locate, locateWithCatalog };
}
