import { parseEntityRef } from '@backstage/catalog-model';
import {
  parseQuantity,
  WorkloadRequest,
} from '@internal/plugin-jetstream2-kubernetes-common';

/**
 * `ui:options` of the workload check field: which form fields describe the workload. A deployment gives
 * replicas, CPU and memory requests and whether it needs a GPU; a JupyterHub gives its GPU flavors, each
 * server asking for `serverCpu` and `serverMemory` and one GPU on a node of that flavor.
 */
export interface WorkloadCheckFieldOptions {
  /** The field holding the cluster (a catalog Resource reference such as "resource:default/js2-demo"). */
  clusterField?: string;
  replicasField?: string;
  cpuField?: string;
  memoryField?: string;
  /** A boolean field: true when each pod asks for one GPU (and tolerates the GPU nodes' taint). */
  gpuField?: string;
  /** An array field of g3 flavors: one GPU server of each is checked. */
  gpuFlavorsField?: string;
  /** What one GPU server requests (KubeSpawner's guarantees), e.g. "1" and "2G". */
  serverCpu?: string;
  serverMemory?: string;
}

/** One thing to check: a title a person reads and the pods it stands for. */
export interface WorkloadCheck {
  title: string;
  request: WorkloadRequest;
}

export type WorkloadOfForm =
  | { cluster: string; checks: WorkloadCheck[] }
  | { missing: string };

/** The catalog entity name of the cluster field's value, which is the cluster's name in the portal. */
export function clusterNameOf(ref: unknown): string | undefined {
  if (typeof ref !== 'string' || ref.trim() === '') return undefined;
  try {
    return parseEntityRef(ref, {
      defaultKind: 'resource',
      defaultNamespace: 'default',
    }).name;
  } catch {
    return undefined;
  }
}

const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/;

/** The workload the form describes, or what is still missing to check it. */
export function workloadOfForm(
  values: Record<string, unknown>,
  options: WorkloadCheckFieldOptions,
): WorkloadOfForm {
  const field = (name: string | undefined) =>
    name === undefined ? undefined : values[name];
  const cluster = clusterNameOf(field(options.clusterField ?? 'cluster'));
  if (!cluster) return { missing: 'Choose a cluster to check its free room.' };

  if (options.gpuFlavorsField) {
    const flavors = field(options.gpuFlavorsField);
    const list = Array.isArray(flavors)
      ? flavors.filter((f): f is string => typeof f === 'string')
      : [];
    if (list.length === 0)
      return { missing: 'Pick at least one GPU flavor to check.' };
    const perPod = {
      cpuCores: parseQuantity(options.serverCpu ?? '1'),
      memoryBytes: parseQuantity(options.serverMemory ?? '2G'),
      gpus: 1,
    };
    return {
      cluster,
      checks: list.map(flavor => ({
        title: `A ${flavor} GPU server`,
        request: { replicas: 1, perPod, toleratesGpuTaint: true, flavor },
      })),
    };
  }

  const replicas = field(options.replicasField ?? 'replicas');
  const cpu = field(options.cpuField ?? 'cpu');
  const memory = field(options.memoryField ?? 'memory');
  if (
    typeof replicas !== 'number' ||
    !Number.isInteger(replicas) ||
    replicas < 1
  )
    return {
      missing: 'Give the number of replicas to check the room for them.',
    };
  if (typeof cpu !== 'string' || !QUANTITY.test(cpu))
    return { missing: 'Give a CPU request such as 250m to check the room.' };
  if (typeof memory !== 'string' || !QUANTITY.test(memory))
    return {
      missing: 'Give a memory request such as 256Mi to check the room.',
    };
  const gpu = field(options.gpuField ?? 'gpu') === true;
  return {
    cluster,
    checks: [
      {
        title: replicas === 1 ? 'The pod' : `The ${replicas} pods`,
        request: {
          replicas,
          perPod: {
            cpuCores: parseQuantity(cpu),
            memoryBytes: parseQuantity(memory),
            gpus: gpu ? 1 : 0,
          },
          toleratesGpuTaint: gpu,
        },
      },
    ],
  };
}
