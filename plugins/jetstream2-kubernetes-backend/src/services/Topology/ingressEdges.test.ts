import { ID_LABEL, ingress, service } from './__fixtures__/kubeObjects';
import { clusterInput, edgesOf, nodeNamed } from './__fixtures__/topologyInput';
import { addIngressEdges, ingressBackends } from './ingressEdges';

const id = { [ID_LABEL]: 'binderhub' };

describe('ingress edges', () => {
  it('routes an Ingress to each Service its paths name, labelled for the entity or not', () => {
    const input = clusterInput(
      [
        ingress('binder', 'binder', id, ['binder', 'hub']),
        service('binder', 'binder', id, { selector: { app: 'binder' } }),
        // a Service of another entity (JupyterHub, installed by the same chart)
        service('hub', 'binder', { [ID_LABEL]: 'jupyterhub' }),
      ],
      'binderhub',
    );
    addIngressEdges(input);
    expect(edgesOf(input)).toEqual([
      'Ingress/binder -routes-> Service/binder',
      'Ingress/binder -routes-> Service/hub',
    ]);
    expect(nodeNamed(input, 'Ingress', 'binder')).toMatchObject({
      verdict: 'warning',
      status: 'No address',
    });
  });

  it('draws a Service the Ingress names that does not exist as missing', () => {
    const input = clusterInput(
      [ingress('binder', 'binder', id, ['binder-typo'])],
      'binderhub',
    );
    addIngressEdges(input);
    expect(edgesOf(input)).toEqual([
      'Ingress/binder -routes-> Service/binder-typo',
    ]);
    const missing = nodeNamed(input, 'Service', 'binder-typo');
    expect(missing).toMatchObject({
      missing: true,
      verdict: 'warning',
      status: 'Not found',
    });
    expect(missing?.note).toBe(
      'The Ingress "binder" sends traffic to a Service "binder-typo" that does not exist in namespace "binder": those requests fail (usually with 503) until it is created.',
    );
  });

  it('reads the default backend and the older serviceName form', () => {
    expect(
      ingressBackends({
        spec: {
          defaultBackend: { service: { name: 'fallback' } },
          rules: [
            { http: { paths: [{ backend: { serviceName: 'legacy' } }] } },
            { host: 'no-http.example.org' },
          ],
        },
      }),
    ).toEqual(['fallback', 'legacy']);
  });
});
