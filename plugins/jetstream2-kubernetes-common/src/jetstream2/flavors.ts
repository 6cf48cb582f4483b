/*
 * Jetstream2 instance flavors and their cost in service units (SUs).
 * Source: https://docs.jetstream-cloud.org/general/vmsizes/ and the allocation docs.
 */

/** Flavor families: m3 (CPU), r3 (large memory), g3 (NVIDIA A100 slices). */
export type Jetstream2FlavorFamily = 'm3' | 'r3' | 'g3';

/** `available` to every allocation, `by-request` only after a ticket, `retired` no longer offered. */
export type Jetstream2FlavorStatus = 'available' | 'by-request' | 'retired';

/** One Jetstream2 flavor (instance size). */
export interface Jetstream2Flavor {
  name: string;
  family: Jetstream2FlavorFamily;
  vcpus: number;
  ramGb: number;
  rootDiskGb: number;
  /** Share of one NVIDIA A100 (0 for CPU flavors, 0.25 for g3.medium, 1 for g3.xl). */
  gpuFraction: number;
  /** GPU memory of that share in GB (0 for CPU flavors). */
  gpuMemoryGb: number;
  status: Jetstream2FlavorStatus;
}

/** Service units charged per vCPU-hour, by flavor family. */
export type SuRates = Readonly<Record<Jetstream2FlavorFamily, number>>;

/**
 * The built-in SU per vCPU-hour by flavor family. The copies of the Jetstream2 flavors page disagree on
 * the GPU rate: the documentation's source, its flavor table (g3.medium 32 SU/h) and worked examples say
 * 4, some later copies of the published page say 2. g3 stays at 4 here (what the planner and the templates
 * quote); a portal whose allocation is charged otherwise sets `jetstream2Kubernetes.suRates` (see
 * {@link resolveSuRates}). https://docs.jetstream-cloud.org/general/instance-flavors/
 */
export const suPerVcpuHourByFamily: SuRates = Object.freeze({
  m3: 1,
  r3: 2,
  g3: 4,
});

/** The flavor families, in the order the docs list them. */
export const jetstream2FlavorFamilies: readonly Jetstream2FlavorFamily[] =
  Object.freeze(['m3', 'r3', 'g3']);

/**
 * The built-in rates with some families overridden (from config). Throws an Error naming the family for a
 * family that does not exist or a rate that is not a number above 0.
 */
export function resolveSuRates(
  overrides: Partial<Record<string, unknown>> = {},
): SuRates {
  const rates: Record<Jetstream2FlavorFamily, number> = {
    ...suPerVcpuHourByFamily,
  };
  for (const [family, value] of Object.entries(overrides)) {
    if (!jetstream2FlavorFamilies.includes(family as Jetstream2FlavorFamily)) {
      throw new Error(
        `"${family}" is not a Jetstream2 flavor family; use ${jetstream2FlavorFamilies.join(
          ', ',
        )}`,
      );
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new Error(
        `the rate of ${family} must be a number of SU per vCPU-hour above 0, got ${JSON.stringify(
          value ?? null,
        )}`,
      );
    }
    rates[family as Jetstream2FlavorFamily] = value;
  }
  return Object.freeze(rates);
}

const flavor = (
  name: string,
  vcpus: number,
  ramGb: number,
  rootDiskGb: number,
  extra: Partial<
    Pick<Jetstream2Flavor, 'gpuFraction' | 'gpuMemoryGb' | 'status'>
  > = {},
): Jetstream2Flavor => ({
  name,
  family: name.slice(0, 2) as Jetstream2FlavorFamily,
  vcpus,
  ramGb,
  rootDiskGb,
  gpuFraction: extra.gpuFraction ?? 0,
  gpuMemoryGb: extra.gpuMemoryGb ?? 0,
  status: extra.status ?? 'available',
});

