import {
  objectStatus,
  type KubeObject,
  type TopologyNode,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterTopologyInput } from './types';

/** The claims a pod mounts: its persistentVolumeClaim volumes and its generic ephemeral volumes. */
export function claimsOfPod(pod: KubeObject): string[] {
  const names: string[] = [];
  for (const volume of pod.spec?.volumes ?? []) {
    if (volume?.persistentVolumeClaim?.claimName) {
      names.push(String(volume.persistentVolumeClaim.claimName));
    } else if (volume?.ephemeral) {
      // the claim Kubernetes makes for an ephemeral volume is named <pod>-<volume>
      names.push(`${pod.metadata?.name ?? ''}-${volume.name}`);
    }
  }
  return names;
}

function isDefaultClass(sc: KubeObject): boolean {
  const a = sc.metadata?.annotations ?? {};
  return (
    a['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    a['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  );
}

/** A claim → its PersistentVolume (known from the claim: volumes themselves are not collected). */
function addVolume(
  input: ClusterTopologyInput,
  pvc: KubeObject,
  node: TopologyNode,
) {
  const volumeName: string | undefined = pvc.spec?.volumeName;
  if (!volumeName) return;
  const claimVerdict = objectStatus('PersistentVolumeClaim', pvc).verdict;
  const volume = input.graph.synthetic(
    input.cluster,
    'PersistentVolume',
    '',
    volumeName,
    {
      verdict: claimVerdict === 'error' ? 'error' : 'ok',
      status: `Bound to ${node.name}`,
      facts: [
        { label: 'Capacity', value: String(pvc.status?.capacity?.storage) },
        {
          label: 'Access modes',
          value: (pvc.status?.accessModes ?? []).join(', '),
        },
        {
          label: 'Known from',
          value:
            'its claim (the portal does not collect PersistentVolumes themselves)',
        },
      ].filter(f => f.value && f.value !== 'undefined'),
    },
  );
  input.graph.edge(node, volume, 'binds');
}

/** A claim → the StorageClass that provisions it: named, the cluster's default, or a note why none. */
function addStorageClass(
  input: ClusterTopologyInput,
  pvc: KubeObject,
  node: TopologyNode,
) {
  const { cluster, index, graph } = input;
  const named: string | undefined | null = pvc.spec?.storageClassName;
  if (named === '') {
    graph.note(
      node,
      'It asks for no StorageClass: it waits for a PersistentVolume that someone made by hand.',
    );
    return;
  }
  if (named) {
    const sc = index.get('storageClasses', undefined, named);
    const target = graph.reference(
      cluster,
      'StorageClass',
      sc,
      { namespace: '', name: named },
      `The StorageClass "${named}" does not exist in this cluster, so nothing provisions a volume for the claim "${node.name}". Use a class the cluster has (on Jetstream2 Magnum clusters: "default" or "replicated-hdd").`,
    );
    graph.edge(node, target, 'storage-class');
    return;
  }
  const fallback = index.list('storageClasses').find(isDefaultClass);
  if (fallback) {
    graph.edge(
      node,
      graph.object(cluster, 'StorageClass', fallback),
      'storage-class',
    );
    return;
  }
  if (!pvc.spec?.volumeName) {
    graph.note(
      node,
      'It names no StorageClass and the cluster has no default one, so nothing provisions a volume for it.',
    );
  }
}

/**
 * `mounts` edges from each pod to the claims it uses, `binds` from a claim to its PersistentVolume and
 * `storage-class` to the class that provisions it. A claim a pod names that does not exist is drawn as
 * missing; claims of the entity that no pod mounts are drawn too.
 */
export function addStorageEdges(input: ClusterTopologyInput) {
  const { cluster, objects, index, graph } = input;
  const claims = new Map<string, TopologyNode>();
  const claimNode = (pvc: KubeObject) => {
    const node = graph.object(cluster, 'PersistentVolumeClaim', pvc);
    if (!claims.has(node.id)) {
      claims.set(node.id, node);
      addVolume(input, pvc, node);
      addStorageClass(input, pvc, node);
    }
    return node;
  };
  for (const pvc of objects.persistentVolumeClaims ?? []) claimNode(pvc);
  for (const pod of objects.pods ?? []) {
    const podNode = graph.object(cluster, 'Pod', pod);
    const namespace = pod.metadata?.namespace ?? '';
    for (const name of claimsOfPod(pod)) {
      const pvc = index.get('persistentVolumeClaims', namespace, name);
      const target = pvc
        ? claimNode(pvc)
        : graph.missing(
            cluster,
            'PersistentVolumeClaim',
            namespace,
            name,
            `The pod "${podNode.name}" mounts a claim "${name}" that does not exist in namespace "${namespace}": the pod cannot start until it does.`,
          );
      graph.edge(podNode, target, 'mounts');
    }
  }
}
