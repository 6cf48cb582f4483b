import { mockServices } from '@backstage/backend-test-utils';
import { createClusterLocator } from './createClusterLocator';

describe('createClusterLocator', () => {
  it('reads config clusters like the upstream plugin and skips other locators', async () => {
    const config = mockServices.rootConfig({
      data: {
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'catalog' },
            {
              type: 'config',
              clusters: [
                {
                  name: 'js2-demo',
                  title: 'Demo',
                  url: 'https://127.0.0.1:6443/',
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 'tok',
                  caFile: '/tmp/ca.crt',
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
    const locator = createClusterLocator({
      config,
      logger: mockServices.logger.mock(),
    });
    await expect(locator.getClusters()).resolves.toEqual([
      {
        name: 'js2-demo',
        title: 'Demo',
        url: 'https://127.0.0.1:6443',
        authProvider: 'serviceAccount',
        serviceAccountToken: 'tok',
        caData: undefined,
        caFile: '/tmp/ca.crt',
        skipTLSVerify: false,
      },
      {
        name: 'insecure',
        title: undefined,
        url: 'https://x',
        authProvider: 'serviceAccount',
        serviceAccountToken: undefined,
        caData: 'Q0E=',
        caFile: undefined,
        skipTLSVerify: true,
      },
    ]);
  });

  it('returns no clusters when none are configured', async () => {
    const locator = createClusterLocator({
      config: mockServices.rootConfig({ data: {} }),
      logger: mockServices.logger.mock(),
    });
    await expect(locator.getClusters()).resolves.toEqual([]);
  });
});
