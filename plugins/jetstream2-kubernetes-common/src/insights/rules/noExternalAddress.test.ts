import { ingress, service } from '../__fixtures__/objects';
import { evaluateInsights } from './index';

const web = { app: 'web' };

describe('noExternalAddress rule', () => {
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
    expect(insight.conceptIds).toEqual(['load-balancer', 'service', 'ingress']);
  });

  it('names only the kinds that lack an address', () => {
    const [insight] = evaluateInsights({
      objects: { ingresses: [ingress('binder')] },
    });
    expect(insight).toMatchObject({
      severity: 'warning',
      title: '1 Ingress without an address',
      conceptIds: ['load-balancer', 'ingress'],
    });
    expect(insight.reason).toContain('binder/binder has no address');
  });

  it('ignores Services that are not LoadBalancers and addressed ones', () => {
    const addressed = service('by-name', 'LoadBalancer', undefined, web);
    addressed.status = {
      loadBalancer: { ingress: [{ hostname: 'lb.example.org' }] },
    };
    expect(
      evaluateInsights({
        objects: {
          services: [
            service('internal', 'ClusterIP', undefined, web),
            service('port', 'NodePort', undefined, web),
            addressed,
          ],
          ingresses: [ingress('served', '149.165.1.3')],
        },
      }),
    ).toEqual([]);
  });
});
