import type { ClusterCapacity, NodeRoom } from './capacity';
import { fitWorkload } from './workloadFit';

const GiB = 2 ** 30;
const room = (
  alloc: [number, number, number],
  free: [number, number, number],
): NodeRoom => {
  const a = ([cpuCores, mem, gpus]: [number, number, number]) => ({
    cpuCores,
    memoryBytes: mem * GiB,
    gpus,
  });
  return { allocatable: a(alloc), free: a(free) };
};

/** The local control plane with the seeded workloads: the one GPU is taken by gpu-training's trainer. */
const jsDemo: ClusterCapacity = {
  cluster: 'js2-demo',
  status: 'ok',
  unavailableNodes: 1,
  groups: [
    {
      flavor: 'g3.medium',
      suPerHour: 32,
      gpuTaint: true,
      nodes: [room([8, 30, 1], [4, 14, 0])],
    },
    {
      flavor: 'm3.large',
      suPerHour: 16,
      gpuTaint: false,
      nodes: [room([16, 60, 0], [1, 50, 0]), room([16, 60, 0], [0.5, 50, 0])],
    },
  ],
};

const pod = (cpuCores: number, memGiB: number, gpus = 0) => ({
  cpuCores,
  memoryBytes: memGiB * GiB,
  gpus,
});

describe('fitWorkload', () => {
  it('says a GPU pod will stay Pending when the only GPU is taken, and what it costs', () => {
    expect(
      fitWorkload(jsDemo, {
        replicas: 1,
        perPod: pod(0.25, 0.25, 1),
        toleratesGpuTaint: true,
      }),
    ).toEqual({
      cluster: 'js2-demo',
      replicas: 1,
      fitting: 0,
      gpus: { free: 0, total: 1 },
      // a whole g3.medium: its GPU is the largest share
      suPerHour: 32,
      verdict: 'pending',
      message: '0 of 1 GPU free on js2-demo: this will stay Pending',
    });
  });

  it('counts the pods each node takes, not the sum of free room', () => {
    // 1 + 0.5 cores free on two nodes: one 0.75-core pod fits, not two
    const fit = fitWorkload(jsDemo, {
      replicas: 2,
      perPod: pod(0.75, 1),
      toleratesGpuTaint: false,
    });
    expect(fit).toMatchObject({
      fitting: 1,
      verdict: 'pending',
      message:
        'Room for 1 of 2 pods on js2-demo, 1.5 CPU cores free: 1 of 2 pods will stay Pending',
    });
    // m3.large: 0.75 of 16 cores × 16 SU/h = 0.75 SU/h a pod
    expect(fit.suPerHour).toBeCloseTo(1.5);
  });

  it('keeps pods without the toleration off the GPU nodes', () => {
    const fit = fitWorkload(jsDemo, {
      replicas: 3,
      perPod: pod(2, 1),
      toleratesGpuTaint: false,
    });
    expect(fit.fitting).toBe(0);
    expect(fit.message).toBe(
      'Room for 0 of 3 pods on js2-demo, 1.5 CPU cores free: all 3 pods will stay Pending',
    );
    expect(
      fitWorkload(jsDemo, {
        replicas: 3,
        perPod: pod(2, 1),
        toleratesGpuTaint: true,
      }).fitting,
    ).toBe(2);
  });

  it('says when everything fits', () => {
    expect(
      fitWorkload(jsDemo, {
        replicas: 2,
        perPod: pod(0.25, 0.25),
        toleratesGpuTaint: false,
      }),
    ).toMatchObject({
      fitting: 2,
      verdict: 'fits',
      message:
        'Fits on js2-demo: 1.5 CPU cores and 100 GiB of memory free on the nodes that take it',
    });
  });

  it('looks only at nodes of the flavor asked for, and says when there is none', () => {
    const large = fitWorkload(jsDemo, {
      replicas: 1,
      perPod: pod(1, 2, 1),
      toleratesGpuTaint: true,
      flavor: 'g3.large',
    });
    expect(large).toEqual({
      cluster: 'js2-demo',
      replicas: 1,
      fitting: 0,
      gpus: { free: 0, total: 0 },
      verdict: 'pending',
      message: 'js2-demo has no g3.large node: this will stay Pending',
    });
    expect(
      fitWorkload(jsDemo, {
        replicas: 1,
        perPod: pod(1, 2, 1),
        toleratesGpuTaint: true,
        flavor: 'g3.medium',
      }).message,
    ).toBe('0 of 1 g3.medium GPU free on js2-demo: this will stay Pending');
  });

  it('finds room for a GPU pod once a GPU is free', () => {
    const freed: ClusterCapacity = {
      ...jsDemo,
      groups: [
        {
          ...jsDemo.groups[0],
          nodes: [room([8, 30, 2], [8, 30, 2])],
        },
      ],
    };
    expect(
      fitWorkload(freed, {
        replicas: 2,
        perPod: pod(1, 1, 1),
        toleratesGpuTaint: true,
      }),
    ).toMatchObject({
      fitting: 2,
      verdict: 'fits',
      message: '2 of 2 GPUs free on js2-demo: room for all 2 pods',
    });
  });
});
