import { topPods } from '@kubernetes/client-node';
import type { KubeObject } from '@internal/plugin-jetstream2-kubernetes-common';
import type { PodUsage } from '../ClusterCollector/types';
import {
  quantityToScalar,
  toClientPodStatus,
  toPodMetrics,
} from './toPodMetrics';

const pod = (
  name: string,
  containers: { name: string; resources?: object }[],
  namespace = 'apps',
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: { containers },
  status: { phase: 'Running' },
});

const usage = (
  ...containers: { name: string; cpu?: string; memory?: string }[]
): PodUsage => ({ containers });

/** What upstream's default provider sends for these pods and PodMetrics (topPods, then bigints as strings). */
async function upstreamPodMetrics(pods: KubeObject[], metrics: object[]) {
  const statuses = await topPods(
    { listPodForAllNamespaces: async () => ({ items: pods }) } as any,
    { getPodMetrics: async () => ({ items: metrics }) } as any,
  );
  const safe = (v: number | bigint) =>
    typeof v === 'bigint' ? v.toString() : v;
  const usageOf = (u: any) => ({
    currentUsage: safe(u.CurrentUsage),
    requestTotal: safe(u.RequestTotal),
    limitTotal: safe(u.LimitTotal),
  });
  return statuses.map(s => ({
    pod: s.Pod,
    cpu: usageOf(s.CPU),
    memory: usageOf(s.Memory),
    containers: s.Containers.map(c => ({
      container: c.Container,
      cpuUsage: usageOf(c.CPUUsage),
      memoryUsage: usageOf(c.MemoryUsage),
    })),
  }));
}

describe('quantityToScalar', () => {
  it('reads CPU as cores and memory as bytes, the way upstream does', () => {
    expect(quantityToScalar('250m')).toBe(0.25);
    expect(quantityToScalar('1')).toBe(1);
    expect(quantityToScalar('12345n')).toBe(0.000012345);
    expect(quantityToScalar('1500u')).toBe(0.0015);
    expect(quantityToScalar('128Mi')).toBe(134217728n);
    expect(quantityToScalar('1Gi')).toBe(1073741824n);
    expect(quantityToScalar('224738Ki')).toBe(230131712n);
    expect(quantityToScalar('2k')).toBe(2000n);
    expect(quantityToScalar('1e3')).toBe(1000);
    expect(quantityToScalar('1000000')).toBe(1000000);
  });

  it('reads nothing as 0, and what upstream would throw on as 0 or rounded', () => {
    expect(quantityToScalar(undefined)).toBe(0);
    expect(quantityToScalar('')).toBe(0);
    expect(quantityToScalar('lots')).toBe(0);
    expect(quantityToScalar('5Zi')).toBe(0);
    expect(quantityToScalar('1.5Gi')).toBe(1610612736n);
  });
});

