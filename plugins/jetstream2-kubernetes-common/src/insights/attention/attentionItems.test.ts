import {
  clusterView,
  crashLoopStatus,
  deploymentPod,
  row,
  warning,
} from '../__fixtures__/views';
import { attentionItems } from './attentionItems';

describe('attentionItems', () => {
  it('names a crash-looping workload once, with its pod and container for the log', () => {
    const worker = deploymentPod('worker', 'science', crashLoopStatus);
    const pod = {
      kind: 'Pod',
      namespace: 'science',
      name: worker.pod.metadata!.name!,
    };
    const items = attentionItems({
      clusters: [
        clusterView({ pods: [worker.pod], replicasets: [worker.replicaSet] }),
      ],
      workloads: [
        row('Deployment', 'science', 'api', 'ok', '3/3 ready'),
        row('Deployment', 'science', 'worker', 'error', '0/1 ready'),
      ],
      events: [
        warning(pod, 'BackOff', 'Back-off restarting failed container', 14),
      ],
    });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      severity: 'error',
      cluster: 'js2-demo',
      object: { kind: 'Deployment', namespace: 'science', name: 'worker' },
      problem: 'keeps crashing: restarted 14 times',
      logs: {
        pod: pod.name,
        namespace: 'science',
        container: 'worker',
        restarts: 14,
      },
      guideId: 'k8s-debug-pods',
      event: { reason: 'BackOff', count: 14 },
    });
    expect(items[0].related).toEqual([
      { kind: 'Deployment', namespace: 'science', name: 'worker' },
      pod,
    ]);
  });

  it('puts a workload that waits for a pending claim under the claim, which names the missing StorageClass', () => {
    const hub = deploymentPod(
      'hub',
      'jhub',
      {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message:
              '0/5 nodes are available: pod has unbound immediate PersistentVolumeClaims. not found',
          },
        ],
      },
      {
        volumes: [
          { name: 'db', persistentVolumeClaim: { claimName: 'hub-db-dir' } },
        ],
      },
    );
    const claim = {
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'hub-db-dir', namespace: 'jhub' },
      spec: { storageClassName: 'cinder-csi' },
      status: { phase: 'Pending' },
    };
    const items = attentionItems({
      clusters: [
        clusterView({
          pods: [hub.pod],
          replicasets: [hub.replicaSet],
          persistentvolumeclaims: [claim],
          services: [],
        }),
      ],
      workloads: [
        row('Deployment', 'jhub', 'hub', 'error', '0/1 ready'),
        row(
          'Service',
          'jhub',
          'proxy-public',
          'warning',
          'LoadBalancer without address',
        ),
        row(
          'PersistentVolumeClaim',
          'jhub',
          'hub-db-dir',
          'warning',
          'Pending',
        ),
      ],
      events: [
        warning(
          {
            kind: 'PersistentVolumeClaim',
            namespace: 'jhub',
            name: 'hub-db-dir',
          },
          'ProvisioningFailed',
          'storageclass.storage.k8s.io "cinder-csi" not found',
          13,
        ),
      ],
    });
    expect(items.map(i => [i.severity, i.object.name, i.problem])).toEqual([
      [
        'error',
        'hub-db-dir',
        'is waiting for storage: the StorageClass "cinder-csi" does not exist',
      ],
      ['warning', 'proxy-public', 'has no external address'],
    ]);
    expect(items[0]).toMatchObject({
      blocks: [{ kind: 'Deployment', namespace: 'jhub', name: 'hub' }],
      event: { reason: 'ProvisioningFailed', count: 13 },
      guideId: 'k8s-volumes',
    });
    expect(items[0].related.map(r => r.kind)).toEqual([
      'PersistentVolumeClaim',
      'Deployment',
      'Pod',
    ]);
    expect(items[1]).toMatchObject({
      guideId: 'k8s-external-address',
      detail: expect.stringContaining(
        'no load balancer has given it an address',
      ),
    });
  });

  it('sends a pod waiting for a GPU to the GPU guide with the scheduler event, its repeats added up', () => {
    const trainer = deploymentPod('trainer-large', 'ml', { phase: 'Pending' });
    const pod = {
      kind: 'Pod',
      namespace: 'ml',
      name: trainer.pod.metadata!.name!,
    };
    const message = '0/5 nodes are available: 4 Insufficient nvidia.com/gpu.';
    const [item] = attentionItems({
      clusters: [
        clusterView({ pods: [trainer.pod], replicasets: [trainer.replicaSet] }),
      ],
      workloads: [
        row('Deployment', 'ml', 'trainer-large', 'error', '0/1 ready'),
      ],
      events: [
        warning(pod, 'FailedScheduling', message, 2, '2026-01-01T10:00:00Z'),
        warning(pod, 'FailedScheduling', message, 1, '2026-01-01T10:05:00Z'),
      ],
    });
    expect(item).toMatchObject({
      problem: 'is waiting for a GPU',
      guideId: 'k8s-gpu',
      event: { reason: 'FailedScheduling', message, count: 3, records: 2 },
    });
    expect(item.logs).toBeUndefined();
  });

  it('lists nothing for healthy, finished or starting workloads', () => {
    expect(
      attentionItems({
        clusters: [clusterView({ pods: [] })],
        workloads: [
          row('Deployment', 'a', 'api', 'ok', '3/3 ready'),
          row('Job', 'a', 'prepare', 'done', 'Completed'),
          row('Deployment', 'a', 'new', 'progressing', '1/3 ready'),
        ],
      }),
    ).toEqual([]);
    expect(attentionItems({})).toEqual([]);
  });

  it('falls back to the row and its latest warning when no pod says what is wrong', () => {
    const [item] = attentionItems({
      clusters: [clusterView({ pods: [] })],
      workloads: [row('Deployment', 'a', 'api', 'error', '0/2 ready')],
      events: [
        warning(
          { kind: 'Deployment', namespace: 'a', name: 'api' },
          'FailedCreate',
          'exceeded quota: compute-resources',
        ),
      ],
    });
    expect(item).toMatchObject({
      problem: 'is not ready: 0/2 ready',
      event: { reason: 'FailedCreate' },
      detail: undefined,
    });
  });

  it('makes one item per cluster a workload fails on, errors first', () => {
    const a = deploymentPod('worker', 'science', crashLoopStatus);
    const items = attentionItems({
      clusters: [
        clusterView({ pods: [a.pod], replicasets: [a.replicaSet] }, 'one'),
        clusterView({ pods: [], ingresses: [] }, 'two'),
      ],
      workloads: [
        row('Ingress', 'web', 'site', 'warning', 'No address', ['two']),
        row('Deployment', 'science', 'worker', 'error', '0/1 ready', [
          'one',
          'two',
        ]),
      ],
    });
    expect(items.map(i => [i.cluster, i.object.name, i.severity])).toEqual([
      ['one', 'worker', 'error'],
      ['two', 'worker', 'error'],
      ['two', 'site', 'warning'],
    ]);
    expect(items[1].problem).toBe('is not ready: 0/1 ready');
  });
});
