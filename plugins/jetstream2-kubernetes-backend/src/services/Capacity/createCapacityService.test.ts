import { testClusterObjects } from '../../__testUtils__/objects';
import type { ClusterSnapshot } from '../ClusterCollector/types';
import { detailCluster } from '../ClusterData/summarise';
import { createCapacityService } from './createCapacityService';

const GiB = 2 ** 30;

/** The detail the cluster data service keeps for the test cluster (an m3.medium and a g3.large node). */
function detail() {
  const snap: ClusterSnapshot = {
    name: 'js2-demo',
    status: 'ok',
    controlPlane: { checks: [] },
    collectedAt: '2025-06-01T12:00:00.000Z',
    objects: testClusterObjects() as any,
  };
  return detailCluster(snap, new Date('2025-06-01T12:00:10Z'));
}

describe('createCapacityService', () => {
  it('answers the free room by flavor from the cluster detail, with no name of a node or a pod', async () => {
    const d = detail();
    const service = createCapacityService({
      clusterData: {
        getCluster: async name => (name === 'js2-demo' ? d : undefined),
      },
    });
    const capacity = await service.getCapacity('js2-demo');
    expect(capacity).toEqual({
      cluster: 'js2-demo',
      status: 'ok',
      collectedAt: '2025-06-01T12:00:00.000Z',
      unavailableNodes: 0,
      groups: [
        {
          flavor: 'g3.large',
          suPerHour: 64,
          gpuTaint: false,
          nodes: [
            {
              allocatable: { cpuCores: 7.8, memoryBytes: 29 * GiB, gpus: 1 },
              // the running GPU pod requests 1 CPU and the GPU
              free: { cpuCores: 6.8, memoryBytes: 29 * GiB, gpus: 0 },
            },
          ],
        },
        {
          flavor: 'm3.medium',
          suPerHour: 8,
          gpuTaint: false,
          nodes: [
            {
              allocatable: { cpuCores: 7.8, memoryBytes: 29 * GiB, gpus: 0 },
              free: expect.objectContaining({ gpus: 0 }),
            },
          ],
        },
      ],
    });
    const text = JSON.stringify(capacity);
    for (const secret of [
      ...d.nodes.map(n => n.name),
      ...d.namespaces,
      'hub-5d9f',
      'notebook',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('answers undefined for a cluster that is not configured', async () => {
    const service = createCapacityService({
      clusterData: { getCluster: async () => undefined },
    });
    await expect(service.getCapacity('nope')).resolves.toBeUndefined();
  });
});
