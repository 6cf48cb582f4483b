// Real-shaped objects of a small cluster, for the cluster data service's tests.

const meta = (
  name: string,
  namespace: string,
  labels: Record<string, string> = {},
) => ({
  name,
  namespace,
  uid: `${namespace}-${name}`,
  labels,
  creationTimestamp: '2025-06-01T00:00:00Z',
  managedFields: [
    { manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:spec': {} } },
  ],
});

export function testClusterObjects() {
  const hubLabels = {
    app: 'jupyterhub',
    component: 'hub',
    'backstage.io/kubernetes-id': 'jupyterhub',
  };
  return {
    nodes: ['m3.medium', 'g3.large'].map((flavor, i) => ({
      metadata: {
        name: `js2-demo-node-${i}`,
        labels: {
          'node.kubernetes.io/instance-type': flavor,
          'node-role.kubernetes.io/worker': '',
        },
      },
      spec: {},
      status: {
        capacity: {
          cpu: '8',
          memory: '30Gi',
          ...(i === 1 ? { 'nvidia.com/gpu': '1' } : {}),
        },
        allocatable: {
          cpu: '7800m',
          memory: '29Gi',
          ...(i === 1 ? { 'nvidia.com/gpu': '1' } : {}),
        },
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
        nodeInfo: {
          kubeletVersion: 'v1.34.2',
          kubeProxyVersion: 'v1.34.2',
          containerRuntimeVersion: 'containerd://1.7.24',
          osImage: 'Ubuntu 22.04.5 LTS',
        },
      },
    })),
    namespaces: [
      { metadata: { name: 'default' } },
      { metadata: { name: 'jhub' } },
    ],
    pods: [
      {
        metadata: {
          ...meta('hub-5d9f-abcde', 'jhub', hubLabels),
          ownerReferences: [
            { kind: 'ReplicaSet', name: 'hub-5d9f', controller: true },
          ],
        },
        spec: {
          nodeName: 'js2-demo-node-0',
          containers: [
            {
              name: 'hub',
              resources: { requests: { cpu: '200m', memory: '512Mi' } },
            },
          ],
        },
        status: { phase: 'Running' },
      },
      {
        metadata: {
          ...meta('user-pod', 'jhub', {
            'backstage.io/kubernetes-id': 'jupyterhub',
          }),
          ownerReferences: [],
        },
        spec: {
          containers: [
            { name: 'notebook', resources: { requests: { cpu: '64' } } },
          ],
        },
        status: {
          phase: 'Pending',
          conditions: [
            {
              type: 'PodScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message: '0/2 nodes are available: 2 Insufficient cpu.',
            },
          ],
        },
      },
      {
        metadata: meta('other', 'default', { app: 'other' }),
        spec: {
          nodeName: 'js2-demo-node-1',
          containers: [
            {
              name: 'x',
              resources: { requests: { cpu: '1', 'nvidia.com/gpu': '1' } },
            },
          ],
        },
        status: { phase: 'Running' },
      },
    ],
    deployments: [
      {
        metadata: {
          ...meta('hub', 'jhub', hubLabels),
          annotations: {
            'kubectl.kubernetes.io/last-applied-configuration':
              '{"secret":"inline"}',
          },
        },
        spec: { replicas: 1 },
        status: { replicas: 1, readyReplicas: 1 },
      },
    ],
    services: [
      {
        metadata: meta('proxy-public', 'jhub', {
          app: 'jupyterhub',
          component: 'proxy-public',
          'backstage.io/kubernetes-id': 'jupyterhub',
        }),
        spec: { type: 'LoadBalancer' },
        status: { loadBalancer: {} },
      },
    ],
    storageClasses: [
      {
        metadata: {
          name: 'default',
          annotations: {
            'storageclass.kubernetes.io/is-default-class': 'true',
          },
        },
      },
    ],
    leases: [
      {
        metadata: { name: 'kube-scheduler', namespace: 'kube-system' },
        spec: {
          holderIdentity: 'cp_1234',
          leaseDurationSeconds: 15,
          renewTime: new Date().toISOString(),
        },
      },
    ],
  };
}
