import {
  deployment,
  ID_LABEL,
  pod,
  replicaSet,
  service,
} from './__fixtures__/kubeObjects';
import { clusterInput, edgesOf, nodeNamed } from './__fixtures__/topologyInput';
import { addServiceEdges } from './serviceEdges';

const id = { [ID_LABEL]: 'jupyterhub' };
const hubSelector = {
  'app.kubernetes.io/name': 'jupyterhub',
  'app.kubernetes.io/component': 'hub',
};
const proxySelector = {
  'app.kubernetes.io/name': 'jupyterhub',
  'app.kubernetes.io/component': 'proxy',
};

function jupyterhubPods() {
  const hub = deployment('hub', 'jhub', { ...id, ...hubSelector });
  const proxy = deployment('proxy', 'jhub', { ...id, ...proxySelector });
  const hubRs = replicaSet(hub, '7cc6d868bd');
  const proxyRs = replicaSet(proxy, '7c85789fb5');
  return [
    pod('hub-7cc6d868bd-b426s', { owner: hubRs }),
    pod('proxy-7c85789fb5-hxtdn', { owner: proxyRs, nodeName: 'w0' }),
  ];
}

describe('service edges', () => {
  it('joins each Service to the pods its selector matches, and only those', () => {
    const input = clusterInput([
      ...jupyterhubPods(),
      service('hub', 'jhub', id, { selector: hubSelector }),
      service('proxy-api', 'jhub', id, { selector: proxySelector }),
    ]);
    addServiceEdges(input);
    expect(edgesOf(input)).toEqual([
      'Service/hub -selects-> Pod/hub-7cc6d868bd-b426s',
      'Service/proxy-api -selects-> Pod/proxy-7c85789fb5-hxtdn',
    ]);
    expect(nodeNamed(input, 'Service', 'hub')?.note).toBeUndefined();
  });

  it('says so when a Service selects nothing at all', () => {
    const input = clusterInput([
      ...jupyterhubPods(),
      service('hub', 'jhub', id, { selector: { component: 'hub-typo' } }),
    ]);
    addServiceEdges(input);
    expect(edgesOf(input)).toEqual([]);
    expect(nodeNamed(input, 'Service', 'hub')?.note).toBe(
      'It selects no pods: no pod in namespace "jhub" has the labels component=hub-typo, so connections to it fail.',
    );
  });

  it('tells apart a Service whose pods belong to another catalog entity', () => {
    const input = clusterInput([
      pod('hub-1', { labels: { ...hubSelector, [ID_LABEL]: 'other' } }),
      pod('hub-2', { labels: { ...hubSelector, [ID_LABEL]: 'other' } }),
      service('hub', 'jhub', id, { selector: hubSelector }),
    ]);
    addServiceEdges(input);
    expect(edgesOf(input)).toEqual([]);
    expect(nodeNamed(input, 'Service', 'hub')?.note).toBe(
      'It selects 2 pods that are not labelled for this catalog entity, so they are not drawn.',
    );
  });

  it('draws no pods behind a Service without a selector, and says why', () => {
    const input = clusterInput([
      ...jupyterhubPods(),
      service('db', 'jhub', id),
    ]);
    addServiceEdges(input);
    expect(edgesOf(input)).toEqual([]);
    expect(nodeNamed(input, 'Service', 'db')?.note).toContain(
      'endpoints are set by hand',
    );
  });

  it('gives a LoadBalancer without an address a "none yet" node with the Jetstream2 reasons', () => {
    const input = clusterInput([
      ...jupyterhubPods(),
      service('proxy-public', 'jhub', id, {
        type: 'LoadBalancer',
        selector: proxySelector,
      }),
    ]);
    addServiceEdges(input);
    expect(edgesOf(input)).toEqual([
      'Service/proxy-public -exposes-> ExternalAddress/proxy-public: none yet',
      'Service/proxy-public -selects-> Pod/proxy-7c85789fb5-hxtdn',
    ]);
    const none = nodeNamed(input, 'ExternalAddress', 'proxy-public: none yet');
    expect(none).toMatchObject({
      verdict: 'warning',
      status: 'No address yet',
    });
    expect(none?.note).toContain('Octavia load balancer');
    expect(none?.note).toContain('load-balancer role');
    expect(none?.note).toContain('10 per allocation by default');
    expect(none?.note).not.toContain('The cluster says');
  });

  it("quotes the cloud controller's newest warning about the Service", () => {
    const lb = service('proxy-public', 'jhub', id, {
      type: 'LoadBalancer',
      selector: proxySelector,
    });
    const warning = (message: string, at: string) => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `proxy-public.${at}`, namespace: 'jhub' },
      involvedObject: {
        kind: 'Service',
        namespace: 'jhub',
        name: 'proxy-public',
      },
      type: 'Warning',
      reason: 'SyncLoadBalancerFailed',
      message,
      lastTimestamp: at,
    });
    const input = clusterInput([
      lb,
      warning('Error syncing load balancer: old', '2026-12-07T16:00:00Z'),
      warning(
        'Error syncing load balancer: failed to ensure load balancer: Quota exceeded for resources: [floatingip]',
        '2026-12-07T17:00:00Z',
      ),
    ]);
    addServiceEdges(input);
    expect(
      nodeNamed(input, 'ExternalAddress', 'proxy-public: none yet')?.note,
    ).toMatch(
      /^The cluster says: "Error syncing load balancer: failed to ensure load balancer: Quota exceeded for resources: \[floatingip\]"\. No external address yet\./,
    );
  });

  it('draws the address a LoadBalancer got', () => {
    const input = clusterInput([
      service('proxy-public', 'jhub', id, {
        type: 'LoadBalancer',
        selector: proxySelector,
        address: '149.165.152.17',
      }),
    ]);
    addServiceEdges(input);
    expect(edgesOf(input)).toEqual([
      'Service/proxy-public -exposes-> ExternalAddress/149.165.152.17',
    ]);
    expect(nodeNamed(input, 'ExternalAddress', '149.165.152.17')).toMatchObject(
      { verdict: 'ok', status: 'Assigned' },
    );
    expect(nodeNamed(input, 'Service', 'proxy-public')).toMatchObject({
      verdict: 'ok',
      status: 'LoadBalancer 149.165.152.17',
    });
  });
});
