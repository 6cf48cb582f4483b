import {
  resourceByKey,
  type KubeObject,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { createSharedValues } from './sharedValues';
import { trimObject } from './trimObject';

const def = (key: string) => resourceByKey(key)!;

/** A pod as the API server sends it (one replica of web-7d9f), with the fields readers never use. */
function replica(name: string, node: string): any {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'shop',
      generateName: 'web-7d9f-',
      uid: `uid-${name}`,
      resourceVersion: '12',
      creationTimestamp: '2026-12-01T10:00:00Z',
      labels: { app: 'web', 'pod-template-hash': '7d9f' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web-7d9f',
          uid: 'rs',
          controller: true,
        },
      ],
      managedFields: [{ manager: 'kube-controller-manager' }],
    },
    spec: {
      nodeName: node,
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          resources: { requests: { cpu: '100m' } },
          volumeMounts: [
            { name: 'data', mountPath: '/data' },
            {
              name: `kube-api-access-${name}`,
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
              readOnly: true,
            },
          ],
        },
      ],
      volumes: [
        { name: 'data', persistentVolumeClaim: { claimName: 'web-data' } },
        {
          name: `kube-api-access-${name}`,
          projected: { sources: [{ serviceAccountToken: { path: 'token' } }] },
        },
      ],
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists' }],
    },
    status: {
      phase: 'Running',
      podIP: '10.0.0.1',
      hostIPs: [{ ip: '127.0.0.1' }],
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          lastProbeTime: null,
          lastTransitionTime: '2026-12-01T10:00:05Z',
        },
      ],
      containerStatuses: [
        {
          name: 'web',
          image: 'nginx:1.27',
          imageID: 'nginx@sha256:abc',
          containerID: `containerd://${name}`,
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: '2026-12-01T10:00:04Z' } },
          lastState: {},
          allocatedResources: { cpu: '100m' },
        },
      ],
    },
  };
}

describe('trimObject', () => {
  it('keeps what readers use of a pod and drops the token volume, bookkeeping and runtime ids', () => {
    const pod = trimObject(
      def('pods'),
      replica('web-1', 'n1'),
      createSharedValues(),
    );
    expect(pod).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-1',
        namespace: 'shop',
        uid: 'uid-web-1',
        resourceVersion: '12',
        creationTimestamp: '2026-12-01T10:00:00Z',
        labels: { app: 'web', 'pod-template-hash': '7d9f' },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: 'web-7d9f',
            uid: 'rs',
            controller: true,
          },
        ],
      },
      spec: {
        nodeName: 'n1',
        containers: [
          {
            name: 'web',
            image: 'nginx:1.27',
            resources: { requests: { cpu: '100m' } },
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
          },
        ],
        volumes: [
          { name: 'data', persistentVolumeClaim: { claimName: 'web-data' } },
        ],
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists' }],
      },
      status: {
        phase: 'Running',
        podIP: '10.0.0.1',
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            lastTransitionTime: '2026-12-01T10:00:05Z',
          },
        ],
        containerStatuses: [
          {
            name: 'web',
            image: 'nginx:1.27',
            ready: true,
            started: true,
            restartCount: 0,
            state: { running: { startedAt: '2026-12-01T10:00:04Z' } },
            lastState: {},
          },
        ],
      },
    });
  });

  it('stores what the replicas of one template have in common once per cluster', () => {
    const shared = createSharedValues();
    const a: any = trimObject(def('pods'), replica('web-1', 'n1'), shared);
    const b: any = trimObject(def('pods'), replica('web-2', 'n2'), shared);
    expect(b.spec.containers).toBe(a.spec.containers);
    expect(b.spec.volumes).toBe(a.spec.volumes);
    expect(b.metadata.labels).toBe(a.metadata.labels);
    expect(b.metadata.ownerReferences).toBe(a.metadata.ownerReferences);
    expect(b.status.conditions[0]).toBe(a.status.conditions[0]);
    expect(b.spec.nodeName).toBe('n2');
    // another cluster shares nothing with this one
    const elsewhere: any = trimObject(
      def('pods'),
      replica('web-3', 'n1'),
      createSharedValues(),
    );
    expect(elsewhere.spec.containers).not.toBe(a.spec.containers);
    expect(elsewhere.spec.containers).toEqual(a.spec.containers);
  });

  it('keeps of an event what the event list, the rules and the index read', () => {
    const event = trimObject(
      def('events'),
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: {
          name: 'web-1.abc',
          namespace: 'shop',
          uid: 'e1',
          resourceVersion: '7',
          creationTimestamp: '2026-12-01T10:00:01Z',
        },
        involvedObject: {
          apiVersion: 'v1',
          kind: 'Pod',
          namespace: 'shop',
          name: 'web-1',
          uid: 'uid-web-1',
          fieldPath: 'spec.containers{web}',
        },
        reason: 'BackOff',
        message: 'Back-off restarting failed container',
        type: 'Warning',
        count: 4,
        firstTimestamp: '2026-12-01T10:00:01Z',
        lastTimestamp: '2026-12-01T10:05:00Z',
        source: { component: 'kubelet' },
        reportingComponent: 'kubelet',
      } as KubeObject,
      createSharedValues(),
    );
    expect(event).toEqual({
      kind: 'Event',
      metadata: {
        name: 'web-1.abc',
        namespace: 'shop',
        resourceVersion: '7',
        creationTimestamp: '2026-12-01T10:00:01Z',
      },
      involvedObject: { kind: 'Pod', namespace: 'shop', name: 'web-1' },
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container',
      count: 4,
      lastTimestamp: '2026-12-01T10:05:00Z',
    });
  });

  it('keeps everything of a kind without a table of its own but the metadata bookkeeping', () => {
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'web',
        namespace: 'shop',
        uid: 's',
        managedFields: [{}],
        selfLink: '/x',
      },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
      status: { loadBalancer: {} },
    } as KubeObject;
    expect(trimObject(def('services'), service, createSharedValues())).toEqual({
      metadata: { name: 'web', namespace: 'shop', uid: 's' },
      apiVersion: 'v1',
      kind: 'Service',
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
      status: { loadBalancer: {} },
    });
  });

  it("drops a node's image list, nothing else of its status", () => {
    const node = trimObject(
      def('nodes'),
      {
        kind: 'Node',
        metadata: { name: 'n1' },
        status: {
          capacity: { cpu: '8' },
          images: [{ names: ['nginx'], sizeBytes: 1 }],
          nodeInfo: { kubeletVersion: 'v1.34.4' },
        },
      } as KubeObject,
      createSharedValues(),
    );
    expect(node.status).toEqual({
      capacity: { cpu: '8' },
      nodeInfo: { kubeletVersion: 'v1.34.4' },
    });
  });

  it('never turns an own field named like an Object method into something else', () => {
    const odd = trimObject(
      def('configMaps'),
      {
        kind: 'ConfigMap',
        metadata: { name: 'c' },
        constructor: 'x',
        toString: 'y',
      } as any,
      createSharedValues(),
    );
    expect(odd).toMatchObject({ constructor: 'x', toString: 'y' });
  });
});
