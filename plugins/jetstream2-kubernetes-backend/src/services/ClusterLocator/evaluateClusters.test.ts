import { ConfigReader } from '@backstage/config';
import {
  catalogConfig,
  configCluster,
  credential,
  kubernetesConfig,
  resource,
  tokenFileCluster,
} from '../../__testUtils__/locator';
import { evaluateClusters } from './evaluateClusters';

// The locator's decisions as a pure function: config, catalog entities and file contents in; clusters,
// problems and what to read next out. No timers, no files, no catalog calls.

const key = Buffer.alloc(32, 1);
const noFiles = new Map();
const noCatalog = { available: false };

describe('evaluateClusters', () => {
  it('takes the config clusters in order, the first of two with one name, and notes the locator types it skips', () => {
    const config = new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          { type: 'gke', projectId: 'p' },
          {
            type: 'config',
            clusters: [
              configCluster('a'),
              configCluster('a', { url: 'https://other.example.org' }),
              configCluster('b'),
            ],
          },
        ],
      },
    });
    const result = evaluateClusters(config, noCatalog, noFiles, key);
    expect(result.clusters.map(c => [c.name, c.url])).toEqual([
      ['a', 'https://a.example.org:6443'],
      ['b', 'https://b.example.org:6443'],
    ]);
    expect(result.problems).toEqual([
      expect.stringContaining('Cluster "a" is defined twice'),
    ]);
    expect(result.notes).toEqual([expect.stringContaining('"gke"')]);
    expect(result.readsCatalog).toBe(false);
    expect(result.files).toEqual([]);
    // pure: the same inputs, the same answer
    expect(evaluateClusters(config, noCatalog, noFiles, key)).toEqual(result);
  });

  it('adds the catalog clusters after the config ones once the catalog answered; a config name wins', () => {
    const config = new ConfigReader(
      catalogConfig([credential('cat-a'), credential('from-config')]),
    );
    const before = evaluateClusters(config, { available: true }, noFiles, key);
    expect(before.readsCatalog).toBe(true);
    expect(before.clusters.map(c => c.name)).toEqual(['from-config']);

    const after = evaluateClusters(
      config,
      {
        available: true,
        entities: [resource('cat-a'), resource('from-config')],
      },
      noFiles,
      key,
    );
    expect(after.clusters.map(c => [c.name, c.source])).toEqual([
      ['from-config', 'config'],
      ['cat-a', 'catalog'],
    ]);
    expect(after.problems).toEqual([]);
  });

  it('refuses the catalog method when the locator has no catalog to read', () => {
    const result = evaluateClusters(
      new ConfigReader(catalogConfig([credential('cat-a')])),
      noCatalog,
      noFiles,
      key,
    );
    expect(result.readsCatalog).toBe(false);
    expect(result.clusters.map(c => c.name)).toEqual(['from-config']);
    expect(result.problems).toEqual([
      expect.stringContaining(
        'has a "catalog" method, but the jetstream2-kubernetes cluster locator was given no catalog and auth services',
      ),
    ]);
  });

  it('takes tokens from the files read for it, names those files, and refuses a cluster whose file could not be read', () => {
    const config = new ConfigReader(
      kubernetesConfig([
        tokenFileCluster('from-file', '/run/a/token'),
        tokenFileCluster('missing', '/run/b/token'),
      ]),
    );
    const result = evaluateClusters(
      config,
      noCatalog,
      new Map([
        ['/run/a/token', { content: 'token-a\n' }],
        ['/run/b/token', { error: 'ENOENT' }],
      ]),
      key,
    );
    expect(result.files).toEqual(['/run/a/token', '/run/b/token']);
    expect(result.clusters).toEqual([
      expect.objectContaining({
        name: 'from-file',
        serviceAccountToken: 'token-a',
      }),
    ]);
    expect(result.problems).toEqual([
      expect.stringContaining(
        'Cluster "missing" (kubernetes.clusterLocatorMethods[0].clusters[1] ("missing")) refused: cannot read its serviceAccountTokenFile (ENOENT)',
      ),
    ]);
    expect(result.problems.join()).not.toContain('token-a');
  });
});
