import { crashLoopStatus } from '../__fixtures__/views';
import type { KubeObject } from '../kube';
import { describePodProblem, diagnosePod } from './diagnosePod';

const pod = (status: any, spec: any = {}): KubeObject => ({
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'n' },
  spec: { containers: [{ name: 'main', image: 'ghcr.io/x/app:2' }], ...spec },
  status,
});

const waiting = (reason: string, extra: any = {}) => ({
  phase: 'Pending',
  containerStatuses: [
    {
      name: 'main',
      ready: false,
      restartCount: 0,
      state: { waiting: { reason, ...extra } },
    },
  ],
});

describe('diagnosePod', () => {
  it('reads a crash loop, and a memory kill behind one', () => {
    const crash = diagnosePod(pod(crashLoopStatus))!;
    expect(crash).toEqual({
      type: 'crash-loop',
      container: 'worker',
      restarts: 14,
    });
    expect(describePodProblem(crash)).toBe(
      'keeps crashing: restarted 14 times',
    );

    const status = structuredClone(crashLoopStatus);
    status.containerStatuses[0].lastState.terminated.reason = 'OOMKilled';
    status.containerStatuses[0].restartCount = 1;
    const oom = diagnosePod(pod(status))!;
    expect(describePodProblem(oom)).toBe(
      'runs out of memory: killed and restarted once',
    );
  });

  it('names the image that cannot be pulled and the container that cannot start', () => {
    const image = diagnosePod(pod(waiting('ImagePullBackOff')))!;
    expect(describePodProblem(image)).toBe(
      'cannot pull its image ghcr.io/x/app:2',
    );
    const config = diagnosePod(
      pod(
        waiting('CreateContainerConfigError', {
          message: 'secret "db" not found',
        }),
      ),
    );
    expect(config).toEqual({
      type: 'cannot-start',
      container: 'main',
      message: 'secret "db" not found',
    });
  });

  it('reads what the scheduler lacks from its message, and the claims it waits for', () => {
    const pending = pod(
      { phase: 'Pending' },
      {
        volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }],
      },
    );
    const read = (m: string) => describePodProblem(diagnosePod(pending, m)!);
    expect(read('0/5 nodes: 4 Insufficient nvidia.com/gpu.')).toBe(
      'is waiting for a GPU',
    );
    expect(read('0/3 nodes: 3 Insufficient cpu, 1 Insufficient memory.')).toBe(
      'is waiting for CPU and memory',
    );
    expect(read('0/3 nodes: 3 Insufficient memory.')).toBe(
      'is waiting for memory',
    );
    expect(
      read(
        '0/5 nodes are available: pod has unbound immediate PersistentVolumeClaims.',
      ),
    ).toBe('is waiting for its storage claim data');
    expect(read('0/3 nodes: 3 node(s) had untolerated taint(s).')).toBe(
      'cannot be placed on any node',
    );
  });

  it('leaves alone pods that run, finished, or are on their way', () => {
    const running = {
      phase: 'Running',
      containerStatuses: [
        { name: 'main', ready: true, restartCount: 0, state: { running: {} } },
      ],
    };
    expect(diagnosePod(pod(running))).toBeUndefined();
    expect(diagnosePod(pod({ phase: 'Succeeded' }))).toBeUndefined();
    expect(
      diagnosePod(pod(waiting('ContainerCreating'), { nodeName: 'node-1' })),
    ).toBeUndefined();
    // pending without a word from the scheduler yet: on its way
    expect(diagnosePod(pod({ phase: 'Pending' }))).toBeUndefined();
  });

  it('reads a failed run with its exit code', () => {
    const failed = diagnosePod(
      pod({
        phase: 'Failed',
        containerStatuses: [
          { name: 'main', state: { terminated: { exitCode: 2 } } },
        ],
      }),
    )!;
    expect(describePodProblem(failed)).toBe('failed with exit code 2');
  });
});