describe('toClientPodStatus', () => {
  it('gives upstream ClientPodStatus: cores as numbers, bytes as integer strings, declared totals', () => {
    const p = pod('web-1', [
      {
        name: 'web',
        resources: {
          requests: { cpu: '250m', memory: '128Mi' },
          limits: { cpu: '1', memory: '1Gi' },
        },
      },
    ]);
    expect(
      toClientPodStatus(
        p,
        usage({ name: 'web', cpu: '12345n', memory: '64Mi' }),
      ),
    ).toEqual({
      pod: p,
      cpu: { currentUsage: 0.000012345, requestTotal: 0.25, limitTotal: 1 },
      memory: {
        currentUsage: '67108864',
        requestTotal: '134217728',
        limitTotal: '1073741824',
      },
      containers: [
        {
          container: 'web',
          cpuUsage: {
            currentUsage: 0.000012345,
            requestTotal: 0.25,
            limitTotal: 1,
          },
          memoryUsage: {
            currentUsage: '67108864',
            requestTotal: '134217728',
            limitTotal: '1073741824',
          },
        },
      ],
    });
  });

  it('gives 0 totals for a container without requests or limits, and sums a pod’s containers', () => {
    const p = pod('two-1', [
      {
        name: 'app',
        resources: { requests: { cpu: '500m', memory: '256Mi' } },
      },
      { name: 'sidecar' },
    ]);
    const status = toClientPodStatus(
      p,
      usage(
        { name: 'app', cpu: '100m', memory: '100Mi' },
        { name: 'sidecar', cpu: '5m', memory: '10Mi' },
      ),
    );
    // 0.1 + 0.005 in floating point, as upstream adds them
    expect(status.cpu).toEqual({
      currentUsage: expect.closeTo(0.105, 12),
      requestTotal: 0.5,
      limitTotal: 0,
    });
    expect(status.memory).toEqual({
      currentUsage: String(110 * 2 ** 20),
      requestTotal: String(256 * 2 ** 20),
      limitTotal: 0,
    });
    expect(status.containers[1]).toEqual({
      container: 'sidecar',
      cpuUsage: { currentUsage: 0.005, requestTotal: 0, limitTotal: 0 },
      memoryUsage: {
        currentUsage: String(10 * 2 ** 20),
        requestTotal: 0,
        limitTotal: 0,
      },
    });
  });

  it('lists only containers with usage, and counts every container’s requests', () => {
    const p = pod('starting-1', [
      { name: 'app', resources: { requests: { cpu: '1' } } },
      { name: 'late', resources: { requests: { cpu: '2' } } },
    ]);
    const status = toClientPodStatus(p, usage({ name: 'app', cpu: '300m' }));
    expect(status.containers.map(c => c.container)).toEqual(['app']);
    expect(status.cpu).toEqual({
      currentUsage: 0.3,
      requestTotal: 3,
      limitTotal: 0,
    });
    expect(status.memory.currentUsage).toBe(0);
  });

  it('matches what upstream’s default provider computes for the same pods and PodMetrics', async () => {
    const pods = [
      pod('web-1', [
        {
          name: 'web',
          resources: {
            requests: { cpu: '250m', memory: '128Mi' },
            limits: { cpu: '1', memory: '1Gi' },
          },
        },
      ]),
      pod('plain-1', [{ name: 'plain' }]),
      pod('cpu-only-1', [
        { name: 'a', resources: { limits: { cpu: '2' } } },
        { name: 'b', resources: { requests: { cpu: '100m' } } },
      ]),
    ];
    const metrics = [
      {
        metadata: { name: 'web-1', namespace: 'apps' },
        containers: [
          { name: 'web', usage: { cpu: '32625758n', memory: '224738Ki' } },
        ],
      },
      {
        metadata: { name: 'plain-1', namespace: 'apps' },
        containers: [{ name: 'plain', usage: { cpu: '1m', memory: '1000' } }],
      },
      {
        metadata: { name: 'cpu-only-1', namespace: 'apps' },
        containers: [
          { name: 'a', usage: { cpu: '12345n', memory: '0' } },
          { name: 'b', usage: { cpu: '2u', memory: '0' } },
        ],
      },
    ];
    const podUsage = new Map(
      metrics.map(m => [
        `apps/${m.metadata.name}`,
        usage(...m.containers.map(c => ({ name: c.name, ...c.usage }))),
      ]),
    );
    expect(toPodMetrics(pods, podUsage)).toEqual(
      await upstreamPodMetrics(pods, metrics),
    );
  });
});

describe('toPodMetrics', () => {
  const a = pod('a', [{ name: 'c' }]);
  const b = pod('b', [{ name: 'c' }]);
  const other = pod('a', [{ name: 'c' }], 'elsewhere');

  it('has an entry for each given pod with usage, matched by namespace and name', () => {
    const podUsage = new Map([
      ['apps/a', usage({ name: 'c', cpu: '1m', memory: '1Ki' })],
      ['apps/not-the-entitys', usage({ name: 'c', cpu: '1m' })],
    ]);
    const result = toPodMetrics([a, b, other], podUsage);
    expect(result.map(r => r.pod)).toEqual([a]);
  });

  it('is empty for a cluster without metrics', () => {
    expect(toPodMetrics([a, b], undefined)).toEqual([]);
    expect(toPodMetrics([a, b], new Map())).toEqual([]);
  });
});
