import { failedSchedulingEvent, node, pod } from '../__fixtures__/objects';
import { evaluateInsights } from './index';
import { scheduling } from './scheduling';

/** The insights of this rule only (the registry also has rules about the same objects, e.g. idle capacity). */
const schedulingInsights = (input: Parameters<typeof evaluateInsights>[0]) =>
  evaluateInsights(input).filter(i => scheduling.ruleIds.includes(i.ruleId));

const readyNodes = [node('js2-demo-worker-1'), node('js2-demo-worker-2')];

describe('scheduling rule', () => {
  it('sends pods short of GPUs to k8s-gpu, from the scheduler event', () => {
    const p = pod('train-0', {
      namespace: 'ml',
      phase: 'Pending',
      requests: { 'nvidia.com/gpu': '1' },
    });
    const [insight] = schedulingInsights({
      objects: {
        pods: [p],
        nodes: [...readyNodes, node('gpu-1', { gpus: 1, flavor: 'g3.large' })],
        events: [
          failedSchedulingEvent(
            'train-0',
            '0/3 nodes are available: 1 Insufficient nvidia.com/gpu, 2 node(s) didn\u2019t match Pod\u2019s node affinity/selector.',
            'ml',
          ),
        ],
      },
    });
    expect(insight).toMatchObject({
      ruleId: 'gpu-unschedulable',
      guideId: 'k8s-gpu',
      severity: 'error',
    });
    expect(insight.reason).toContain('Insufficient nvidia.com/gpu');
    expect(insight.objects).toEqual([
      { kind: 'Pod', namespace: 'ml', name: 'train-0' },
    ]);
  });

  it('sends GPU requests on a cluster without GPU nodes to k8s-gpu', () => {
    const p = pod('train-0', {
      namespace: 'ml',
      phase: 'Pending',
      requests: { 'nvidia.com/gpu': '1' },
    });
    const [insight] = schedulingInsights({
      objects: { pods: [p], nodes: readyNodes },
    });
    expect(insight.guideId).toBe('k8s-gpu');
    expect(insight.reason).toContain('no node of the cluster offers GPUs');
  });

  it('waits for the scheduler when a GPU node exists, or when nodes are unknown', () => {
    const p = pod('train-0', {
      phase: 'Pending',
      requests: { 'nvidia.com/gpu': '1' },
    });
    expect(
      schedulingInsights({
        objects: { pods: [p], nodes: [node('gpu-1', { gpus: 1 })] },
      }),
    ).toEqual([]);
    expect(schedulingInsights({ objects: { pods: [p] } })).toEqual([]);
  });

  it('sends pods short of CPU or memory to k8s-magnum, from the PodScheduled condition', () => {
    const p = pod('worker-7', {
      phase: 'Pending',
      requests: { cpu: '16' },
      scheduledMessage:
        '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available.',
    });
    const [insight] = schedulingInsights({
      objects: { pods: [p], nodes: readyNodes },
    });
    expect(insight).toMatchObject({
      ruleId: 'insufficient-cpu-memory',
      guideId: 'k8s-magnum',
    });
    expect(insight.title).toContain('CPU');
    expect(insight.reason).toContain('autoscaler');
  });

  it('names both CPU and memory when both are short', () => {
    const [insight] = schedulingInsights({
      objects: {
        pods: [
          pod('a', {
            phase: 'Pending',
            scheduledMessage: '0/2 nodes are available: 2 Insufficient cpu.',
          }),
          pod('b', { phase: 'Pending' }),
        ],
        nodes: readyNodes,
        events: [
          failedSchedulingEvent(
            'b',
            '0/2 nodes are available: 2 Insufficient memory.',
          ),
        ],
      },
    });
    expect(insight).toMatchObject({
      ruleId: 'insufficient-cpu-memory',
      severity: 'warning',
      title: '2 Pods waiting for CPU and memory',
    });
  });

  it('leaves a freshly Pending pod without scheduler messages alone', () => {
    const insights = schedulingInsights({
      objects: { pods: [pod('new', { phase: 'Pending' })], nodes: readyNodes },
    });
    expect(insights).toEqual([]);
  });

  it('ignores running pods and pods being deleted, whatever old events say', () => {
    const running = pod('done', { requests: { 'nvidia.com/gpu': '1' } });
    const deleting = pod('gone', {
      phase: 'Pending',
      scheduledMessage: '0/2 nodes are available: 2 Insufficient cpu.',
    });
    deleting.metadata!.deletionTimestamp = '2025-01-01T00:01:00Z';
    expect(
      schedulingInsights({
        objects: {
          pods: [running, deleting],
          nodes: readyNodes,
          events: [
            failedSchedulingEvent(
              'done',
              '0/2 nodes are available: 2 Insufficient nvidia.com/gpu.',
            ),
          ],
        },
      }),
    ).toEqual([]);
  });
});
