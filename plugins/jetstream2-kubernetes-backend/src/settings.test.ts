import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  defaultSettings,
  obsoleteSettingWarnings,
  readPluginSettings,
} from './settings';

const read = (jetstream2Kubernetes: object) =>
  readPluginSettings(new ConfigReader({ jetstream2Kubernetes }));

describe('readPluginSettings', () => {
  it('returns the defaults when nothing is set', () => {
    expect(readPluginSettings(new ConfigReader({}))).toEqual(defaultSettings);
    expect(defaultSettings).toMatchObject({
      collector: {
        healthIntervalMs: 15_000,
        requestTimeoutMs: 10_000,
        minBackoffMs: 1_000,
        maxBackoffMs: 30_000,
        listPageSize: 500,
      },
      persistIntervalMs: 30_000,
      templateTag: 'jetstream2-cluster',
      catalogRefreshMs: 30_000,
      signalDebounceMs: 300,
      signalMaxWaitMs: 1_000,
    });
  });

  it('reads durations as strings, ISO 8601 and objects', () => {
    const settings = read({
      collection: {
        healthInterval: '200ms',
        requestTimeout: { seconds: 5 },
        maxBackoff: 'PT1M',
        persistInterval: { minutes: 1, seconds: 30 },
        listPageSize: 50,
      },
      clusters: { catalogRefreshInterval: '10s' },
      signals: { debounce: { milliseconds: 100 }, maxWait: '2s' },
      templateTag: 'clusters',
    });
    expect(settings).toEqual({
      collector: {
        healthIntervalMs: 200,
        requestTimeoutMs: 5_000,
        minBackoffMs: 1_000,
        maxBackoffMs: 60_000,
        listPageSize: 50,
      },
      persistIntervalMs: 90_000,
      templateTag: 'clusters',
      catalogRefreshMs: 10_000,
      credentialFileCheckMs: 5_000,
      signalDebounceMs: 100,
      signalMaxWaitMs: 2_000,
    });
  });

  it.each([
    [
      'zero',
      { collection: { healthInterval: '0s' } },
      'collection.healthInterval',
    ],
    [
      'negative',
      { collection: { requestTimeout: { seconds: -5 } } },
      'collection.requestTimeout',
    ],
    [
      'a plain number',
      { collection: { persistInterval: 30 } },
      'collection.persistInterval',
    ],
    ['not a duration', { signals: { debounce: 'soon' } }, 'signals.debounce'],
    [
      'an unknown unit',
      { clusters: { catalogRefreshInterval: { secs: 3 } } },
      'clusters.catalogRefreshInterval',
    ],
    [
      'too long for a timer',
      { collection: { persistInterval: '30d' } },
      'collection.persistInterval',
    ],
  ])('refuses a duration that is %s, naming the setting', (_, data, key) => {
    expect(() => read(data)).toThrow(InputError);
    expect(() => read(data)).toThrow(
      `Invalid setting jetstream2Kubernetes.${key}:`,
    );
  });

  it('refuses contradicting durations', () => {
    expect(() =>
      read({ collection: { minBackoff: '1m', maxBackoff: '10s' } }),
    ).toThrow(
      'Invalid setting jetstream2Kubernetes.collection.minBackoff: it must not be longer than collection.maxBackoff',
    );
    expect(() => read({ signals: { debounce: '2s', maxWait: '1s' } })).toThrow(
      'Invalid setting jetstream2Kubernetes.signals.maxWait',
    );
  });

  it.each([0, -1, 2.5, 'many'])('refuses listPageSize %p', value => {
    expect(() => read({ collection: { listPageSize: value } })).toThrow(
      'Invalid setting jetstream2Kubernetes.collection.listPageSize',
    );
  });

  it('refuses the old number-of-seconds keys, naming their replacement', () => {
    expect(() => read({ collection: { healthIntervalSeconds: 0.2 } })).toThrow(
      'The setting jetstream2Kubernetes.collection.healthIntervalSeconds (a number of seconds) was replaced by jetstream2Kubernetes.collection.healthInterval',
    );
  });

  it('reads the lease settings no more, and names them in a warning instead of refusing to start', () => {
    const config = new ConfigReader({
      jetstream2Kubernetes: {
        collection: { leaseDuration: '2 minutes', leaseSeconds: 60 },
      },
    });
    expect(readPluginSettings(config)).toEqual(defaultSettings);
    expect(obsoleteSettingWarnings(config)).toEqual([
      expect.stringMatching(
        /^The setting jetstream2Kubernetes\.collection\.leaseDuration is no longer read and can be removed: .*scheduler/,
      ),
      expect.stringContaining('jetstream2Kubernetes.collection.leaseSeconds'),
    ]);
    expect(obsoleteSettingWarnings(new ConfigReader({}))).toEqual([]);
  });
});
