import type {
  ClusterDetail,
  ClusterTemplateSummary,
  EntityWorkloadsResponse,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { Entity } from '@backstage/catalog-model';
import type { EntityPodUsage } from '../api';

export const annotatedEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'science-api',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'science-api' },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

export const plainEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'project-website', namespace: 'default' },
  spec: { type: 'website', owner: 'team-a', lifecycle: 'production' },
};

function pod(name: string, phase: string, ready: boolean, replicaSet?: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'science',
      uid: `uid-${name}`,
      labels: { 'backstage.io/kubernetes-id': 'science-api' },
      ownerReferences: replicaSet
        ? [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: replicaSet,
              uid: `uid-${replicaSet}`,
              controller: true,
            },
          ]
        : undefined,
    },
    spec: {
      nodeName: phase === 'Pending' ? undefined : 'js2-demo-worker-0',
      containers: [{ name: 'api', image: 'science-api:1.0' }],
    },
    status: {
      phase,
      containerStatuses: [
        {
          name: 'api',
          ready,
          restartCount: 0,
          image: 'science-api:1.0',
          imageID: '',
          state: ready
            ? { running: { startedAt: new Date() } }
            : { waiting: { reason: 'ContainerCreating' } },
        },
      ],
    },
  };
}

export const workloadsResponse: EntityWorkloadsResponse = {
  entityRef: 'component:default/science-api',
  selector: {
    labelSelector: 'backstage.io/kubernetes-id=science-api',
    source: 'kubernetes-id',
  },
  clustersSearched: ['js2-demo', 'js2-old'],
  clusters: [
    {
      cluster: 'js2-demo',
      status: 'ok',
      resources: [
        {
          type: 'pods',
          resources: [
            pod('science-api-7d9f-abc12', 'Running', true, 'science-api-7d9f'),
            pod('science-api-7d9f-def34', 'Running', true, 'science-api-7d9f'),
            pod('science-api-7d9f-ghi56', 'Pending', false, 'science-api-7d9f'),
          ] as any,
        },
        {
          type: 'replicasets',
          resources: [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              metadata: {
                name: 'science-api-7d9f',
                namespace: 'science',
                ownerReferences: [
                  {
                    apiVersion: 'apps/v1',
                    kind: 'Deployment',
                    name: 'science-api',
                    uid: 'uid-science-api',
                    controller: true,
                  },
                ],
              },
            },
          ] as any,
        },
        { type: 'services', resources: [] },
      ],
      concepts: [],
      insights: [],
    },
    {
      cluster: 'js2-old',
      status: 'error',
      error: {
        reason: 'unauthorized',
        message: 'The application credential expired on 2024-01-01.',
        guideId: 'zonca-credentials',
      },
      resources: [],
      concepts: [],
      insights: [],
    },
  ],
  workloads: [
    {
      kind: 'Deployment',
      namespace: 'science',
      name: 'science-api',
      clusters: ['js2-demo'],
      status: '2/3 ready',
      verdict: 'warning',
      healthy: false,
    },
    {
      kind: 'Service',
      namespace: 'science',
      name: 'science-api',
      clusters: ['js2-demo'],
      status: 'ClusterIP',
      verdict: 'ok',
      healthy: true,
    },
  ],
  concepts: [
    {
      conceptId: 'pod',
      kind: 'Pod',
      count: 3,
      states: { Running: 2, Pending: 1 },
      summary: '3 Pods: 2 Running, 1 Pending',
    },
    {
      conceptId: 'deployment',
      kind: 'Deployment',
      count: 1,
      states: { Progressing: 1 },
      summary: '1 Deployment: 1 Progressing',
    },
    {
      conceptId: 'service',
      kind: 'Service',
      count: 1,
      states: {},
      summary: '1 Service',
    },
  ],
  insights: [
    {
      ruleId: 'cluster-unauthorized',
      severity: 'error',
      title: 'Cluster credentials refused',
      reason: 'js2-old refused the portal’s credentials (401).',
      guideId: 'zonca-credentials',
      conceptIds: ['secret'],
      cluster: 'js2-old',
      objects: [],
    },
  ],
  recommendedGuides: [
    {
      guideId: 'zonca-credentials',
      severity: 'error',
      reasons: [
        'js2-old refused the portal’s credentials (401).',
        'Application credentials expire.',
      ],
    },
    {
      guideId: 'k8s-manage-apps',
      severity: 'info',
      reasons: [
        'This service runs a Deployment with a Service in front of it.',
      ],
    },
  ],
  events: [
    {
      cluster: 'js2-demo',
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set science-api-7d9f to 3',
      object: { kind: 'Deployment', namespace: 'science', name: 'science-api' },
      count: 1,
      lastSeen: '2025-01-01T11:00:00Z',
    },
    {
      cluster: 'js2-demo',
      type: 'Warning',
      reason: 'FailedScheduling',
      message: '0/3 nodes are available: 3 Insufficient cpu.',
      object: {
        kind: 'Pod',
        namespace: 'science',
        name: 'science-api-7d9f-ghi56',
      },
      count: 7,
      lastSeen: '2025-01-01T11:59:00Z',
    },
    {
      cluster: 'js2-demo',
      type: 'Normal',
      reason: 'Pulled',
      message: 'Container image "science-api:1.0" already present',
      object: {
        kind: 'Pod',
        namespace: 'science',
        name: 'science-api-7d9f-abc12',
      },
      count: 1,
      lastSeen: '2025-01-01T11:30:00Z',
    },
  ],
  cost: {
    suPerHour: 6,
    suPerMonth: 4380,
    byCluster: [{ cluster: 'js2-demo', suPerHour: 6 }],
    byWorkload: [
      {
        kind: 'Deployment',
        namespace: 'science',
        name: 'science-api',
        suPerHour: 4.5,
      },
      {
        kind: 'Pod',
        namespace: 'science',
        name: 'debug-shell',
        suPerHour: 1.5,
      },
    ],
    unknownFlavorPods: [],
  },
};

