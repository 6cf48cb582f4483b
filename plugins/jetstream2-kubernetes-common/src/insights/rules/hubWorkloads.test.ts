import { deployment, pod, service } from '../__fixtures__/objects';
import { evaluateInsights } from './index';

describe('hubWorkloads rule', () => {
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
    const [jhub] = insights.filter(i => i.ruleId === 'jupyterhub-workload');
    expect(jhub).toMatchObject({
      guideId: 'zonca-jupyterhub',
      severity: 'info',
    });
    expect(jhub.objects).toEqual([
      { kind: 'Deployment', namespace: 'jhub', name: 'hub' },
    ]);
    const [binder] = insights.filter(i => i.ruleId === 'binderhub-workload');
    expect(binder).toMatchObject({
      guideId: 'k8s-binderhub',
      severity: 'info',
    });
  });

  it('lists bare pods and services with hub labels, by kind', () => {
    const [jhub] = evaluateInsights({
      objects: {
        pods: [pod('hub-0', { labels: { component: 'hub' } })],
        services: [service('proxy-public', 'ClusterIP')],
      },
    });
    expect(jhub.ruleId).toBe('jupyterhub-workload');
    expect(jhub.objects).toEqual([
      { kind: 'Pod', namespace: 'default', name: 'hub-0' },
      { kind: 'Service', namespace: 'jhub', name: 'proxy-public' },
    ]);
    expect(jhub.reason).toContain(
      'default/hub-0, jhub/proxy-public carry JupyterHub labels',
    );
  });

  it('does not take another app\u2019s hub component for JupyterHub', () => {
    expect(
      evaluateInsights({
        objects: {
          deployments: [
            deployment('hub', { labels: { app: 'grafana', component: 'hub' } }),
            deployment('web', { labels: { app: 'web' } }),
          ],
        },
      }),
    ).toEqual([]);
  });
});
