// Real-shaped Kubernetes objects (trimmed from `kubectl get -o json` output) for the rule tests.
import type { KubeObject } from '../kube';

export function node(
  name: string,
  opts: {
    ready?: boolean;
    unschedulable?: boolean;
    gpus?: number;
    flavor?: string;
  } = {},
): KubeObject {
  const allocatable: Record<string, string> = {
    cpu: '8',
    memory: '30Gi',
    pods: '110',
  };
  if (opts.gpus) allocatable['nvidia.com/gpu'] = String(opts.gpus);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'node.kubernetes.io/instance-type': opts.flavor ?? 'm3.medium',
      },
    },
    spec: opts.unschedulable
      ? {
          unschedulable: true,
          taints: [
            { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
          ],
        }
      : {},
    status: {
      capacity: allocatable,
      allocatable,
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          reason: 'KubeletHasSufficientMemory',
        },
        opts.ready === false
          ? {
              type: 'Ready',
              status: 'Unknown',
              reason: 'NodeStatusUnknown',
              message: 'Kubelet stopped posting node status.',
            }
          : {
              type: 'Ready',
              status: 'True',
              reason: 'KubeletReady',
              message: 'kubelet is posting ready status',
            },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.34.2',
        containerRuntimeVersion: 'containerd://1.7.24',
      },
    },
  };
}

export function pod(
  name: string,
  opts: {
    namespace?: string;
    phase?: string;
    labels?: Record<string, string>;
    requests?: Record<string, string>;
    nodeName?: string;
    scheduledMessage?: string;
    crashLoop?: boolean;
    owner?: string;
  } = {},
): KubeObject {
  const phase = opts.phase ?? 'Running';
  const conditions: any[] = [];
  if (opts.scheduledMessage) {
    conditions.push({
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message: opts.scheduledMessage,
    });
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: opts.namespace ?? 'default',
      labels: opts.labels ?? {},
      ownerReferences: opts.owner
        ? [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: opts.owner,
              uid: 'u',
              controller: true,
            },
          ]
        : undefined,
      creationTimestamp: '2025-01-01T00:00:00Z',
    },
    spec: {
      nodeName: phase === 'Pending' ? undefined : opts.nodeName ?? 'node-1',
      containers: [
        {
          name: 'main',
          image: 'quay.io/jupyterhub/k8s-hub:4.0.0',
          resources: opts.requests ? { requests: opts.requests } : {},
        },
      ],
    },
    status: {
      phase,
      conditions,
      containerStatuses: opts.crashLoop
        ? [
            {
              name: 'main',
              ready: false,
              restartCount: 7,
              state: {
                waiting: {
                  reason: 'CrashLoopBackOff',
                  message: 'back-off 5m0s restarting failed container',
                },
              },
            },
          ]
        : undefined,
    },
  };
}

export function failedSchedulingEvent(
  podName: string,
  message: string,
  namespace = 'default',
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${podName}.17f2a`, namespace },
    involvedObject: { kind: 'Pod', name: podName, namespace, apiVersion: 'v1' },
    reason: 'FailedScheduling',
    message,
    type: 'Warning',
    source: { component: 'default-scheduler' },
  };
}

export function pvc(
  name: string,
  opts: {
    phase?: string;
    storageClassName?: string;
    accessModes?: string[];
  } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'jhub' },
    spec: {
      accessModes: opts.accessModes ?? ['ReadWriteOnce'],
      resources: { requests: { storage: '10Gi' } },
      ...(opts.storageClassName
        ? { storageClassName: opts.storageClassName }
        : {}),
    },
    status: { phase: opts.phase ?? 'Bound' },
  };
}

export function storageClass(name: string, isDefault: boolean): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name,
      annotations: isDefault
        ? { 'storageclass.kubernetes.io/is-default-class': 'true' }
        : {},
    },
    provisioner: 'cinder.csi.openstack.org',
  };
}

export function service(
  name: string,
  type: string,
  address?: string,
  labels: Record<string, string> = {
    app: 'jupyterhub',
    component: 'proxy-public',
  },
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'jhub', labels },
    spec: { type, ports: [{ port: 80, targetPort: 8000, protocol: 'TCP' }] },
    status: { loadBalancer: address ? { ingress: [{ ip: address }] } : {} },
  };
}

export function ingress(name: string, address?: string): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'binder' },
    spec: { rules: [{ host: 'binder.example.org' }] },
    status: { loadBalancer: address ? { ingress: [{ ip: address }] } : {} },
  };
}

export function deployment(
  name: string,
  opts: {
    namespace?: string;
    labels?: Record<string, string>;
    replicas?: number;
    ready?: number;
  } = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: opts.namespace ?? 'jhub',
      labels: opts.labels ?? {},
    },
    spec: {
      replicas: opts.replicas ?? 1,
      selector: { matchLabels: opts.labels ?? {} },
    },
    status: {
      replicas: opts.replicas ?? 1,
      readyReplicas: opts.ready ?? opts.replicas ?? 1,
    },
  };
}

export function hpa(name: string, target: string): KubeObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, namespace: 'science' },
    spec: {
      scaleTargetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: target,
      },
      minReplicas: 2,
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
    status: { currentReplicas: 2, desiredReplicas: 2 },
  };
}
