import type { KubeObject } from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterSnapshot } from '../ClusterCollector/types';
import {
  detailCluster,
  summariseCluster,
  summariseLeases,
  summariseNode,
} from './summarise';

const GiB = 1024 ** 3;

function node(
  name: string,
  opts: {
    flavor?: string;
    betaFlavor?: string;
    ready?: boolean;
    unschedulable?: boolean;
    taints?: any[];
    roles?: string[];
    cpu?: string;
  } = {},
): KubeObject {
  const labels: Record<string, string> = {};
  if (opts.flavor) labels['node.kubernetes.io/instance-type'] = opts.flavor;
  if (opts.betaFlavor)
    labels['beta.kubernetes.io/instance-type'] = opts.betaFlavor;
  for (const r of opts.roles ?? []) labels[`node-role.kubernetes.io/${r}`] = '';
  return {
    kind: 'Node',
    metadata: { name, labels },
    spec: { unschedulable: opts.unschedulable, taints: opts.taints },
    status: {
      capacity: { cpu: opts.cpu ?? '8', memory: '30Gi' },
      allocatable: { cpu: opts.cpu ?? '8', memory: '30Gi' },
      conditions: [
        {
          type: 'Ready',
          status: opts.ready === false ? 'False' : 'True',
          reason: 'KubeletReady',
          message: '',
        },
      ],
      nodeInfo: { kubeletVersion: 'v1.34.2', osImage: '' },
    },
  };
}

const pod = (
  name: string,
  nodeName: string | undefined,
  phase = 'Running',
) => ({
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: {
    nodeName,
    containers: [
      { name: 'c', resources: { requests: { cpu: '2', memory: '4Gi' } } },
    ],
  },
  status: { phase },
});

const lease = (
  name: string,
  renewTime: string | undefined,
  leaseDurationSeconds?: number,
  labels?: Record<string, string>,
): KubeObject => ({
  kind: 'Lease',
  metadata: { name, namespace: 'kube-system', labels },
  spec: { holderIdentity: `${name}_abc`, renewTime, leaseDurationSeconds },
});

function snapshot(objects: ClusterSnapshot['objects']): ClusterSnapshot {
  return {
    name: 'js2',
    status: 'ok',
    controlPlane: { ready: true, live: true, checks: [] },
    objects,
  };
}

