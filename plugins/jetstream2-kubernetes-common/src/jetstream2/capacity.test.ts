import type { NodeSummary } from '../types';
import { clusterCapacity } from './capacity';

const GiB = 2 ** 30;

function node(
  name: string,
  flavor: string | undefined,
  allocatable: [number, number, number],
  requested: [number, number, number],
  extra: Partial<NodeSummary> = {},
): NodeSummary {
  const amounts = ([cpuCores, memGiB, gpus]: [number, number, number]) => ({
    cpuCores,
    memoryBytes: memGiB * GiB,
    gpus,
  });
  return {
    name,
    flavor,
    roles: [],
    ready: true,
    unschedulable: false,
    capacity: amounts(allocatable),
    allocatable: amounts(allocatable),
    requested: amounts(requested),
    podCount: 1,
    conditions: [],
    taints: [],
    suPerHour: flavor === 'g3.medium' ? 32 : 8,
    ...extra,
  };
}

describe('clusterCapacity', () => {
  const gpuTaint = [
    { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
  ];
  const nodes = [
    node('js2-demo-control-plane-0', 'm3.medium', [8, 30, 0], [1, 1, 0], {
      taints: [
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      ],
    }),
    node('js2-demo-worker-0', 'm3.medium', [8, 30, 0], [2.5, 4, 0]),
    node('js2-demo-worker-3', 'm3.medium', [8, 30, 0], [0, 0, 0], {
      ready: false,
    }),
    node('js2-demo-worker-4', 'm3.medium', [8, 30, 0], [0, 0, 0], {
      unschedulable: true,
    }),
    node('js2-demo-gpu-worker-0', 'g3.medium', [8, 30, 1], [4, 16, 1], {
      taints: gpuTaint,
    }),
    node('odd', undefined, [2, 4, 0], [3, 0, 0], { suPerHour: undefined }),
  ];
  const capacity = clusterCapacity(
    { name: 'js2-demo', status: 'ok', collectedAt: '2025-01-01T00:00:00Z' },
    nodes,
  );

  it('offers only nodes that take new pods, grouped by flavor, with what is free', () => {
    expect(capacity).toEqual({
      cluster: 'js2-demo',
      status: 'ok',
      collectedAt: '2025-01-01T00:00:00Z',
      unavailableNodes: 3,
      groups: [
        {
          gpuTaint: false,
          nodes: [
            {
              allocatable: { cpuCores: 2, memoryBytes: 4 * GiB, gpus: 0 },
              // over-requested: never below 0
              free: { cpuCores: 0, memoryBytes: 4 * GiB, gpus: 0 },
            },
          ],
        },
        {
          flavor: 'g3.medium',
          suPerHour: 32,
          gpuTaint: true,
          nodes: [
            {
              allocatable: { cpuCores: 8, memoryBytes: 30 * GiB, gpus: 1 },
              free: { cpuCores: 4, memoryBytes: 14 * GiB, gpus: 0 },
            },
          ],
        },
        {
          flavor: 'm3.medium',
          suPerHour: 8,
          gpuTaint: false,
          nodes: [
            {
              allocatable: { cpuCores: 8, memoryBytes: 30 * GiB, gpus: 0 },
              free: { cpuCores: 5.5, memoryBytes: 26 * GiB, gpus: 0 },
            },
          ],
        },
      ],
    });
  });

  it('names no node', () => {
    expect(JSON.stringify(capacity)).not.toMatch(/js2-demo-|odd/);
  });

  it('marks data served from the store as stale', () => {
    expect(
      clusterCapacity({ name: 'c', status: 'error', stale: true }, []),
    ).toEqual({
      cluster: 'c',
      status: 'error',
      stale: true,
      groups: [],
      unavailableNodes: 0,
    });
  });
});
