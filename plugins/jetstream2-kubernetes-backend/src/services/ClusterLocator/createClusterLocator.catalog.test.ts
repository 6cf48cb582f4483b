import { mockServices } from '@backstage/backend-test-utils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { promises as fs } from 'node:fs';
import {
  byName,
  catalogConfig,
  configCluster,
  credential,
  kubernetesConfig,
  refusedCatalogClusters,
  resource,
  swappableCatalog,
  useLocators,
  useTempDir,
  waitFor,
} from '../../__testUtils__/locator';

// The wiring of `type: catalog` locator methods: catalog refreshes and their failures, and the Resources'
// clusters among the config ones. How one Resource becomes a cluster is tested in readCatalogClusters.test.ts.

describe('createClusterLocator: catalog clusters', () => {
  const { locate, locateWithCatalog } = useLocators();
  const temp = useTempDir();

  it('collects kubernetes-cluster Resources, following additions and removals', async () => {
    const { fake, locator, logger, notifiedBy, names } = locateWithCatalog(
      [
        resource('cat-a', {
          'kubernetes.io/dashboard-url': 'https://dash/a',
          'kubernetes.io/dashboard-parameters': '{"project":"p"}',
          'kubernetes.io/skip-tls-verify': 'true',
        }),
        resource('cat-b'),
        { ...resource('component'), kind: 'Component' },
        resource('docs-only', { 'kubernetes.io/api-server': '' }),
      ],
      [credential('cat-a'), credential('cat-b'), credential('cat-c')],
      { catalogRefreshMs: 30 },
    );
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

    await notifiedBy('the listener after the catalog changed', () =>
      fake.set([resource('cat-b'), resource('cat-c')]),
    );
    expect(await names()).toEqual(['from-config', 'cat-b', 'cat-c']);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it("passes the catalog method's dangerouslyAllowSkipTLSVerify on to the Resources", async () => {
    const { locator } = locateWithCatalog(
      [resource('cat-a', { 'kubernetes.io/skip-tls-verify': 'true' })],
      [credential('cat-a')],
      { method: { dangerouslyAllowSkipTLSVerify: true } },
    );
    expect(byName(await locator.getClusters())['cat-a']).toMatchObject({
      source: 'catalog',
      skipTLSVerify: true,
    });
  });

  it('refuses catalog clusters without a usable token, and never takes a token to another URL', async () => {
    const refused = refusedCatalogClusters();
    const { fake, locator, logger, warnings, lines } = locateWithCatalog(
      [...refused.resources, resource('from-config'), resource('ok')],
      [...refused.credentials, credential('ok'), credential('from-config')],
      { catalogRefreshMs: 30 },
    );
    const clusters = await locator.getClusters();
    expect(clusters.map(c => [c.name, c.source])).toEqual([
      ['from-config', 'config'],
      ['ok', 'catalog'],
    ]);
    expect(warnings()).toEqual(refused.problems);
    // refresh after refresh, each refusal is logged once
    const calls = fake.getEntities.mock.calls.length;
    await waitFor(
      'two more catalog refreshes',
      () => fake.getEntities.mock.calls.length >= calls + 2,
    );
    expect(logger.warn).toHaveBeenCalledTimes(refused.problems.length);
    expect(lines().length).toBeGreaterThan(0);
    for (const line of lines()) {
      expect(line).not.toContain('catalog-token-of');
    }
  });

  it('keeps the first of two Resources of the same name in different namespaces', async () => {
    const other = resource('cat-a');
    other.metadata.namespace = 'other';
    const { names, warnings } = locateWithCatalog(
      [resource('cat-a'), other],
      [credential('cat-a')],
    );
    expect(await names()).toEqual(['from-config', 'cat-a']);
    expect(warnings()).toEqual([
      'Cluster "cat-a" is defined twice (again in catalog entity resource:other/cat-a); the first definition is used',
    ]);
  });

  it('reads a catalog cluster token and CA from files named in config', async () => {
    const tokenFile = await temp.write('token', 'file-token');
    const caFile = await temp.write('ca.crt', 'CA');
    const { locator, notifiedBy } = locateWithCatalog(
      [
        resource('cat-a', {
          'kubernetes.io/api-server': 'https://cat-a.example.org:6443/',
        }),
      ],
      [
        {
          name: 'cat-a',
          url: 'https://cat-a.example.org:6443',
          serviceAccountTokenFile: tokenFile,
          caFile,
        },
      ],
      { credentialFileCheckMs: 30 },
    );
    const before = byName(await locator.getClusters())['cat-a'];
    expect(before).toMatchObject({
      serviceAccountToken: 'file-token',
      caFile,
      caData: undefined,
    });
    await notifiedBy('the listener after the catalog token file changed', () =>
      fs.writeFile(tokenFile, 'file-token-rotated'),
    );
    const after = byName(await locator.getClusters())['cat-a'];
    expect(after.serviceAccountToken).toBe('file-token-rotated');
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });

  it('keeps the last known clusters when the catalog fails, logging the failure once', async () => {
    const { fake, logger, names } = locateWithCatalog(
      [resource('cat-a')],
      [credential('cat-a')],
      { catalogRefreshMs: 20 },
    );
    expect(await names()).toEqual(['from-config', 'cat-a']);
    fake.fail(new Error('catalog is down'));
    const calls = fake.getEntities.mock.calls.length;
    await waitFor(
      'three failed refreshes',
      () => fake.getEntities.mock.calls.length >= calls + 3,
    );
    expect(await names()).toEqual(['from-config', 'cat-a']);
    const failures = logger.warn.mock.calls.filter(c =>
      String(c[0]).includes('catalog is down'),
    );
    expect(failures).toHaveLength(1);

    fake.fail(undefined);
    fake.set([]);
    await waitFor('cat-a removed once the catalog answers again', async () =>
      (await names()).every(name => name !== 'cat-a'),
    );
    expect(logger.info).toHaveBeenCalledWith(
      'Reading clusters from the catalog works again',
    );
  });

  it('waits for the first catalog answer at most initialCatalogWaitMs, and adds its clusters when it comes', async () => {
    let answer: (() => void) | undefined;
    const getEntities = jest.fn(
      () =>
        new Promise(resolve => {
          answer = () => resolve({ items: [resource('cat-a')] });
        }),
    );
    const { notifiedBy, names } = locate(catalogConfig([credential('cat-a')]), {
      catalog: { getEntities } as unknown as CatalogService,
      auth: mockServices.auth(),
      initialCatalogWaitMs: 50,
    });
    expect(await names()).toEqual(['from-config']);
    expect(getEntities).toHaveBeenCalledTimes(1);

    await notifiedBy('the listener after the late catalog answer', () =>
      answer?.(),
    );
    expect(await names()).toEqual(['from-config', 'cat-a']);
  });

  it('refuses catalog clusters, and keeps the config ones, when it was given no catalog service', async () => {
    const { names, warnings } = locate(catalogConfig([credential('cat-a')]));
    expect(await names()).toEqual(['from-config']);
    expect(warnings()).toEqual([
      'kubernetes.clusterLocatorMethods has a "catalog" method, but the jetstream2-kubernetes cluster locator was given no catalog and auth services; catalog clusters are not collected',
    ]);
  });

  it('starts and stops reading the catalog when the catalog method is added or removed in config', async () => {
    const fake = swappableCatalog([resource('cat-a')]);
    const { config, names } = locate(
      kubernetesConfig([configCluster('from-config')]),
      {
        catalog: fake.catalog,
        auth: mockServices.auth(),
        catalogRefreshMs: 20,
      },
    );
    expect(await names()).toEqual(['from-config']);
    expect(fake.getEntities).not.toHaveBeenCalled();

    config.update({ data: catalogConfig([credential('cat-a')]) });
    await waitFor('cat-a after the catalog method was added', async () =>
      (await names()).includes('cat-a'),
    );

    config.update({ data: kubernetesConfig([configCluster('from-config')]) });
    await waitFor('cat-a gone after the catalog method was removed', async () =>
      (await names()).every(name => name !== 'cat-a'),
    );
    const calls = fake.getEntities.mock.calls.length;
    await new Promise(r => setTimeout(r, 100));
    expect(fake.getEntities.mock.calls.length).toBe(calls);
  });
});