/** Every Jetstream2 flavor we know of, smallest first within each family (g3.small is listed as retired). */
export const jetstream2Flavors: readonly Jetstream2Flavor[] = Object.freeze([
  flavor('m3.tiny', 1, 3, 20),
  flavor('m3.small', 2, 6, 20),
  flavor('m3.quad', 4, 15, 20),
  flavor('m3.medium', 8, 30, 60),
  flavor('m3.large', 16, 60, 60),
  flavor('m3.xl', 32, 125, 60),
  flavor('m3.2xl', 64, 250, 60),
  flavor('m3.3xl', 128, 500, 60, { status: 'by-request' }),
  flavor('r3.large', 64, 500, 60),
  flavor('r3.xl', 128, 1000, 60),
  flavor('g3.small', 4, 15, 60, {
    gpuFraction: 0.2,
    gpuMemoryGb: 8,
    status: 'retired',
  }),
  flavor('g3.medium', 8, 30, 60, { gpuFraction: 0.25, gpuMemoryGb: 10 }),
  flavor('g3.large', 16, 60, 60, { gpuFraction: 0.5, gpuMemoryGb: 20 }),
  flavor('g3.xl', 32, 125, 60, { gpuFraction: 1, gpuMemoryGb: 40 }),
]);

/** The flavor with this exact name (including retired ones), or undefined. */
export function getFlavor(name: string): Jetstream2Flavor | undefined {
  return jetstream2Flavors.find(f => f.name === name);
}

/** True for flavors with a share of an A100. */
export function isGpuFlavor(f: Jetstream2Flavor | string): boolean {
  const resolved = typeof f === 'string' ? getFlavor(f) : f;
  return !!resolved && resolved.gpuFraction > 0;
}

/** Flavors that can be requested today (available or by request), optionally of one family. */
export function orderableFlavors(
  family?: Jetstream2FlavorFamily,
): Jetstream2Flavor[] {
  return jetstream2Flavors.filter(
    f => f.status !== 'retired' && (!family || f.family === family),
  );
}

/**
 * Service units per hour for `count` instances of a flavor: vCPUs × the family's rate × count, at the
 * built-in rates unless others are given. Throws for an unknown flavor name.
 */
export function suPerHour(
  f: Jetstream2Flavor | string,
  count = 1,
  rates: SuRates = suPerVcpuHourByFamily,
): number {
  const resolved = typeof f === 'string' ? getFlavor(f) : f;
  if (!resolved) {
    throw new Error(`Unknown Jetstream2 flavor "${String(f)}"`);
  }
  return resolved.vcpus * rates[resolved.family] * count;
}

/** The GPU share as a fraction a person reads: "1/4 A100", "1/2 A100", "1 A100". */
export function describeGpuFraction(fraction: number): string {
  if (fraction <= 0) return 'no GPU';
  if (Number.isInteger(fraction)) return `${fraction} A100`;
  const denominators = [2, 4, 5, 8, 10];
  for (const d of denominators) {
    const n = fraction * d;
    if (Math.abs(n - Math.round(n)) < 1e-9) {
      return `${Math.round(n)}/${d} A100`;
    }
  }
  return `${fraction.toFixed(2)} A100`;
}

/**
 * A one-line description for pickers, e.g. "g3.medium — 8 vCPU, 30 GB RAM, 1/4 A100 (10 GB) — 32 SU/h".
 */
export function describeFlavor(f: Jetstream2Flavor): string {
  const gpu =
    f.gpuFraction > 0
      ? `, ${describeGpuFraction(f.gpuFraction)} (${f.gpuMemoryGb} GB)`
      : '';
  const notes: Record<string, string> = {
    'by-request': ' (by request)',
    retired: ' (retired)',
  };
  const note = notes[f.status ?? ''] ?? '';
  return `${f.name} — ${f.vcpus} vCPU, ${f.ramGb} GB RAM${gpu} — ${suPerHour(
    f,
  )} SU/h${note}`;
}