function finishedPod(name: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'ml',
      uid: `uid-${name}`,
      labels: { 'backstage.io/kubernetes-id': 'gpu-training' },
    },
    spec: {
      nodeName: 'js2-demo-worker-1',
      containers: [{ name: 'prepare', image: 'prepare:1.0' }],
    },
    status: {
      phase: 'Succeeded',
      containerStatuses: [
        {
          name: 'prepare',
          ready: false,
          restartCount: 0,
          image: 'prepare:1.0',
          imageID: '',
          state: { terminated: { reason: 'Completed', exitCode: 0 } },
        },
      ],
    },
  };
}

/** A training service: one pod runs, two pods of finished Jobs are done (not faults). */
export const trainingWorkloadsResponse: EntityWorkloadsResponse = {
  entityRef: 'component:default/gpu-training',
  selector: {
    labelSelector: 'backstage.io/kubernetes-id=gpu-training',
    source: 'kubernetes-id',
  },
  clustersSearched: ['js2-demo'],
  clusters: [
    {
      cluster: 'js2-demo',
      status: 'ok',
      resources: [
        {
          type: 'pods',
          resources: [
            pod('trainer-7c9d-abc12', 'Running', true),
            finishedPod('prepare-data-x1y2z'),
            finishedPod(
              'prepare-data-with-a-very-long-name-that-keeps-going-q9',
            ),
          ] as any,
        },
      ],
      concepts: [],
      insights: [],
    },
  ],
  workloads: [
    {
      kind: 'Deployment',
      namespace: 'ml',
      name: 'trainer',
      clusters: ['js2-demo'],
      status: '1/1 ready',
      verdict: 'ok',
      healthy: true,
    },
    {
      kind: 'Job',
      namespace: 'ml',
      name: 'prepare-data',
      clusters: ['js2-demo'],
      status: 'Completed',
      verdict: 'done',
      healthy: true,
    },
  ],
  concepts: [
    {
      conceptId: 'pod',
      kind: 'Pod',
      count: 3,
      states: { Running: 1, Succeeded: 2 },
      summary: '3 Pods: 1 Running, 2 Succeeded',
    },
  ],
  insights: [],
  recommendedGuides: [],
};

export const emptyWorkloadsResponse: EntityWorkloadsResponse = {
  entityRef: 'component:default/science-api',
  selector: {
    labelSelector: 'backstage.io/kubernetes-id=science-api',
    namespace: 'science',
    source: 'kubernetes-id',
  },
  clustersSearched: ['js2-demo', 'js2-old'],
  clusters: [
    {
      cluster: 'js2-demo',
      status: 'ok',
      resources: [],
      concepts: [],
      insights: [],
    },
    {
      cluster: 'js2-old',
      status: 'error',
      error: {
        reason: 'unauthorized',
        message: 'Unauthorized',
        guideId: 'zonca-credentials',
      },
      resources: [],
      concepts: [],
      insights: [],
    },
  ],
  workloads: [],
  concepts: [],
  insights: [],
  recommendedGuides: [],
};

