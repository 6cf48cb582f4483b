import { mockServices } from '@backstage/backend-test-utils';
import type { KubeObject } from '@internal/plugin-jetstream2-kubernetes-common';
import type { PodUsage } from '../services/ClusterCollector/types';
import { createCacheObjectsProvider } from './createCacheObjectsProvider';
import type {
  EntityObjectsSource,
  EntityObjectsSourceSlot,
} from './entitySourceServiceRef';

const pod = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'apps' },
  spec: {
    containers: [
      { name: 'web', resources: { requests: { cpu: '500m' } } },
    ] as any,
  },
});

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'web' },
};
const request = { entity, auth: {} } as any;
const context = {} as any;

function setup(
  source: Partial<EntityObjectsSource>,
  objectTypesToFetch?: { objectType: string }[],
) {
  const slot: EntityObjectsSourceSlot = {
    set: () => {},
    get: () => ({
      clusterNames: () => ['a', 'b'],
      selectForEntity: () => [
        { cluster: 'a', status: 'ok', objects: { pods: [pod('web-1')] } },
        {
          cluster: 'b',
          status: 'ok',
          objects: { pods: [pod('web-2'), pod('web-3')] },
        },
      ],
      ...source,
    }),
  };
  const getDefault = jest.fn();
  return createCacheObjectsProvider({
    slot,
    getDefault,
    objectTypesToFetch: objectTypesToFetch as any,
    logger: mockServices.logger.mock(),
  });
}

const usage = new Map<string, ReadonlyMap<string, PodUsage>>([
  [
    'a',
    new Map([
      ['apps/web-1', { containers: [{ name: 'web', cpu: '250m' }] }],
      ['apps/someone-elses', { containers: [{ name: 'x', cpu: '1' }] }],
    ]),
  ],
  ['b', new Map()],
]);

describe('createCacheObjectsProvider podMetrics', () => {
  it('gives each cluster the usage of the entity’s own pods, none where the cluster has no metrics', async () => {
    const provider = setup({ podUsage: cluster => usage.get(cluster) });
    const { items } = await provider.getKubernetesObjectsByEntity(
      request,
      context,
    );
    expect(items.map(i => i.cluster.name)).toEqual(['a', 'b']);
    expect(items[0].podMetrics).toEqual([
      {
        pod: pod('web-1'),
        cpu: { currentUsage: 0.25, requestTotal: 0.5, limitTotal: 0 },
        memory: { currentUsage: 0, requestTotal: 0, limitTotal: 0 },
        containers: [
          {
            container: 'web',
            cpuUsage: { currentUsage: 0.25, requestTotal: 0.5, limitTotal: 0 },
            memoryUsage: { currentUsage: 0, requestTotal: 0, limitTotal: 0 },
          },
        ],
      },
    ]);
    expect(items[1].podMetrics).toEqual([]);
  });

  it('sends no podMetrics when pods are not fetched, or the source has no usage', async () => {
    const noPods = setup({ podUsage: cluster => usage.get(cluster) }, [
      { objectType: 'services' },
    ]);
    const a = await noPods.getKubernetesObjectsByEntity(request, context);
    expect(a.items[0].podMetrics).toEqual([]);

    const noUsage = setup({});
    const b = await noUsage.getKubernetesObjectsByEntity(request, context);
    expect(b.items.map(i => i.podMetrics)).toEqual([[], []]);
  });
});
