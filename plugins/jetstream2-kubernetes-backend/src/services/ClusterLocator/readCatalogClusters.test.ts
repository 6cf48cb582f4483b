import { mockServices } from '@backstage/backend-test-utils';
import { readCatalogClusters } from './readCatalogClusters';
import { readConfigClusters } from './readConfigClusters';
import {
  catalogConfig,
  credential,
  refusedCatalogClusters,
  resource,
} from '../../__testUtils__/locator';

/** The catalog credentials as the locator gets them: read from config. */
function credentialsFrom(...entries: object[]) {
  const { catalogCredentials, problems } = readConfigClusters(
    mockServices.rootConfig({ data: catalogConfig(entries) }),
  );
  expect(problems).toEqual([]);
  return catalogCredentials;
}

const strict = { dangerouslyAllowSkipTLSVerify: false };
const lenient = { dangerouslyAllowSkipTLSVerify: true };
const none = new Set<string>();

describe('readCatalogClusters', () => {
  it("turns a kubernetes-cluster Resource into a cluster with upstream's annotations and the configured token", () => {
    const result = readCatalogClusters(
      [
        resource('cat-a', {
          'kubernetes.io/dashboard-url': 'https://dash/a',
          'kubernetes.io/dashboard-app': 'standard',
          'kubernetes.io/dashboard-parameters': '{"project":"p"}',
          'kubernetes.io/skip-metrics-lookup': 'true',
          'kubernetes.io/skip-tls-verify': 'true',
        }),
      ],
      strict,
      credentialsFrom(credential('cat-a')),
      none,
    );
    expect(result).toEqual({
      problems: [],
      specs: [
        {
          where: 'catalog entity resource:default/cat-a',
          source: 'catalog',
          name: 'cat-a',
          title: 'Title of cat-a',
          url: 'https://cat-a.example.org:6443',
          authProvider: 'serviceAccount',
          serviceAccountToken: 'catalog-token-of-cat-a',
          caData: 'Q0E=',
          // like upstream: only with dangerouslyAllowSkipTLSVerify on the method
          skipTLSVerify: false,
          skipMetricsLookup: true,
          dashboardUrl: 'https://dash/a',
          dashboardApp: 'standard',
          dashboardParameters: { project: 'p' },
        },
      ],
    });
  });

  it('skips TLS verification only when the method allows it and the Resource asks for it', () => {
    const { specs } = readCatalogClusters(
      [
        resource('asks', { 'kubernetes.io/skip-tls-verify': 'true' }),
        resource('does-not-ask'),
      ],
      lenient,
      credentialsFrom(credential('asks'), credential('does-not-ask')),
      none,
    );
    expect(specs.map(s => [s.name, s.skipTLSVerify])).toEqual([
      ['asks', true],
      ['does-not-ask', false],
    ]);
  });

  it('quietly skips a Resource without an API server and one named like a config cluster', () => {
    expect(
      readCatalogClusters(
        [
          resource('docs-only', { 'kubernetes.io/api-server': '' }),
          resource('from-config'),
        ],
        strict,
        credentialsFrom(credential('docs-only'), credential('from-config')),
        new Set(['from-config']),
      ),
    ).toEqual({ specs: [], problems: [] });
  });

  it('refuses a Resource without a usable token, and never takes a token to another URL', () => {
    const refused = refusedCatalogClusters();
    const { specs, problems } = readCatalogClusters(
      [...refused.resources, resource('ok')],
      strict,
      credentialsFrom(...refused.credentials, credential('ok')),
      none,
    );
    expect(specs.map(s => s.name)).toEqual(['ok']);
    expect(problems).toEqual(refused.problems);
    for (const problem of problems) {
      expect(problem).toMatch(/^Catalog cluster refused: catalog entity /);
      expect(problem).not.toContain('catalog-token-of');
    }
  });

  it('refuses credentials in the API server annotation without repeating them', () => {
    const { specs, problems } = readCatalogClusters(
      [
        resource('creds', {
          'kubernetes.io/api-server': 'https://user:hunter2@creds.example.org',
        }),
      ],
      strict,
      credentialsFrom(credential('creds')),
      none,
    );
    expect(specs).toEqual([]);
    expect(problems).toEqual([
      'Catalog cluster refused: catalog entity resource:default/creds: annotation kubernetes.io/api-server must not contain a user name or password',
    ]);
  });

  it("matches the credential's URL whatever the trailing slashes", () => {
    const { specs, problems } = readCatalogClusters(
      [
        resource('cat-a', {
          'kubernetes.io/api-server': 'https://cat-a.example.org:6443/',
        }),
      ],
      strict,
      credentialsFrom(credential('cat-a')),
      none,
    );
    expect(problems).toEqual([]);
    expect(specs[0].url).toBe('https://cat-a.example.org:6443');
  });

  it("takes the token file and the CA from the credential, and the Resource's CA only when the credential has none", () => {
    const { specs, problems } = readCatalogClusters(
      [resource('files'), resource('ca-data'), resource('annotation-ca')],
      strict,
      credentialsFrom(
        credential('files', {
          serviceAccountToken: undefined,
          serviceAccountTokenFile: '/run/files/token',
          caFile: '/run/files/ca.crt',
        }),
        credential('ca-data', { caData: 'Q09ORklH' }),
        credential('annotation-ca'),
      ),
      none,
    );
    expect(problems).toEqual([]);
    expect(
      specs.map(s => ({
        name: s.name,
        serviceAccountToken: s.serviceAccountToken,
        serviceAccountTokenFile: s.serviceAccountTokenFile,
        caData: s.caData,
        caFile: s.caFile,
      })),
    ).toEqual([
      {
        name: 'files',
        serviceAccountToken: undefined,
        serviceAccountTokenFile: '/run/files/token',
        caData: undefined,
        caFile: '/run/files/ca.crt',
      },
      {
        name: 'ca-data',
        serviceAccountToken: 'catalog-token-of-ca-data',
        serviceAccountTokenFile: undefined,
        caData: 'Q09ORklH',
        caFile: undefined,
      },
      {
        name: 'annotation-ca',
        serviceAccountToken: 'catalog-token-of-annotation-ca',
        serviceAccountTokenFile: undefined,
        caData: 'Q0E=',
        caFile: undefined,
      },
    ]);
  });

  it('drops dashboard parameters that are not a JSON object', () => {
    const values = ['not json', '[1,2]', 'null', '"text"'];
    const { specs, problems } = readCatalogClusters(
      values.map((value, i) =>
        resource(`c${i}`, { 'kubernetes.io/dashboard-parameters': value }),
      ),
      strict,
      credentialsFrom(...values.map((_, i) => credential(`c${i}`))),
      none,
    );
    expect(problems).toEqual([]);
    expect(specs.map(s => s.dashboardParameters)).toEqual(
      values.map(() => undefined),
    );
  });
});
