import type { ResourceAmounts } from '../types';
import type { KubeObject } from './kube';

/** The extended resource name of NVIDIA GPUs. */
export const GPU_RESOURCE = 'nvidia.com/gpu';

const binarySuffixes: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const decimalSuffixes: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/**
 * Parses a Kubernetes quantity ("100m", "1.5Gi", "2", "1e3") into a number of base units.
 * Returns 0 for a missing or malformed value.
 */
export function parseQuantity(
  value: string | number | undefined | null,
): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0;
  const match = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(
    value.trim(),
  );
  if (!match) return 0;
  const num = Number(match[1]);
  if (!Number.isFinite(num)) return 0;
  const suffix = match[2];
  if (suffix in binarySuffixes) return num * binarySuffixes[suffix];
  if (suffix in decimalSuffixes) return num * decimalSuffixes[suffix];
  return 0;
}

export function emptyAmounts(): ResourceAmounts {
  return { cpuCores: 0, memoryBytes: 0, gpus: 0 };
}

export function addAmounts(
  a: ResourceAmounts,
  b: ResourceAmounts,
): ResourceAmounts {
  return {
    cpuCores: a.cpuCores + b.cpuCores,
    memoryBytes: a.memoryBytes + b.memoryBytes,
    gpus: a.gpus + b.gpus,
  };
}

/** Reads cpu, memory and nvidia.com/gpu from a resource list (node capacity, container requests). */
export function amountsFromResourceList(
  list: Record<string, string | number> | undefined,
): ResourceAmounts {
  return {
    cpuCores: parseQuantity(list?.cpu),
    memoryBytes: parseQuantity(list?.memory),
    gpus: parseQuantity(list?.[GPU_RESOURCE]),
  };
}

/**
 * The effective requests of a pod, as the scheduler computes them: the sum of the app containers, or the
 * largest init container when that is larger, plus the pod overhead.
 */
export function podRequests(pod: KubeObject): ResourceAmounts {
  const spec = pod.spec ?? {};
  let total = emptyAmounts();
  for (const c of spec.containers ?? []) {
    total = addAmounts(total, amountsFromResourceList(c.resources?.requests));
  }
  for (const c of spec.initContainers ?? []) {
    const init = amountsFromResourceList(c.resources?.requests);
    total = {
      cpuCores: Math.max(total.cpuCores, init.cpuCores),
      memoryBytes: Math.max(total.memoryBytes, init.memoryBytes),
      gpus: Math.max(total.gpus, init.gpus),
    };
  }
  return addAmounts(total, amountsFromResourceList(spec.overhead));
}

/** True when the pod still holds its node's resources (scheduled and not finished). */
export function podHoldsResources(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return (
    Boolean(pod.spec?.nodeName) && phase !== 'Succeeded' && phase !== 'Failed'
  );
}
