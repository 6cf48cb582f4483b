import { ingress, service } from '../__fixtures__/objects';
import { evaluateInsights } from './index';

const web = { app: 'web' };

describe('noExternalAddress rule', () => {
  it('sends LoadBalancer Services and Ingresses without address to the checks before any new cluster', () => {
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
      guideId: 'k8s-external-address',
      title:
        '1 LoadBalancer Service without an external address and 1 Ingress without an address',
    });
    expect(insight.objects).toEqual([
      { kind: 'Service', namespace: 'jhub', name: 'proxy-public' },
      { kind: 'Ingress', namespace: 'binder', name: 'binder' },
    ]);
    // what to check, in order; no new cluster
    const checks = [
      'load-balancer controller',
      'load-balancer role',
      'floating IP',
    ];
    const at = checks.map(c => insight.reason.indexOf(c));
    expect(at.every(i => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(insight.reason).not.toMatch(/Magnum/);
    expect(insight.conceptIds).toEqual(['load-balancer', 'service', 'ingress']);
  });

  it('names only the kinds that lack an address', () => {
    const [insight] = evaluateInsights({
      objects: { ingresses: [ingress('binder')] },
    });
    expect(insight).toMatchObject({
      severity: 'warning',
      title: 'Ingress binder has no address',
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
