import type { KubeObject } from '@internal/plugin-jetstream2-kubernetes-common';

// Objects shaped as the API server sends them (fields copied from the local control plane's JupyterHub and
// Science API seed: ownerReferences with uids, pod-template-hash labels, conditions), built small so each
// test states only what it is about.

export const ID_LABEL = 'backstage.io/kubernetes-id';
const CREATED = '2026-12-07T16:57:12Z';

type Labels = Record<string, string>;

function meta(name: string, namespace: string | undefined, labels: Labels) {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    uid: `uid-${namespace ?? 'cluster'}-${name}`,
    resourceVersion: '398',
    creationTimestamp: CREATED,
    labels,
  };
}

/** An ownerReference to `owner`, as a controller sets it. */
export function ownedBy(owner: KubeObject) {
  return [
    {
      apiVersion: owner.apiVersion,
      kind: owner.kind!,
      name: owner.metadata!.name!,
      uid: owner.metadata!.uid,
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
}

const podTemplate = (labels: Labels, spec: any = {}) => ({
  metadata: { labels },
  spec: {
    containers: [
      {
        name: 'app',
        image: 'ghcr.io/example-org/app:1.0',
        resources: { requests: { cpu: '200m', memory: '512Mi' } },
      },
    ],
    ...spec,
  },
});

export function deployment(
  name: string,
  ns: string,
  labels: Labels,
  opts: { replicas?: number; ready?: number } = {},
): KubeObject {
  const replicas = opts.replicas ?? 1;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { ...meta(name, ns, labels), generation: 1 },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: { type: 'RollingUpdate' },
      template: podTemplate(labels),
    },
    status: {
      observedGeneration: 1,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: opts.ready ?? replicas,
    },
  };
}

export function replicaSet(
  owner: KubeObject,
  hash: string,
  opts: { replicas?: number } = {},
): KubeObject {
  const labels = { ...owner.metadata!.labels, 'pod-template-hash': hash };
  const replicas = opts.replicas ?? owner.spec?.replicas ?? 1;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      ...meta(
        `${owner.metadata!.name}-${hash}`,
        owner.metadata!.namespace,
        labels,
      ),
      ownerReferences: ownedBy(owner),
    },
    spec: { replicas, selector: { matchLabels: labels } },
    status: { replicas, readyReplicas: replicas, observedGeneration: 1 },
  };
}

export function pod(
  name: string,
  opts: {
    owner?: KubeObject;
    namespace?: string;
    labels?: Labels;
    nodeName?: string;
    phase?: 'Running' | 'Pending' | 'Succeeded';
    claims?: string[];
    gpus?: number;
  } = {},
): KubeObject {
  const ns = opts.namespace ?? opts.owner?.metadata?.namespace ?? 'jhub';
  const labels = opts.labels ??
    opts.owner?.metadata?.labels ?? { [ID_LABEL]: 'jupyterhub' };
  const phase = opts.phase ?? (opts.nodeName ? 'Running' : 'Pending');
  const spec: any = podTemplate(labels).spec;
  if (opts.gpus) {
    spec.containers[0].resources.requests['nvidia.com/gpu'] = String(opts.gpus);
  }
  spec.volumes = (opts.claims ?? []).map(claimName => ({
    name: claimName,
    persistentVolumeClaim: { claimName },
  }));
  if (opts.nodeName) spec.nodeName = opts.nodeName;
  const status: any = { phase };
  if (phase === 'Running') {
    status.podIP = '10.244.1.2';
    status.startTime = CREATED;
    status.containerStatuses = [
      { name: 'app', ready: true, restartCount: 0, state: { running: {} } },
    ];
  } else if (phase === 'Pending') {
    status.conditions = [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message:
          '0/5 nodes are available: pod has unbound immediate PersistentVolumeClaims. not found',
      },
    ];
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...meta(name, ns, labels),
      ...(opts.owner ? { ownerReferences: ownedBy(opts.owner) } : {}),
    },
    spec,
    status,
  };
}

