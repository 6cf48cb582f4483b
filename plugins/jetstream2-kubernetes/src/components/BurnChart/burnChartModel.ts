import type { AllocationBurnPoint } from '@internal/plugin-jetstream2-kubernetes-common';

/** The margins of the chart, in SVG units (one unit is one pixel: the chart is laid out at its width). */
export const CHART = {
  width: 880,
  height: 240,
  left: 84,
  right: 16,
  top: 24,
  bottom: 40,
} as const;

/** The narrowest width the chart is laid out at; below it, it scales down. */
export const MIN_CHART_WIDTH = 360;

/** A run of consecutive buckets: drawn as one stepped line; a missing bucket starts a new run. */
export interface BurnRun {
  /** "M x y H x V y ..." of the stepped line. */
  line: string;
  /** The same closed down to zero, filled. */
  area: string;
}

export interface BurnChartModel {
  runs: BurnRun[];
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  /** Where the mean the runway is reckoned from is drawn. */
  meanY?: number;
  /** The chart in words, for its accessible name. */
  summary: string;
}

const su = (n: number) =>
  `${(Math.abs(n) < 10
    ? Math.round(n * 10) / 10
    : Math.round(n)
  ).toLocaleString('en-US')}`;

/** A round top for the y axis: 1, 2 or 5 times a power of ten, at least the largest value. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

/** "7 Dec 16:00" in UTC, the zone the run-out dates are given in. */
export function formatTick(at: number, withDay: boolean): string {
  const d = new Date(at);
  const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(
    d.getUTCMinutes(),
  ).padStart(2, '0')}`;
  if (!withDay) return hm;
  const day = d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  return `${day} ${hm}`;
}

/**
 * Lays out the burn history: a stepped line per run of consecutive buckets (a gap is drawn as a gap, never
 * bridged), y ticks in SU per hour, four or five time ticks, and the mean the runway uses. Pure.
 */
export function burnChartModel(
  points: AllocationBurnPoint[],
  bucketMinutes: number,
  mean: number | undefined,
  title: string,
  width: number = CHART.width,
): BurnChartModel {
  const bucketMs = bucketMinutes * 60_000;
  const samples = points
    .map(p => ({ at: Date.parse(p.at), su: p.suPerHour }))
    .filter(p => Number.isFinite(p.at))
    .sort((a, b) => a.at - b.at);
  const plotW = width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const from = samples[0]?.at ?? 0;
  const to = samples.length ? samples[samples.length - 1].at + bucketMs : 1;
  const top = niceMax(Math.max(mean ?? 0, ...samples.map(s => s.su)));
  const round = (v: number) => Math.round(v * 10) / 10;
  const x = (t: number) =>
    round(CHART.left + ((t - from) / (to - from)) * plotW);
  const y = (v: number) => round(CHART.top + plotH - (v / top) * plotH);
  const base = y(0);

  const runs: BurnRun[] = [];
  let current: typeof samples = [];
  const flush = () => {
    if (current.length === 0) return;
    let line = `M ${x(current[0].at)} ${y(current[0].su)}`;
    current.forEach((s, i) => {
      if (i > 0) line += ` V ${y(s.su)}`;
      line += ` H ${x(s.at + bucketMs)}`;
    });
    const area = `${line} V ${base} H ${x(current[0].at)} Z`;
    runs.push({ line, area });
    current = [];
  };
  for (const s of samples) {
    const prev = current[current.length - 1];
    if (prev && s.at - prev.at > bucketMs) flush();
    current.push(s);
  }
  flush();

  const yTicks = [0, top / 2, top].map(v => ({
    y: y(v),
    label: `${su(v)} SU/h`,
  }));
  const spanDays = (to - from) / 86_400_000;
  // five time labels where they fit (about 110 units each), three on a narrow chart; on bucket boundaries,
  // so two labels never read the same
  const tickCount = plotW >= 550 ? 5 : 3;
  const buckets = Math.round((to - from) / bucketMs);
  const steps =
    buckets + 1 <= tickCount
      ? Array.from({ length: buckets + 1 }, (_, i) => i)
      : Array.from({ length: tickCount }, (_, i) =>
          Math.round((buckets * i) / (tickCount - 1)),
        );
  const xTicks = samples.length
    ? steps.map((step, i) => {
        const t = from + step * bucketMs;
        return { x: x(t), label: formatTick(t, i === 0 || spanDays >= 1) };
      })
    : [];

  const values = samples.map(s => s.su);
  const summary = samples.length
    ? `${title}: ${samples.length} sample${
        samples.length === 1 ? '' : 's'
      } of ${bucketMinutes} minute${
        bucketMinutes === 1 ? '' : 's'
      } from ${formatTick(from, true)} to ${formatTick(
        to,
        true,
      )} UTC, between ${su(Math.min(...values))} and ${su(
        Math.max(...values),
      )} SU per hour${
        mean !== undefined
          ? `; the runway uses the mean, ${su(mean)} SU per hour`
          : ''
      }.`
    : `${title}: no samples yet.`;
  return {
    runs,
    yTicks,
    xTicks,
    ...(mean !== undefined && samples.length ? { meanY: y(mean) } : {}),
    summary,
  };
}
