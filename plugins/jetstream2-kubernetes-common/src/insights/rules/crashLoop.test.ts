import { pod } from '../__fixtures__/objects';
import { evaluateInsights } from './index';

describe('crashLoop rule', () => {
  it('sends CrashLoopBackOff pods to the guide on reading logs and debugging a crashing pod', () => {
    const [insight] = evaluateInsights({
      objects: { pods: [pod('api-1', { crashLoop: true })] },
    });
    expect(insight).toMatchObject({
      ruleId: 'crash-loop',
      guideId: 'k8s-debug-pods',
      severity: 'error',
      title: 'Pod api-1 keeps crashing',
    });
    expect(insight.reason).toContain('restarted 7 times');
    expect(insight.reason).toContain('default/api-1 keeps crashing');
    expect(insight.reason).toContain('log');
  });

  it('sees init containers crash too', () => {
    const p = pod('api-2', { phase: 'Pending' });
    p.status.initContainerStatuses = [
      {
        name: 'migrate',
        ready: false,
        restartCount: 3,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
      },
    ];
    const [insight] = evaluateInsights({ objects: { pods: [p] } });
    expect(insight.ruleId).toBe('crash-loop');
    expect(insight.reason).toContain('container "migrate" restarted 3 times');
  });

  it('leaves running pods and image pull errors alone', () => {
    const pulling = pod('api-3');
    pulling.status.containerStatuses = [
      {
        name: 'main',
        ready: false,
        restartCount: 0,
        state: { waiting: { reason: 'ImagePullBackOff' } },
      },
    ];
    expect(
      evaluateInsights({ objects: { pods: [pod('ok'), pulling] } }),
    ).toEqual([]);
  });
});
