import type {
  ClientContainerStatus,
  ClientCurrentResourceUsage,
  ClientPodStatus,
} from '@backstage/plugin-kubernetes-common';
import type { KubeObject } from '@internal/plugin-jetstream2-kubernetes-common';
import { podUsageKey } from '../ClusterCollector/podUsage';
import type { PodUsage } from '../ClusterCollector/types';

/*
 * Upstream's podMetrics, made from our cache in the values upstream's default provider sends. It runs
 * `topPods` of @kubernetes/client-node (`quantityToScalar`, `add`) and then turns bigints into strings:
 * CPU in cores as a number ("250m" → 0.25, "12345n" → 0.000012345), memory in bytes, a string when a
 * binary or large decimal suffix made it a bigint ("128Mi" → "134217728") and a number otherwise. Upstream's
 * frontend reads exactly that: formatMillicores(cores × 1000), bytesToMiB(bytes), and percentages that
 * take either a number or an integer string.
 *
 * Where we differ, on purpose: a pod that metrics-server has not sampled yet (Pending, just started) is
 * left out, so the frontend says "unknown" instead of 0% (upstream reports 0); a pod's memory requestTotal
 * is the sum of its containers' requests (upstream's topPods adds the previous containers' limits instead,
 * which only shows with two or more containers); a quantity upstream cannot read counts as 0 instead of
 * failing the whole answer.
 */

type Scalar = number | bigint;

const bigintFactors: Record<string, bigint> = {
  k: 10n ** 3n,
  M: 10n ** 6n,
  G: 10n ** 9n,
  T: 10n ** 12n,
  P: 10n ** 15n,
  E: 10n ** 18n,
  Ki: 2n ** 10n,
  Mi: 2n ** 20n,
  Gi: 2n ** 30n,
  Ti: 2n ** 40n,
  Pi: 2n ** 50n,
  Ei: 2n ** 60n,
};
// divided, not multiplied, as upstream does: 12345n is exactly 0.000012345
const numberDivisors: Record<string, number> = { n: 1e9, u: 1e6, m: 1e3 };

/** A Kubernetes quantity as @kubernetes/client-node's `quantityToScalar` reads it (0 when unreadable). */
export function quantityToScalar(quantity: string | undefined): Scalar {
  if (!quantity) return 0;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(
    quantity.trim(),
  );
  if (!m) return 0;
  const [, digits, suffix] = m;
  const num = Number(digits);
  if (!Number.isFinite(num)) return 0;
  if (suffix === '') return num;
  if (suffix in numberDivisors) return num / numberDivisors[suffix];
  const factor = bigintFactors[suffix];
  if (factor === undefined) return 0;
  // upstream: BigInt("1.5") throws; we round what it cannot read instead
  return /^[+-]?[0-9]+$/.test(digits)
    ? BigInt(digits) * factor
    : BigInt(Math.round(num * Number(factor)));
}

/** @kubernetes/client-node's `add`: numbers stay numbers, anything with a bigint becomes a bigint. */
function add(a: Scalar, b: Scalar): Scalar {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  const big = (v: Scalar) =>
    typeof v === 'number' ? BigInt(Math.round(v)) : v;
  return big(a) + big(b);
}

/** As upstream sends a value: a bigint as its decimal string. */
const clientSafe = (v: Scalar): number | string =>
  typeof v === 'bigint' ? v.toString() : v;

interface Totals {
  usage: Scalar;
  request: Scalar;
  limit: Scalar;
}

const usageOf = (t: Totals): ClientCurrentResourceUsage => ({
  currentUsage: clientSafe(t.usage),
  requestTotal: clientSafe(t.request),
  limitTotal: clientSafe(t.limit),
});

/** One pod in upstream's ClientPodStatus shape, from its spec (requests, limits) and its usage. */
export function toClientPodStatus(
  pod: KubeObject,
  usage: PodUsage,
): ClientPodStatus {
  const cpu: Totals = { usage: 0, request: 0, limit: 0 };
  const memory: Totals = { usage: 0, request: 0, limit: 0 };
  const containers: ClientContainerStatus[] = [];
  for (const c of (pod.spec?.containers ?? []) as any[]) {
    const declared = (resource: 'cpu' | 'memory') => ({
      request: quantityToScalar(c.resources?.requests?.[resource]),
      limit: quantityToScalar(c.resources?.limits?.[resource]),
    });
    const cpuDeclared = declared('cpu');
    const memDeclared = declared('memory');
    cpu.request = add(cpu.request, cpuDeclared.request);
    cpu.limit = add(cpu.limit, cpuDeclared.limit);
    memory.request = add(memory.request, memDeclared.request);
    memory.limit = add(memory.limit, memDeclared.limit);
    const used = usage.containers.find(u => u.name === c.name);
    if (!used) continue;
    const cpuUsage = quantityToScalar(used.cpu);
    const memUsage = quantityToScalar(used.memory);
    cpu.usage = add(cpu.usage, cpuUsage);
    memory.usage = add(memory.usage, memUsage);
    containers.push({
      container: used.name,
      cpuUsage: usageOf({ usage: cpuUsage, ...cpuDeclared }),
      memoryUsage: usageOf({ usage: memUsage, ...memDeclared }),
    });
  }
  return {
    pod: pod as ClientPodStatus['pod'],
    cpu: usageOf(cpu),
    memory: usageOf(memory),
    containers,
  };
}

/**
 * Upstream's podMetrics of these pods (the entity's, in one cluster): one entry per pod that has usage in
 * `podUsage`, none when the cluster serves no metrics.
 */
export function toPodMetrics(
  pods: readonly KubeObject[],
  podUsage: ReadonlyMap<string, PodUsage> | undefined,
): ClientPodStatus[] {
  if (!podUsage || podUsage.size === 0) return [];
  const result: ClientPodStatus[] = [];
  for (const pod of pods) {
    const usage = podUsage.get(
      podUsageKey(pod.metadata?.namespace ?? '', pod.metadata?.name ?? ''),
    );
    if (usage) result.push(toClientPodStatus(pod, usage));
  }
  return result;
}

/**
 * The same entry with its pod cut to the name, namespace and uid: all that upstream's components read
 * from `ClientPodStatus.pod` (`usePodMetrics` matches a pod by name and namespace), so an answer of usage
 * alone does not carry every pod's whole object again.
 */
export function withPodRef(status: ClientPodStatus): ClientPodStatus {
  const { name, namespace, uid } = status.pod.metadata ?? {};
  return { ...status, pod: { metadata: { name, namespace, uid } } };
}
