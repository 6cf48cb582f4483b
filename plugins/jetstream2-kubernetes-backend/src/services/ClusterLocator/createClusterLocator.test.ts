import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClusterLocator } from './createClusterLocator';
import type { ClusterDefinition, ClusterLocator } from './types';

/** Polls until `check` holds; fails with `what` after `timeoutMs`. */
async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise(r => setTimeout(r, 20));
  }
}

const logLines = (logger: ReturnType<typeof mockServices.logger.mock>) =>
  [logger.warn, logger.info, logger.error, logger.debug].flatMap(fn =>
    fn.mock.calls.map(call => String(call[0])),
  );

const byName = (clusters: ClusterDefinition[]) =>
  Object.fromEntries(clusters.map(c => [c.name, c]));

const configCluster = (name: string, extra: object = {}) => ({
  name,
  url: `https://${name}.example.org:6443`,
  authProvider: 'serviceAccount',
  serviceAccountToken: `token-of-${name}`,
  caData: 'Q0E=',
  ...extra,
});

const kubernetesConfig = (clusters: object[], more: object[] = []) => ({
  kubernetes: {
    clusterLocatorMethods: [{ type: 'config', clusters }, ...more],
  },
});

describe('createClusterLocator', () => {
  const locators: ClusterLocator[] = [];
  const track = (locator: ClusterLocator) => {
    locators.push(locator);
    return locator;
  };
  afterEach(() => {
    locators.splice(0).forEach(l => l.stop());
  });

  it('reads config clusters like the upstream plugin and skips other locators', async () => {
    const logger = mockServices.logger.mock();
    const config = mockServices.rootConfig({
      data: {
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'gke', projectId: 'p' },
            {
              type: 'config',
              clusters: [
                {
                  name: 'js2-demo',
                  title: 'Demo',
                  url: 'https://127.0.0.1:6443/',
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 'tok',
                  caData: 'Q0E=',
                  dashboardUrl: 'https://dash',
                },
                { name: 'js2-demo', url: 'https://other' },
                {
                  name: 'insecure',
                  url: 'https://x',
                  skipTLSVerify: true,
                  caData: 'Q0E=',
                },
              ],
            },
          ],
        },
      },
    });
    const locator = track(createClusterLocator({ config, logger }));
    const clusters = await locator.getClusters();
    expect(clusters).toEqual([
      {
        name: 'js2-demo',
        title: 'Demo',
        url: 'https://127.0.0.1:6443',
        authProvider: 'serviceAccount',
        serviceAccountToken: 'tok',
        caData: 'Q0E=',
        skipTLSVerify: false,
        dashboardUrl: 'https://dash',
        source: 'config',
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
      {
        name: 'insecure',
        url: 'https://x',
        authProvider: 'serviceAccount',
        caData: 'Q0E=',
        skipTLSVerify: true,
        source: 'config',
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    ]);
    expect(clusters[0].fingerprint).not.toEqual(clusters[1].fingerprint);
    const lines = logLines(logger);
    expect(
      lines.filter(l => l.includes('"js2-demo" is defined twice')),
    ).toHaveLength(1);
    expect(lines.filter(l => l.includes('"gke"'))).toHaveLength(1);
    // a second read logs nothing new
    await locator.getClusters();
    expect(logLines(logger)).toHaveLength(lines.length);
  });

  it('returns no clusters when none are configured', async () => {
    const locator = track(
      createClusterLocator({
        config: mockServices.rootConfig({ data: {} }),
        logger: mockServices.logger.mock(),
      }),
    );
    await expect(locator.getClusters()).resolves.toEqual([]);
  });

  it('refuses a malformed entry with one log line naming it and keeps the others', async () => {
    const logger = mockServices.logger.mock();
    const config = mockServices.rootConfig({
      data: kubernetesConfig([
        configCluster('good'),
        { url: 'https://nameless' },
        { name: 'no-url', serviceAccountToken: 'secret-no-url' },
        configCluster('bad-url', { url: 'not a url' }),
        configCluster('creds-in-url', {
          url: 'https://user:hunter2@host.example.org',
        }),
        configCluster('typo', { authProvider: 'serviceaccount' }),
        configCluster('wrong-type', { skipTLSVerify: 'maybe' }),
        configCluster('also-good'),
      ]),
    });
    const locator = track(createClusterLocator({ config, logger }));
    const clusters = await locator.getClusters();
    expect(clusters.map(c => c.name)).toEqual(['good', 'also-good']);

    const warnings = logger.warn.mock.calls.map(c => String(c[0]));
    expect(warnings).toHaveLength(6);
    const entry = (i: number) =>
      `kubernetes.clusterLocatorMethods[0].clusters[${i}]`;
    expect(warnings[0]).toContain(`${entry(1)} has no name`);
    expect(warnings[1]).toContain(`${entry(2)} ("no-url") has no url`);
    expect(warnings[2]).toContain(
      `${entry(3)} ("bad-url"): url is not a valid URL`,
    );
    expect(warnings[3]).toContain(
      `${entry(
        4,
      )} ("creds-in-url"): url must not contain a user name or password`,
    );
    expect(warnings[4]).toContain(
      `${entry(5)} ("typo"): authProvider "serviceaccount" is not one of`,
    );
    expect(warnings[5]).toContain(`${entry(6)}.skipTLSVerify`);
    for (const line of logLines(logger)) {
      expect(line).not.toMatch(/hunter2|token-of-|secret-no-url/);
    }
  });

  it('survives a locator list of the wrong shape and refuses two token sources', async () => {
    const logger = mockServices.logger.mock();
    const config = mockServices.rootConfig({
      data: { kubernetes: { clusterLocatorMethods: 'config' } },
    });
    const locator = track(createClusterLocator({ config, logger }));
    await expect(locator.getClusters()).resolves.toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('kubernetes.clusterLocatorMethods is ignored'),
    );

    config.update({
      data: kubernetesConfig([
        configCluster('both', { serviceAccountTokenFile: '/run/token' }),
        configCluster('fine'),
      ]),
    });
    await waitFor('the cluster "fine" after the fix', async () =>
      (await locator.getClusters()).some(c => c.name === 'fine'),
    );
    expect((await locator.getClusters()).map(c => c.name)).toEqual(['fine']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        '("both") sets both serviceAccountToken and serviceAccountTokenFile; set one',
      ),
    );
  });

  it('follows config changes while running: added, changed and removed clusters', async () => {
    const logger = mockServices.logger.mock();
    const config = mockServices.rootConfig({
      data: kubernetesConfig([configCluster('a'), configCluster('b')]),
    });
    const locator = track(createClusterLocator({ config, logger }));
    const listener = jest.fn();
    locator.subscribe(listener);
    const first = byName(await locator.getClusters());
    expect(Object.keys(first)).toEqual(['a', 'b']);
    listener.mockClear();

    // b's token changes, c is added
    config.update({
      data: kubernetesConfig([
        configCluster('a'),
        configCluster('b', { serviceAccountToken: 'rotated' }),
        configCluster('c'),
      ]),
    });
    await waitFor(
      'the listener after adding c',
      () => listener.mock.calls.length > 0,
    );
    const second = byName(await locator.getClusters());
    expect(Object.keys(second)).toEqual(['a', 'b', 'c']);
    expect(second.a.fingerprint).toBe(first.a.fingerprint);
    expect(second.b.fingerprint).not.toBe(first.b.fingerprint);
    expect(second.b.serviceAccountToken).toBe('rotated');

    // a title change is heard about but keeps the connection's fingerprint
    listener.mockClear();
    config.update({
      data: kubernetesConfig([
        configCluster('a', { title: 'Cluster A' }),
        configCluster('c'),
      ]),
    });
    await waitFor(
      'the listener after removing b',
      () => listener.mock.calls.length > 0,
    );
    const third = byName(await locator.getClusters());
    expect(Object.keys(third)).toEqual(['a', 'c']);
    expect(third.a).toMatchObject({
      title: 'Cluster A',
      fingerprint: first.a.fingerprint,
    });

    // a reload that changes nothing relevant is not announced
    listener.mockClear();
    config.update({
      data: {
        ...kubernetesConfig([
          configCluster('a', { title: 'Cluster A' }),
          configCluster('c'),
        ]),
        app: { title: 'unrelated' },
      },
    });
    // a malformed entry added at runtime is refused; the others stay
    config.update({
      data: kubernetesConfig([
        configCluster('a', { title: 'Cluster A' }),
        configCluster('c'),
        { name: 'broken' },
      ]),
    });
    await waitFor('the refusal of "broken"', () =>
      logger.warn.mock.calls.some(c =>
        String(c[0]).includes('("broken") has no url'),
      ),
    );
    expect((await locator.getClusters()).map(c => c.name)).toEqual(['a', 'c']);
    expect(listener).not.toHaveBeenCalled();
  });

  it('re-reads a token file when it is rewritten, without logging it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'locator-'));
    try {
      const tokenFile = path.join(dir, 'token');
      const caFile = path.join(dir, 'ca.crt');
      await fs.writeFile(tokenFile, 'first-token\n');
      await fs.writeFile(caFile, 'CA ONE');
      const logger = mockServices.logger.mock();
      const config = mockServices.rootConfig({
        data: kubernetesConfig([
          configCluster('files', {
            serviceAccountToken: undefined,
            serviceAccountTokenFile: tokenFile,
            caData: undefined,
            caFile,
          }),
          configCluster('missing', {
            serviceAccountToken: undefined,
            serviceAccountTokenFile: path.join(dir, 'not-yet'),
          }),
        ]),
      });
      const locator = track(
        createClusterLocator({ config, logger, credentialFileCheckMs: 30 }),
      );
      const listener = jest.fn();
      locator.subscribe(listener);
      const [before] = await locator.getClusters();
      expect(before).toMatchObject({
        name: 'files',
        serviceAccountToken: 'first-token',
        caFile,
      });
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('Cluster "missing"'),
      );
      expect(String(logger.warn.mock.calls[0][0])).toContain(
        'cannot read its serviceAccountTokenFile (ENOENT)',
      );
      listener.mockClear();

      await fs.writeFile(tokenFile, 'second-token-longer\n');
      await waitFor(
        'the listener after the token file changed',
        () => listener.mock.calls.length > 0,
      );
      const [afterToken] = await locator.getClusters();
      expect(afterToken.serviceAccountToken).toBe('second-token-longer');
      expect(afterToken.fingerprint).not.toBe(before.fingerprint);

      listener.mockClear();
      await fs.writeFile(caFile, 'CA TWO, longer');
      await waitFor(
        'the listener after the CA file changed',
        () => listener.mock.calls.length > 0,
      );
      const [afterCa] = await locator.getClusters();
      expect(afterCa.fingerprint).not.toBe(afterToken.fingerprint);

      // the file that was missing appears: its cluster is added
      listener.mockClear();
      await fs.writeFile(path.join(dir, 'not-yet'), 'late-token');
      await waitFor('the cluster whose token file appeared', async () =>
        (await locator.getClusters()).some(c => c.name === 'missing'),
      );
      expect(listener).toHaveBeenCalled();

      for (const line of logLines(logger)) {
        expect(line).not.toMatch(/first-token|second-token|late-token/);
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('stops checking files after stop()', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'locator-'));
    try {
      const tokenFile = path.join(dir, 'token');
      await fs.writeFile(tokenFile, 'one');
      const config = mockServices.rootConfig({
        data: kubernetesConfig([
          configCluster('f', {
            serviceAccountToken: undefined,
            serviceAccountTokenFile: tokenFile,
          }),
        ]),
      });
      const locator = createClusterLocator({
        config,
        logger: mockServices.logger.mock(),
        credentialFileCheckMs: 20,
      });
      const listener = jest.fn();
      locator.subscribe(listener);
      await locator.getClusters();
      listener.mockClear();
      locator.stop();
      await fs.writeFile(tokenFile, 'two, longer');
      config.update({ data: kubernetesConfig([]) });
      await new Promise(r => setTimeout(r, 200));
      expect(listener).not.toHaveBeenCalled();
      expect((await locator.getClusters())[0].serviceAccountToken).toBe('one');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  describe('catalog clusters', () => {
    const resource = (
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
    const credential = (name: string, extra: object = {}) => ({
      name,
      url: `https://${name}.example.org:6443`,
      serviceAccountToken: `catalog-token-of-${name}`,
      ...extra,
    });
    const catalogConfig = (credentials: object[], method: object = {}) => ({
      ...kubernetesConfig(
        [configCluster('from-config')],
        [{ type: 'catalog', ...method }],
      ),
      jetstream2Kubernetes: { clusters: { catalogCredentials: credentials } },
    });

    /** A catalog whose entities a test can replace, backed by the real in-memory catalog client. */
    function swappableCatalog(entities: Entity[]) {
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

    it('collects kubernetes-cluster Resources, following additions and removals', async () => {
      const logger = mockServices.logger.mock();
      const fake = swappableCatalog([
        resource('cat-a', {
          'kubernetes.io/dashboard-url': 'https://dash/a',
          'kubernetes.io/dashboard-parameters': '{"project":"p"}',
          'kubernetes.io/skip-tls-verify': 'true',
        }),
        resource('cat-b'),
        { ...resource('component'), kind: 'Component' },
        resource('docs-only', { 'kubernetes.io/api-server': '' }),
      ]);
      const locator = track(
        createClusterLocator({
          config: mockServices.rootConfig({
            data: catalogConfig([
              credential('cat-a'),
              credential('cat-b'),
              credential('cat-c'),
            ]),
          }),
          logger,
          catalog: fake.catalog,
          auth: mockServices.auth(),
          catalogRefreshMs: 30,
        }),
      );
      const listener = jest.fn();
      locator.subscribe(listener);
      const clusters = await locator.getClusters();
      expect(clusters.map(c => [c.name, c.source])).toEqual([
        ['from-config', 'config'],
        ['cat-a', 'catalog'],
        ['cat-b', 'catalog'],
      ]);
      expect(clusters[1]).toMatchObject({
        title: 'Title of cat-a',
        url: 'https://cat-a.example.org:6443',
        authProvider: 'serviceAccount',
        serviceAccountToken: 'catalog-token-of-cat-a',
        caData: 'Q0E=',
        // like upstream: only with dangerouslyAllowSkipTLSVerify on the method
        skipTLSVerify: false,
        dashboardUrl: 'https://dash/a',
        dashboardParameters: { project: 'p' },
      });
      expect(fake.getEntities).toHaveBeenCalledWith(
        { filter: { kind: 'Resource', 'spec.type': 'kubernetes-cluster' } },
        { credentials: expect.anything() },
      );

      listener.mockClear();
      fake.set([resource('cat-b'), resource('cat-c')]);
      await waitFor(
        'the listener after the catalog changed',
        () => listener.mock.calls.length > 0,
      );
      expect((await locator.getClusters()).map(c => c.name)).toEqual([
        'from-config',
        'cat-b',
        'cat-c',
      ]);
      expect(logger.warn).not.toHaveBeenCalled();
    });

    it('refuses catalog clusters without a usable token, and never takes a token to another URL', async () => {
      const logger = mockServices.logger.mock();
      const fake = swappableCatalog([
        resource('no-token'),
        resource('moved', {
          'kubernetes.io/api-server': 'https://evil.example.com',
        }),
        resource('google', { 'kubernetes.io/auth-provider': 'google' }),
        resource('no-ca', {
          'kubernetes.io/api-server-certificate-authority': '',
        }),
        resource('from-config'),
        resource('ok'),
      ]);
      const locator = track(
        createClusterLocator({
          config: mockServices.rootConfig({
            data: catalogConfig([
              credential('moved'),
              credential('no-ca'),
              credential('ok'),
              credential('from-config'),
            ]),
          }),
          logger,
          catalog: fake.catalog,
          auth: mockServices.auth(),
          catalogRefreshMs: 30,
        }),
      );
      const clusters = await locator.getClusters();
      expect(clusters.map(c => [c.name, c.source])).toEqual([
        ['from-config', 'config'],
        ['ok', 'catalog'],
      ]);
      const warnings = logger.warn.mock.calls.map(c => String(c[0]));
      expect(warnings).toEqual([
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
      ]);
      // refresh after refresh, each refusal is logged once
      const calls = fake.getEntities.mock.calls.length;
      await waitFor(
        'two more catalog refreshes',
        () => fake.getEntities.mock.calls.length >= calls + 2,
      );
      expect(logger.warn).toHaveBeenCalledTimes(4);
      for (const line of logLines(logger)) {
        expect(line).not.toContain('catalog-token-of');
      }
    });

    it('reads a catalog cluster token and CA from files named in config', async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'locator-'));
      try {
        const tokenFile = path.join(dir, 'token');
        const caFile = path.join(dir, 'ca.crt');
        await fs.writeFile(tokenFile, 'file-token');
        await fs.writeFile(caFile, 'CA');
        const fake = swappableCatalog([
          resource('cat-a', {
            'kubernetes.io/api-server': 'https://cat-a.example.org:6443/',
          }),
        ]);
        const locator = track(
          createClusterLocator({
            config: mockServices.rootConfig({
              data: catalogConfig([
                {
                  name: 'cat-a',
                  url: 'https://cat-a.example.org:6443',
                  serviceAccountTokenFile: tokenFile,
                  caFile,
                },
              ]),
            }),
            logger: mockServices.logger.mock(),
            catalog: fake.catalog,
            auth: mockServices.auth(),
            credentialFileCheckMs: 30,
          }),
        );
        const listener = jest.fn();
        locator.subscribe(listener);
        const before = byName(await locator.getClusters())['cat-a'];
        expect(before).toMatchObject({
          serviceAccountToken: 'file-token',
          caFile,
          caData: undefined,
        });
        listener.mockClear();
        await fs.writeFile(tokenFile, 'file-token-rotated');
        await waitFor(
          'the listener after the catalog token file changed',
          () => listener.mock.calls.length > 0,
        );
        const after = byName(await locator.getClusters())['cat-a'];
        expect(after.serviceAccountToken).toBe('file-token-rotated');
        expect(after.fingerprint).not.toBe(before.fingerprint);
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    });

    it('keeps the last known clusters when the catalog fails, logging the failure once', async () => {
      const logger = mockServices.logger.mock();
      const fake = swappableCatalog([resource('cat-a')]);
      const locator = track(
        createClusterLocator({
          config: mockServices.rootConfig({
            data: catalogConfig([credential('cat-a')]),
          }),
          logger,
          catalog: fake.catalog,
          auth: mockServices.auth(),
          catalogRefreshMs: 20,
        }),
      );
      expect((await locator.getClusters()).map(c => c.name)).toEqual([
        'from-config',
        'cat-a',
      ]);
      fake.fail(new Error('catalog is down'));
      const calls = fake.getEntities.mock.calls.length;
      await waitFor(
        'three failed refreshes',
        () => fake.getEntities.mock.calls.length >= calls + 3,
      );
      expect((await locator.getClusters()).map(c => c.name)).toEqual([
        'from-config',
        'cat-a',
      ]);
      const failures = logger.warn.mock.calls.filter(c =>
        String(c[0]).includes('catalog is down'),
      );
      expect(failures).toHaveLength(1);

      fake.fail(undefined);
      fake.set([]);
      await waitFor('cat-a removed once the catalog answers again', async () =>
        (await locator.getClusters()).every(c => c.name !== 'cat-a'),
      );
    });

    it('starts and stops reading the catalog when the catalog method is added or removed in config', async () => {
      const fake = swappableCatalog([resource('cat-a')]);
      const config = mockServices.rootConfig({
        data: kubernetesConfig([configCluster('from-config')]),
      });
      const locator = track(
        createClusterLocator({
          config,
          logger: mockServices.logger.mock(),
          catalog: fake.catalog,
          auth: mockServices.auth(),
          catalogRefreshMs: 20,
        }),
      );
      expect((await locator.getClusters()).map(c => c.name)).toEqual([
        'from-config',
      ]);
      expect(fake.getEntities).not.toHaveBeenCalled();

      config.update({ data: catalogConfig([credential('cat-a')]) });
      await waitFor('cat-a after the catalog method was added', async () =>
        (await locator.getClusters()).some(c => c.name === 'cat-a'),
      );

      config.update({ data: kubernetesConfig([configCluster('from-config')]) });
      await waitFor(
        'cat-a gone after the catalog method was removed',
        async () =>
          (await locator.getClusters()).every(c => c.name !== 'cat-a'),
      );
      const calls = fake.getEntities.mock.calls.length;
      await new Promise(r => setTimeout(r, 100));
      expect(fake.getEntities.mock.calls.length).toBe(calls);
    });
  });
});