export function service(
  name: string,
  ns: string,
  labels: Labels,
  opts: {
    type?: 'ClusterIP' | 'LoadBalancer' | 'ExternalName';
    selector?: Labels;
    address?: string;
  } = {},
): KubeObject {
  const type = opts.type ?? 'ClusterIP';
  const spec: any = {
    type,
    clusterIP: '10.96.137.181',
    ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
  };
  if (opts.selector) spec.selector = opts.selector;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, ns, labels),
    spec,
    status: {
      loadBalancer: opts.address ? { ingress: [{ ip: opts.address }] } : {},
    },
  };
}

export function claim(
  name: string,
  ns: string,
  labels: Labels,
  opts: { storageClassName?: string | null; volumeName?: string } = {},
): KubeObject {
  const spec: any = {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Gi' } },
    volumeMode: 'Filesystem',
  };
  if (opts.storageClassName !== null) {
    spec.storageClassName = opts.storageClassName ?? 'cinder-csi';
  }
  if (opts.volumeName) spec.volumeName = opts.volumeName;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta(name, ns, labels),
    spec,
    status: opts.volumeName
      ? {
          phase: 'Bound',
          accessModes: ['ReadWriteOnce'],
          capacity: { storage: '1Gi' },
        }
      : { phase: 'Pending' },
  };
}

export function storageClass(name: string, isDefault = false): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      ...meta(name, undefined, {}),
      annotations: isDefault
        ? { 'storageclass.kubernetes.io/is-default-class': 'true' }
        : {},
    },
    provisioner: 'cinder.csi.openstack.org',
    reclaimPolicy: 'Retain',
    volumeBindingMode: 'Immediate',
  };
}

/** A simulated Jetstream2 node of the given flavor (g3 flavors offer a GPU). */
export function node(name: string, flavor: string): KubeObject {
  const gpu = flavor.startsWith('g3.') ? { 'nvidia.com/gpu': '1' } : {};
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(name, undefined, {
      'kubernetes.io/hostname': name,
      'node.kubernetes.io/instance-type': flavor,
    }),
    spec: {},
    status: {
      allocatable: { cpu: '7800m', memory: '29Gi', pods: '110', ...gpu },
      capacity: { cpu: '8', memory: '30Gi', pods: '110', ...gpu },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
      nodeInfo: { kubeletVersion: 'v1.34.4' },
    },
  };
}

export function ingress(
  name: string,
  ns: string,
  labels: Labels,
  backends: string[],
): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta(name, ns, labels),
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host: `${name}.abc123456.projects.jetstream-cloud.org`,
          http: {
            paths: backends.map((svc, i) => ({
              path: i === 0 ? '/' : `/${svc}`,
              pathType: 'Prefix',
              backend: { service: { name: svc, port: { number: 80 } } },
            })),
          },
        },
      ],
    },
    status: { loadBalancer: {} },
  };
}

export function hpa(
  name: string,
  ns: string,
  labels: Labels,
  target: { kind: string; name: string },
): KubeObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta(name, ns, labels),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', ...target },
      minReplicas: 3,
      maxReplicas: 10,
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: { type: 'Utilization', averageUtilization: 70 },
          },
        },
      ],
    },
    status: { currentReplicas: 3, desiredReplicas: 3 },
  };
}

export function cronJob(name: string, ns: string, labels: Labels): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: meta(name, ns, labels),
    spec: {
      schedule: '*/10 * * * *',
      jobTemplate: { spec: { template: podTemplate(labels) } },
    },
    status: { lastScheduleTime: CREATED },
  };
}

export function job(name: string, owner: KubeObject): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      ...meta(name, owner.metadata!.namespace, owner.metadata!.labels!),
      ownerReferences: ownedBy(owner),
    },
    spec: { completions: 1, template: podTemplate(owner.metadata!.labels!) },
    status: {
      active: 1,
      startTime: CREATED,
    },
  };
}
