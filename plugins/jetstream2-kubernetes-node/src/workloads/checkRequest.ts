import type { ClusterWriter } from '../writers/types';
import type { KubernetesManifest } from './types';
import { WriteError } from './WriteError';

/** `Deployment apps/hello`: how messages name an object. */
export function describeObject(o: {
  kind?: string;
  metadata?: { name?: string; namespace?: string };
}): string {
  const ns = o.metadata?.namespace ? `${o.metadata.namespace}/` : '';
  return `${o.kind ?? 'object'} ${ns}${o.metadata?.name ?? '(no name)'}`;
}

/** The writer of a cluster, or a WriteError naming the clusters that may be written to. */
export function writerFor(
  writers: ClusterWriter[],
  cluster: string,
): ClusterWriter {
  const writer = writers.find(w => w.cluster === cluster);
  if (writer) return writer;
  const known = writers.map(w => `"${w.cluster}"`).join(', ');
  throw new WriteError(
    'unknown-cluster',
    cluster,
    `The portal has no deployer credential for cluster "${cluster}" (jetstream2Kubernetes.writers in app-config), so it cannot write there. ${
      known ? `Clusters it may write to: ${known}.` : 'It may write to none.'
    } A platform team adds one as README.md ("Let the portal write to chosen namespaces") describes.`,
  );
}

/** Throws unless the writer may write to the namespace. */
export function checkNamespace(writer: ClusterWriter, namespace: string) {
  if (writer.namespaces.includes(namespace)) return;
  throw new WriteError(
    'namespace-not-allowed',
    writer.cluster,
    `The portal may not write to namespace "${namespace}" of cluster "${
      writer.cluster
    }"; it may write to ${writer.namespaces.map(n => `"${n}"`).join(', ')} (${
      writer.where
    }).`,
  );
}

/**
 * The objects as they will be sent: each with apiVersion, kind and name, in the request's namespace (set
 * where missing). An object of another namespace is refused, never moved.
 */
export function placeObjects(
  cluster: string,
  namespace: string,
  objects: KubernetesManifest[],
): KubernetesManifest[] {
  if (objects.length === 0) {
    throw new WriteError(
      'bad-manifest',
      cluster,
      'There is nothing to apply: no Kubernetes object was given.',
    );
  }
  return objects.map((o, i) => {
    const problems = [
      !o || typeof o !== 'object' ? 'is not an object' : undefined,
      typeof o?.apiVersion !== 'string' || !o.apiVersion
        ? 'has no apiVersion'
        : undefined,
      typeof o?.kind !== 'string' || !o.kind ? 'has no kind' : undefined,
      typeof o?.metadata?.name !== 'string' || !o.metadata.name
        ? 'has no metadata.name'
        : undefined,
    ].filter(Boolean);
    if (problems.length > 0) {
      throw new WriteError(
        'bad-manifest',
        cluster,
        `Object ${i + 1} (${describeObject(o ?? {})}) ${problems.join(', ')}.`,
      );
    }
    const own = o.metadata.namespace;
    if (own && own !== namespace) {
      throw new WriteError(
        'bad-manifest',
        cluster,
        `${describeObject(
          o,
        )} names namespace "${own}", but this apply writes only to "${namespace}": remove metadata.namespace or make it "${namespace}".`,
      );
    }
    return { ...o, metadata: { ...o.metadata, namespace } };
  });
}