const amounts = (cpuCores: number, gib: number, gpus = 0) => ({
  cpuCores,
  memoryBytes: gib * 1024 ** 3,
  gpus,
});

export const clusterDetail: ClusterDetail = {
  name: 'js2-demo',
  title: 'js2-demo',
  version: 'v1.34.2',
  status: 'ok',
  nodeCount: 3,
  readyNodeCount: 3,
  capacity: amounts(40, 150, 1),
  allocatable: amounts(39, 145, 1),
  requested: amounts(10.5, 40, 1),
  podCount: 14,
  collectedAt: '2025-01-01T12:00:00Z',
  cost: {
    suPerHour: 44,
    suPerMonth: 32120,
    idleSuPerHour: 11,
    unknownFlavorNodes: ['js2-demo-extra-1'],
  },
  nodes: [
    {
      name: 'js2-demo-control-plane',
      flavor: 'm3.quad',
      roles: ['control-plane'],
      ready: true,
      unschedulable: false,
      capacity: amounts(4, 15),
      allocatable: amounts(4, 14),
      requested: amounts(0.9, 1),
      podCount: 6,
      kubeletVersion: 'v1.34.2',
      kubeProxyVersion: 'v1.34.2',
      containerRuntimeVersion: 'containerd://1.7.24',
      conditions: [{ type: 'Ready', status: 'True' }],
      taints: [],
    },
    {
      name: 'js2-demo-worker-1',
      flavor: 'm3.medium',
      roles: [],
      ready: true,
      unschedulable: false,
      capacity: amounts(8, 30),
      allocatable: amounts(8, 29),
      requested: amounts(7.6, 20),
      podCount: 6,
      kubeletVersion: 'v1.34.2',
      kubeProxyVersion: 'v1.34.2',
      containerRuntimeVersion: 'containerd://1.7.24',
      conditions: [{ type: 'Ready', status: 'True' }],
      taints: [],
    },
    {
      name: 'js2-demo-gpu-1',
      flavor: 'g3.xl',
      roles: [],
      ready: true,
      unschedulable: true,
      capacity: amounts(32, 125, 1),
      allocatable: amounts(32, 120, 1),
      requested: amounts(2, 19, 1),
      podCount: 2,
      kubeletVersion: 'v1.34.2',
      containerRuntimeVersion: 'containerd://1.7.24',
      conditions: [{ type: 'Ready', status: 'True' }],
      taints: [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }],
    },
  ],
  controlPlane: {
    ready: true,
    live: true,
    checks: [
      { name: 'etcd', endpoint: 'readyz', ok: true },
      { name: 'ping', endpoint: 'readyz', ok: true },
    ],
    leases: [
      {
        component: 'kube-scheduler',
        holder: 'js2-demo-control-plane_1',
        renewedAt: '2025-01-01T12:00:00Z',
        healthy: true,
      },
      {
        component: 'kube-controller-manager',
        holder: 'js2-demo-control-plane_2',
        healthy: false,
      },
    ],
  },
  namespaces: ['default', 'science', 'kube-system'],
  workloadCounts: { Pod: 14, Deployment: 5, Service: 6 },
  insights: [],
};

export const templates: ClusterTemplateSummary[] = [
  {
    entityRef: 'template:default/jetstream2-magnum-cluster',
    name: 'jetstream2-magnum-cluster',
    title: 'Jetstream2 Magnum cluster',
    description: 'Plan a Magnum cluster',
    tags: ['kubernetes'],
  },
];

function podMetrics(name: string, cpuCores: number, memoryBytes: number) {
  const cpu = { currentUsage: cpuCores, requestTotal: 0.25, limitTotal: 0.5 };
  const memory = {
    currentUsage: String(memoryBytes),
    requestTotal: String(128 * 2 ** 20),
    limitTotal: String(256 * 2 ** 20),
  };
  return {
    pod: { metadata: { name, namespace: 'science', uid: `uid-${name}` } },
    cpu,
    memory,
    containers: [{ container: 'api', cpuUsage: cpu, memoryUsage: memory }],
  };
}

/** The usage of workloadsResponse's pods: the Pending one has not been sampled, js2-old serves none. */
export const podUsage: EntityPodUsage[] = [
  {
    cluster: 'js2-demo',
    podMetrics: [
      podMetrics('science-api-7d9f-abc12', 0.0123, 45 * 2 ** 20),
      podMetrics('science-api-7d9f-def34', 0.2, 96 * 2 ** 20),
    ],
  },
  { cluster: 'js2-old', podMetrics: [] },
];
