import type { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { KubeObject } from '@internal/plugin-jetstream2-kubernetes-common';
import { createClusterWatcher } from '../services/ClusterCollector/clusterWatcher';
import type {
  ClusterWatcher,
  CollectorSettings,
} from '../services/ClusterCollector/types';
import type { ClusterDefinition } from '../services/ClusterLocator/types';
import type { FakeApiServer } from '../__testUtils__/fakeApiServer';

/** A pod of the default namespace as the fake API server serves it, with one container. */
export const fakePod = (name: string, phase = 'Running'): KubeObject => ({
  metadata: { name, namespace: 'default', uid: `uid-${name}` },
  spec: { containers: [{ name: 'c' }] },
  status: { phase },
});

/**
 * A watcher of the fake API server as the config cluster "js2-fake": no health poll during a test, short
 * back-offs; `cluster`, `settings` and `logger` override.
 */
export function watchFakeApiServer(
  fake: FakeApiServer,
  overrides: {
    cluster?: Partial<ClusterDefinition>;
    logger?: LoggerService;
    settings?: Partial<CollectorSettings>;
  } = {},
): ClusterWatcher {
  return createClusterWatcher({
    cluster: {
      name: 'js2-fake',
      url: fake.url,
      authProvider: 'serviceAccount',
      serviceAccountToken: fake.token,
      skipTLSVerify: true,
      fingerprint: 'fp',
      source: 'config',
      ...overrides.cluster,
    },
    logger: overrides.logger ?? mockServices.logger.mock(),
    settings: {
      healthIntervalMs: 60_000,
      requestTimeoutMs: 5_000,
      minBackoffMs: 50,
      maxBackoffMs: 400,
      listPageSize: 50,
      ...overrides.settings,
    },
  });
}
