import { evaluateInsights } from './rules';
import {
  deployment,
  failedSchedulingEvent,
  hpa,
  ingress,
  node,
  pod,
  pvc,
  service,
  storageClass,
} from './__fixtures__/objects';

const readyNodes = [node('js2-demo-worker-1'), node('js2-demo-worker-2')];

function byRule(insights: ReturnType<typeof evaluateInsights>, ruleId: string) {
  return insights.filter(i => i.ruleId === ruleId);
}

describe('evaluateInsights', () => {
  it('finds nothing in a healthy cluster', () => {
    const insights = evaluateInsights({
      cluster: 'c',
      objects: {
        nodes: readyNodes,
        pods: [pod('web-1')],
        storageClasses: [storageClass('default', true)],
        persistentVolumeClaims: [pvc('data')],
        services: [service('web', 'ClusterIP', undefined, { app: 'web' })],
      },
    });
    expect(insights).toEqual([]);
  });

  it.each([
    ['unauthorized', '401'],
    ['forbidden', '403'],
  ] as const)('points a %s cluster to zonca-credentials', (reason, code) => {
    const [insight] = evaluateInsights({
      cluster: 'js2-demo',
      clusterError: { reason, message: 'no' },
      objects: {},
    });
    expect(insight).toMatchObject({
      ruleId: 'cluster-credentials',
      guideId: 'zonca-credentials',
      severity: 'error',
      cluster: 'js2-demo',
    });
    expect(insight.reason).toContain(code);
  });

  it('does not blame credentials for an unreachable cluster', () => {
    const insights = evaluateInsights({
      clusterError: { reason: 'unreachable', message: 'connect ECONNREFUSED' },
      objects: {},
    });
    expect(byRule(insights, 'cluster-credentials')).toEqual([]);
  });

  it('explains a Pending PVC whose StorageClass does not exist', () => {
    const [insight] = byRule(
      evaluateInsights({
        objects: {
          persistentVolumeClaims: [
            pvc('hub-db-dir', {
              phase: 'Pending',
              storageClassName: 'fast-ssd',
            }),
          ],
          storageClasses: [storageClass('default', true)],
        },
      }),
      'pvc-pending',
    );
    expect(insight.guideId).toBe('k8s-volumes');
    expect(insight.reason).toContain('"fast-ssd" does not exist');
    expect(insight.reason).toContain('k8s-manila');
    expect(insight.objects).toEqual([
      { kind: 'PersistentVolumeClaim', namespace: 'jhub', name: 'hub-db-dir' },
    ]);
  });

  it('explains a Pending PVC without class when the cluster has no default StorageClass', () => {
    const insights = evaluateInsights({
      objects: {
        persistentVolumeClaims: [
          pvc('shared', { phase: 'Pending', accessModes: ['ReadWriteMany'] }),
        ],
        storageClasses: [storageClass('cinder', false)],
      },
    });
    const [pending] = byRule(insights, 'pvc-pending');
    expect(pending.reason).toContain('no default StorageClass');
    expect(pending.reason).toContain('ReadWriteMany');
    const [noDefault] = byRule(insights, 'no-default-storage-class');
    expect(noDefault.guideId).toBe('k8s-volumes');
    expect(noDefault.reason).toContain('cinder');
  });

  it('ignores bound PVCs and does not judge storage classes for one entity', () => {
    const insights = evaluateInsights({
      scope: 'entity',
      objects: { persistentVolumeClaims: [pvc('ok')], storageClasses: [] },
    });
    expect(insights).toEqual([]);
  });

  it('sends pods short of GPUs to k8s-gpu, from the scheduler event', () => {
    const p = pod('train-0', {
      namespace: 'ml',
      phase: 'Pending',
      requests: { 'nvidia.com/gpu': '1' },
    });
    const [insight] = evaluateInsights({
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
  });

  it('sends GPU requests on a cluster without GPU nodes to k8s-gpu', () => {
    const p = pod('train-0', {
      namespace: 'ml',
      phase: 'Pending',
      requests: { 'nvidia.com/gpu': '1' },
    });
    const [insight] = evaluateInsights({
      objects: { pods: [p], nodes: readyNodes },
    });
    expect(insight.guideId).toBe('k8s-gpu');
    expect(insight.reason).toContain('no node of the cluster offers GPUs');
  });

  it('sends pods short of CPU or memory to k8s-magnum, from the PodScheduled condition', () => {
    const p = pod('worker-7', {
      phase: 'Pending',
      requests: { cpu: '16' },
      scheduledMessage:
        '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available.',
    });
    const [insight] = evaluateInsights({
      objects: { pods: [p], nodes: readyNodes },
    });
    expect(insight).toMatchObject({
      ruleId: 'insufficient-cpu-memory',
      guideId: 'k8s-magnum',
    });
    expect(insight.title).toContain('CPU');
    expect(insight.reason).toContain('autoscaler');
  });

  it('leaves a freshly Pending pod without scheduler messages alone', () => {
    const insights = evaluateInsights({
      objects: { pods: [pod('new', { phase: 'Pending' })], nodes: readyNodes },
    });
    expect(insights).toEqual([]);
  });

  it('sends NotReady and cordoned nodes to zonca-softscale', () => {
    const [insight] = evaluateInsights({
      objects: {
        nodes: [
          node('a', { ready: false }),
          node('b', { unschedulable: true }),
          node('c'),
        ],
      },
    });
    expect(insight).toMatchObject({
      ruleId: 'node-not-ready',
      guideId: 'zonca-softscale',
      severity: 'error',
    });
    expect(insight.objects.map(o => o.name)).toEqual(['a', 'b']);
    expect(insight.reason).toContain('NotReady');
    expect(insight.reason).toContain('cordoned');
  });

  it('for an entity, judges only the nodes its pods run on', () => {
    const nodes = [node('a', { ready: false }), node('b')];
    const onB = evaluateInsights({
      scope: 'entity',
      objects: { pods: [pod('x', { nodeName: 'b' })] },
      clusterWide: { nodes },
    });
    expect(onB).toEqual([]);
    const onA = evaluateInsights({
      scope: 'entity',
      objects: { pods: [pod('x', { nodeName: 'a' })] },
      clusterWide: { nodes },
    });
    expect(onA.map(i => i.ruleId)).toEqual(['node-not-ready']);
  });

  it('sends LoadBalancer Services and Ingresses without address to k8s-magnum', () => {
    const [insight] = evaluateInsights({
      objects: {
        services: [
          service('proxy-public', 'LoadBalancer'),
          service('ok', 'LoadBalancer', '149.165.1.2'),
        ],
        ingresses: [ingress('binder'), ingress('served', '149.165.1.3')],
      },
    });
    expect(insight).toMatchObject({
      ruleId: 'no-external-address',
      guideId: 'k8s-magnum',
    });
    expect(insight.objects).toEqual([
      { kind: 'Service', namespace: 'jhub', name: 'proxy-public' },
      { kind: 'Ingress', namespace: 'binder', name: 'binder' },
    ]);
    expect(insight.reason).toContain('Octavia');
  });

  it('sends CrashLoopBackOff pods to k8s-manage-apps', () => {
    const [insight] = evaluateInsights({
      objects: { pods: [pod('api-1', { crashLoop: true })] },
    });
    expect(insight).toMatchObject({
      ruleId: 'crash-loop',
      guideId: 'k8s-manage-apps',
      severity: 'error',
    });
    expect(insight.reason).toContain('restarted 7 times');
  });

  it('recognises JupyterHub and BinderHub workloads (info)', () => {
    const insights = evaluateInsights({
      objects: {
        deployments: [
          deployment('hub', {
            labels: { app: 'jupyterhub', component: 'hub' },
          }),
          deployment('binder', {
            labels: { 'app.kubernetes.io/name': 'binderhub' },
          }),
          deployment('other', { labels: { app: 'web' } }),
        ],
        pods: [
          pod('hub-abc', {
            labels: { app: 'jupyterhub', component: 'hub' },
            owner: 'hub-abc',
          }),
        ],
      },
    });
    const [jhub] = byRule(insights, 'jupyterhub-workload');
    expect(jhub).toMatchObject({
      guideId: 'zonca-jupyterhub',
      severity: 'info',
    });
    expect(jhub.objects).toEqual([
      { kind: 'Deployment', namespace: 'jhub', name: 'hub' },
    ]);
    const [binder] = byRule(insights, 'binderhub-workload');
    expect(binder).toMatchObject({
      guideId: 'k8s-binderhub',
      severity: 'info',
    });
  });

  it('notes HPAs with their target (info)', () => {
    const [insight] = evaluateInsights({
      objects: { horizontalPodAutoscalers: [hpa('api', 'science-api')] },
    });
    expect(insight).toMatchObject({
      ruleId: 'hpa-present',
      guideId: 'k8s-manage-apps',
      severity: 'info',
    });
    expect(insight.reason).toContain('Deployment science-api between 2 and 10');
  });

  it('orders errors first and caps the objects listed', () => {
    const crashing = Array.from({ length: 30 }, (_, i) =>
      pod(`p${i}`, { crashLoop: true }),
    );
    const insights = evaluateInsights({
      objects: { pods: crashing, horizontalPodAutoscalers: [hpa('a', 'b')] },
    });
    expect(insights.map(i => i.severity)).toEqual(['error', 'info']);
    expect(insights[0].objects).toHaveLength(20);
    expect(insights[0].title).toBe('30 Pods in CrashLoopBackOff');
  });
});

describe('insight rules and the catalogue', () => {
  it('name only guides and concepts that exist', () => {
    // Imported here so a renamed guide or concept breaks this test, not the portal.
    const { getGuide, getConcept } = require('../catalogue');
    const insights = evaluateInsights({
      clusterError: { reason: 'forbidden', message: 'x' },
      objects: {
        nodes: [node('a', { ready: false })],
        pods: [
          pod('c', { crashLoop: true }),
          pod('g', { phase: 'Pending', requests: { 'nvidia.com/gpu': '1' } }),
          pod('m', {
            phase: 'Pending',
            scheduledMessage: '0/1 nodes are available: 1 Insufficient memory.',
          }),
        ],
        persistentVolumeClaims: [pvc('p', { phase: 'Pending' })],
        storageClasses: [],
        services: [service('lb', 'LoadBalancer')],
        horizontalPodAutoscalers: [hpa('h', 'd')],
        deployments: [
          deployment('b', {
            labels: { 'app.kubernetes.io/name': 'binderhub' },
          }),
        ],
      },
    });
    expect(new Set(insights.map(i => i.ruleId)).size).toBe(11);
    for (const insight of insights) {
      expect([insight.ruleId, Boolean(getGuide(insight.guideId))]).toEqual([
        insight.ruleId,
        true,
      ]);
      for (const id of insight.conceptIds) {
        expect([insight.ruleId, id, Boolean(getConcept(id))]).toEqual([
          insight.ruleId,
          id,
          true,
        ]);
      }
    }
  });
});
