import {
  isHealthyVerdict,
  nodeStatus,
  objectStatus,
  worseVerdict,
} from './status';
import { resourcePath, resourceRegistry, entityResources } from './registry';

const pod = (status: any, metadata: any = {}) => ({
  metadata: { name: 'p', namespace: 'n', ...metadata },
  status,
});

describe('objectStatus', () => {
  it('reads a finished pod and a complete Job as done, not as a fault', () => {
    const done = objectStatus('Pod', pod({ phase: 'Succeeded' }));
    expect(done).toEqual({
      state: 'Succeeded',
      text: 'Completed',
      verdict: 'done',
    });
    expect(isHealthyVerdict(done.verdict)).toBe(true);
    const job = objectStatus('Job', {
      status: { conditions: [{ type: 'Complete', status: 'True' }] },
    });
    expect(job.verdict).toBe('done');
  });

  it('puts a failed Job before anything else it reports', () => {
    const job = objectStatus('Job', {
      status: {
        conditions: [
          { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' },
        ],
      },
    });
    expect(job).toMatchObject({ state: 'Failed', verdict: 'error' });
    expect(job.text).toContain('BackoffLimitExceeded');
  });

  it('tells a crash loop, an unschedulable pod and a starting pod apart', () => {
    const crash = pod({
      phase: 'Running',
      containerStatuses: [
        {
          name: 'c',
          ready: false,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
        },
      ],
    });
    expect(objectStatus('Pod', crash)).toMatchObject({
      state: 'CrashLoopBackOff',
      verdict: 'error',
    });
    const unschedulable = pod({
      phase: 'Pending',
      conditions: [
        { type: 'PodScheduled', status: 'False', reason: 'Unschedulable' },
      ],
    });
    expect(objectStatus('Pod', unschedulable)).toMatchObject({
      state: 'Pending',
      verdict: 'warning',
    });
    expect(objectStatus('Pod', pod({ phase: 'Pending' })).verdict).toBe(
      'progressing',
    );
    expect(
      objectStatus('Pod', pod({ phase: 'Running' }, { deletionTimestamp: 'x' }))
        .state,
    ).toBe('Terminating');
  });

  it('counts ready replicas against wanted ones and says when a rollout is under way', () => {
    const deployment = (ready: number, replicas: number, extra: any = {}) => ({
      metadata: { generation: 1 },
      spec: { replicas },
      status: {
        readyReplicas: ready,
        updatedReplicas: replicas,
        observedGeneration: 1,
        ...extra,
      },
    });
    expect(objectStatus('Deployment', deployment(2, 2))).toEqual({
      state: 'Ready',
      text: '2/2 ready',
      verdict: 'ok',
    });
    expect(objectStatus('Deployment', deployment(1, 2)).verdict).toBe(
      'warning',
    );
    expect(objectStatus('Deployment', deployment(0, 2)).verdict).toBe('error');
    expect(
      objectStatus('Deployment', deployment(1, 2, { updatedReplicas: 1 }))
        .verdict,
    ).toBe('progressing');
    expect(objectStatus('Deployment', deployment(0, 0)).state).toBe(
      'Scaled to zero',
    );
  });

  it('judges services, ingresses and claims by what users wait for', () => {
    expect(
      objectStatus('Service', { spec: { type: 'LoadBalancer' } }).verdict,
    ).toBe('warning');
    expect(
      objectStatus('Service', {
        spec: { type: 'LoadBalancer' },
        status: { loadBalancer: { ingress: [{ ip: '10.0.0.5' }] } },
      }).text,
    ).toBe('LoadBalancer 10.0.0.5');
    expect(objectStatus('Ingress', {}).state).toBe('No address');
    expect(
      objectStatus('PersistentVolumeClaim', { status: { phase: 'Bound' } })
        .verdict,
    ).toBe('ok');
    expect(
      objectStatus('PersistentVolumeClaim', { status: { phase: 'Pending' } })
        .verdict,
    ).toBe('warning');
  });
});

describe('nodeStatus', () => {
  const node = (ready: string, unschedulable = false) => ({
    spec: { unschedulable },
    status: { conditions: [{ type: 'Ready', status: ready }] },
  });
  it('reads Ready, Cordoned and NotReady', () => {
    expect(nodeStatus(node('True'))).toMatchObject({
      text: 'Ready',
      verdict: 'ok',
    });
    expect(nodeStatus(node('True', true))).toMatchObject({
      text: 'Cordoned',
      verdict: 'warning',
    });
    expect(nodeStatus(node('Unknown'))).toMatchObject({
      text: 'NotReady',
      verdict: 'error',
    });
  });
});

describe('worseVerdict', () => {
  it('orders error, warning, progressing, ok, done', () => {
    expect(worseVerdict('ok', 'error')).toBe('error');
    expect(worseVerdict('done', 'ok')).toBe('ok');
    expect(worseVerdict('warning', 'progressing')).toBe('warning');
  });
});

describe('resourceRegistry', () => {
  it('has unique keys and builds API paths for core, grouped and one-namespace types', () => {
    const keys = resourceRegistry.map(d => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    const byKey = Object.fromEntries(resourceRegistry.map(d => [d.key, d]));
    expect(resourcePath(byKey.pods)).toBe('/api/v1/pods');
    expect(resourcePath(byKey.deployments)).toBe('/apis/apps/v1/deployments');
    expect(resourcePath(byKey.leases)).toBe(
      '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases',
    );
    expect(resourcePath(byKey.pods, 'science')).toBe(
      '/api/v1/namespaces/science/pods',
    );
  });
  it('serves every entity type under a distinct upstream FetchResponse type', () => {
    const types = entityResources.map(d => d.upstreamType);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toEqual(
      expect.arrayContaining(['pods', 'deployments', 'services']),
    );
  });
});
