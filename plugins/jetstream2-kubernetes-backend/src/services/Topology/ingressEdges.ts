import type { KubeObject } from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterTopologyInput } from './types';

/** The names of the Services an Ingress sends traffic to: its default backend and every path's backend. */
export function ingressBackends(ingress: KubeObject): string[] {
  const names = new Set<string>();
  const add = (backend: any) => {
    const name = backend?.service?.name ?? backend?.serviceName;
    if (name) names.add(String(name));
  };
  add(ingress.spec?.defaultBackend ?? ingress.spec?.backend);
  for (const rule of ingress.spec?.rules ?? []) {
    for (const path of rule?.http?.paths ?? []) add(path?.backend);
  }
  return [...names];
}

/**
 * `routes` edges from each Ingress to the Services its rules name, looked up in the cluster (a Service
 * may belong to another catalog entity). A Service that does not exist is drawn as missing.
 */
export function addIngressEdges(input: ClusterTopologyInput) {
  const { cluster, objects, index, graph } = input;
  for (const ingress of objects.ingresses ?? []) {
    const node = graph.object(cluster, 'Ingress', ingress);
    const namespace = ingress.metadata?.namespace ?? '';
    for (const name of ingressBackends(ingress)) {
      const svc = index.get('services', namespace, name);
      const target = graph.reference(
        cluster,
        'Service',
        svc,
        { namespace, name },
        `The Ingress "${node.name}" sends traffic to a Service "${name}" that does not exist in namespace "${namespace}": those requests fail (usually with 503) until it is created.`,
      );
      graph.edge(node, target, 'routes');
    }
  }
}