describe('summariseNode', () => {
  it('passes taints, roles, readiness and versions through', () => {
    const summary = summariseNode(
      node('n0', {
        flavor: 'g3.medium',
        roles: ['worker', 'control-plane'],
        unschedulable: true,
        taints: [
          { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
        ],
      }),
      undefined,
    );
    expect(summary).toMatchObject({
      name: 'n0',
      flavor: 'g3.medium',
      roles: ['control-plane', 'worker'],
      ready: true,
      unschedulable: true,
      kubeletVersion: 'v1.34.2',
      podCount: 0,
      requested: { cpuCores: 0, memoryBytes: 0, gpus: 0 },
      capacity: { cpuCores: 8, memoryBytes: 30 * GiB, gpus: 0 },
      suPerHour: 32,
    });
    expect(summary.osImage).toBeUndefined();
    expect(summary.taints).toEqual([
      { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
      {
        key: 'node.kubernetes.io/unschedulable',
        value: undefined,
        effect: 'NoSchedule',
      },
    ]);
    expect(summary.conditions).toEqual([
      {
        type: 'Ready',
        status: 'True',
        reason: 'KubeletReady',
        message: undefined,
      },
    ]);
  });

  it('reads the flavor from the beta instance-type label when the GA one is missing', () => {
    const summary = summariseNode(
      node('n1', { betaFlavor: 'm3.large' }),
      undefined,
    );
    expect(summary.flavor).toBe('m3.large');
    expect(summary.suPerHour).toBe(16);
    // The GA label wins when both are set.
    expect(
      summariseNode(
        node('n2', { flavor: 'm3.medium', betaFlavor: 'm3.large' }),
        undefined,
      ).flavor,
    ).toBe('m3.medium');
  });

  it('gives no suPerHour (never 0) for an unknown or missing flavor', () => {
    const unknown = summariseNode(node('n3', { flavor: 'm1.huge' }), undefined);
    expect(unknown.flavor).toBe('m1.huge');
    expect(unknown).not.toHaveProperty('suPerHour');
    const none = summariseNode(node('n4'), undefined);
    expect(none.flavor).toBeUndefined();
    expect(none).not.toHaveProperty('suPerHour');
  });

  it('passes requests, heartbeat and measured usage through', () => {
    const usageNow = { cpuCores: 1.5, memoryBytes: 2 * GiB, gpus: 0 };
    const summary = summariseNode(
      node('n5', { ready: false }),
      { requested: { cpuCores: 3, memoryBytes: GiB, gpus: 1 }, podCount: 4 },
      '2025-06-01T12:00:00.000Z',
      usageNow,
    );
    expect(summary).toMatchObject({
      ready: false,
      podCount: 4,
      requested: { cpuCores: 3, memoryBytes: GiB, gpus: 1 },
      heartbeatAt: '2025-06-01T12:00:00.000Z',
      usage: usageNow,
    });
    expect(summariseNode(node('n6'), undefined)).not.toHaveProperty('usage');
  });
});

describe('summariseLeases', () => {
  const now = new Date('2025-06-01T12:00:00.000Z');

  it('is healthy while renewed within leaseDurationSeconds, expired after', () => {
    const leases = summariseLeases(
      [
        lease('kube-scheduler', '2025-06-01T11:59:50.000Z', 15),
        lease('kube-controller-manager', '2025-06-01T11:59:40.000Z', 15),
        // A longer lease is still held 40 s after its renewal.
        lease('cloud-controller-manager', '2025-06-01T11:59:20.000Z', 60),
        // Default duration 15 s when not given: 16 s old is expired.
        lease('custom', '2025-06-01T11:59:44.000Z'),
        lease('never-renewed', undefined, 15),
        lease('apiserver-x7k2', '2025-06-01T12:00:00.000Z', 3600, {
          'apiserver.kubernetes.io/identity': 'kube-apiserver',
        }),
      ],
      now,
    );
    expect(
      Object.fromEntries(leases.map(l => [l.component, l.healthy])),
    ).toEqual({
      'kube-scheduler': true,
      'kube-controller-manager': false,
      'cloud-controller-manager': true,
      custom: false,
      'never-renewed': false,
      'kube-apiserver': true,
    });
    // Sorted by component, holder passed through.
    expect(leases.map(l => l.component)).toEqual([
      'cloud-controller-manager',
      'custom',
      'kube-apiserver',
      'kube-controller-manager',
      'kube-scheduler',
      'never-renewed',
    ]);
    expect(leases[4]).toEqual({
      component: 'kube-scheduler',
      holder: 'kube-scheduler_abc',
      renewedAt: '2025-06-01T11:59:50.000Z',
      healthy: true,
    });
  });

  it('counts a renewal exactly at the expiry instant as healthy, one millisecond later as expired', () => {
    const at = (renewTime: string) =>
      summariseLeases([lease('s', renewTime, 10)], now)[0].healthy;
    expect(at('2025-06-01T11:59:50.000Z')).toBe(true);
    expect(at('2025-06-01T11:59:49.999Z')).toBe(false);
  });
});

describe('summariseCluster and detailCluster', () => {
  const nodes = [
    node('m-0', { flavor: 'm3.medium' }),
    node('m-1', { flavor: 'm3.medium' }),
    node('l-0', { flavor: 'm3.large', cpu: '16' }),
    node('l-1', { betaFlavor: 'm3.large', cpu: '16' }),
    node('g-0', { flavor: 'g3.medium', ready: false }),
  ];

  it('costs 80 SU/h for 2 × m3.medium + 2 × m3.large + 1 × g3.medium', () => {
    const summary = summariseCluster(snapshot({ nodes, pods: [] }));
    expect(summary.cost).toEqual({
      suPerHour: 80,
      suPerMonth: 80 * 730,
      idleSuPerHour: 80,
      unknownFlavorNodes: [],
    });
    expect(summary).toMatchObject({
      nodeCount: 5,
      readyNodeCount: 4,
      capacity: { cpuCores: 8 + 8 + 16 + 16 + 8, memoryBytes: 5 * 30 * GiB },
    });
  });

  it('counts requests of pods on nodes only, and names nodes of unknown flavor', () => {
    const snap = snapshot({
      nodes: [...nodes, node('x-0', { flavor: 'mystery' })],
      pods: [
        pod('a', 'm-0'),
        pod('b', 'm-0'),
        pod('done', 'm-0', 'Succeeded'),
        pod('pending', undefined, 'Pending'),
      ] as KubeObject[],
      nodeLeases: [
        {
          kind: 'Lease',
          metadata: { name: 'm-0', namespace: 'kube-node-lease' },
          spec: { renewTime: '2025-06-01T11:59:58.000Z' },
        },
      ],
    });
    snap.nodeUsage = new Map([
      ['m-0', { cpuCores: 0.5, memoryBytes: GiB, gpus: 0 }],
    ]);
    const summary = summariseCluster(snap, new Date('2025-06-01T12:00:00Z'));
    expect(summary.cost?.suPerHour).toBe(80);
    expect(summary.cost?.unknownFlavorNodes).toEqual(['x-0']);
    // m-0 (8 SU/h) is half requested by a and b (4 of 8 cores).
    expect(summary.cost?.idleSuPerHour).toBeCloseTo(76);
    expect(summary.podCount).toBe(4);
    expect(summary.requested).toEqual({
      cpuCores: 4,
      memoryBytes: 8 * GiB,
      gpus: 0,
    });

    const detail = detailCluster(snap, new Date('2025-06-01T12:00:00Z'));
    const m0 = detail.nodes.find(n => n.name === 'm-0')!;
    expect(m0).toMatchObject({
      podCount: 2,
      heartbeatAt: '2025-06-01T11:59:58.000Z',
      usage: { cpuCores: 0.5, memoryBytes: GiB, gpus: 0 },
    });
    expect(detail.nodes.find(n => n.name === 'x-0')).not.toHaveProperty(
      'suPerHour',
    );
    expect(detail.nodes.map(n => n.name)).toEqual([
      'g-0',
      'l-0',
      'l-1',
      'm-0',
      'm-1',
      'x-0',
    ]);
  });

  it('gives the age of the data, counts workloads by kind and sorts namespaces', () => {
    const snap = snapshot({
      nodes: [],
      pods: [pod('a', undefined)] as KubeObject[],
      deployments: [{ kind: 'Deployment', metadata: { name: 'd' } }],
      namespaces: [{ metadata: { name: 'b' } }, { metadata: { name: 'a' } }],
      leases: [lease('kube-scheduler', '2025-06-01T11:59:59.000Z', 15)],
    });
    snap.collectedAt = '2025-06-01T11:59:30.000Z';
    const detail = detailCluster(snap, new Date('2025-06-01T12:00:00Z'));
    expect(detail.ageSeconds).toBe(30);
    expect(detail.namespaces).toEqual(['a', 'b']);
    expect(detail.workloadCounts).toMatchObject({
      Pod: 1,
      Deployment: 1,
      StatefulSet: 0,
    });
    expect(detail.workloadCounts).not.toHaveProperty('Node');
    expect(detail.controlPlane.leases).toEqual([
      expect.objectContaining({ component: 'kube-scheduler', healthy: true }),
    ]);
  });
});
