/**
 * Measuring: the waits that bring a backend to the steady state (collected, views settled), the timed
 * series of views with their LISTs on the API server, and RSS after gc().
 */
import os from 'node:os';
import { waitFor } from '../src/__testUtils__/waitFor';
import type { Backend } from './backends';
import { listCount } from './cluster';
import type { Cluster } from './cluster';
import { clusters, ours } from './http';
import type { Answer } from './http';
import { sleep } from './run';
import type { Run } from './run';

/**
 * The bench's wait: the tests' `waitFor`, polling once a second, treating a failed poll as "not yet" (the
 * backends are busy while 10,000 pods start), and ending at the run's deadline if that comes first.
 */
export function waitUntil<T>(
  run: Run,
  what: string,
  fn: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs: number,
  describe?: (v: T | undefined) => string,
): Promise<T> {
  return waitFor(what, fn, ok, {
    timeoutMs: Math.max(0, Math.min(timeoutMs, run.until - Date.now())),
    intervalMs: 1000,
    describe,
    retryErrors: true,
  });
}

/** Waits until the collector of a backend holds `pods` pods and 97 nodes in each of the three clusters. */
export async function waitCollected(
  run: Run,
  b: Backend,
  pods: number,
  timeoutMs: number,
) {
  const t0 = Date.now();
  await waitUntil(
    run,
    `backend ${b.name}'s collector to hold ${pods} pods in each cluster`,
    () => clusters(b),
    cs =>
      cs.length === 3 &&
      cs.every(
        c => c.status === 'ok' && c.podCount >= pods && c.nodeCount >= 97,
      ),
    timeoutMs,
    v =>
      JSON.stringify(
        v?.map(c => ({
          name: c.name,
          status: c.status,
          pods: c.podCount,
          nodes: c.nodeCount,
        })),
      ),
  );
  return Date.now() - t0;
}

/** Waits until two rounds of views of every entity, 3 s apart, give the same ETags; returns the time taken. */
export async function waitSettled(
  run: Run,
  b: Backend,
  timeoutMs: number,
): Promise<number> {
  const t0 = Date.now();
  const { entityNames } = b.catalog;
  const etags = async () => {
    const out: string[] = [];
    for (const name of entityNames) out.push((await ours(b, name)).etag ?? '');
    return out;
  };
  let before: string[] | undefined;
  let changed = 0;
  try {
    await waitFor(
      'the views to settle',
      async () => {
        // two rounds 3 s apart: the first only takes the ETags
        const now = await etags();
        const previous = before;
        before = now;
        if (!previous) return -1;
        changed = now.filter((e, i) => e !== previous[i]).length;
        return changed;
      },
      n => n === 0,
      { timeoutMs, intervalMs: 3000 },
    );
    run.log(`views settled after ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } catch {
    run.log(
      `views still changing after ${timeoutMs / 1000} s (${changed} of ${
        entityNames.length
      } in 3 s); measuring anyway`,
    );
  }
  return Date.now() - t0;
}

export interface Series {
  label: string;
  /** Load average (1 min) when the series started, after its warm-up. */
  load: number;
  /** p50 of the warm-up views (for series (1): each entity's first view, computed and cached). */
  coldP50: number;
  p50: number;
  p95: number;
  mean: number;
  bytes: number;
  listsPerView: number;
  /** Names whose answer's ETag differed between the warm-up and the series (their data changed). */
  changed: number;
  failures: string[];
}

const pct = (s: number[], p: number) =>
  s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];

/**
 * `warmup` views (cycling through `names`), then one view per name, sequential; the API server's LIST
 * count is read before and after the timed views.
 */
export async function series(
  run: Run,
  label: string,
  cluster: Cluster,
  names: string[],
  warmup: number,
  fn: (name: string) => Promise<Answer>,
  okStatus = 200,
): Promise<Series> {
  const cold: number[] = [];
  const warmEtags = new Map<string, string | undefined>();
  for (let i = 0; i < warmup; i++) {
    const a = await fn(names[i % names.length]);
    cold.push(a.ms);
    warmEtags.set(names[i % names.length], a.etag);
  }
  let changed = 0;
  const load = os.loadavg()[0];
  const before = await listCount(cluster);
  const times: number[] = [];
  const failures: string[] = [];
  let bytes = 0;
  for (const name of names) {
    const a = await fn(name);
    times.push(a.ms);
    bytes += a.bytes;
    if (warmEtags.has(name) && a.etag && warmEtags.get(name) !== a.etag)
      changed += 1;
    if (a.status !== okStatus)
      failures.push(`${name}: HTTP ${a.status} ${a.text.slice(0, 200)}`);
  }
  const after = await listCount(cluster);
  const sorted = [...times].sort((x, y) => x - y);
  const s: Series = {
    label,
    load,
    coldP50: pct(
      [...cold].sort((x, y) => x - y),
      50,
    ),
    p50: pct(sorted, 50),
    p95: pct(sorted, 95),
    mean: times.reduce((x, y) => x + y, 0) / times.length,
    bytes: bytes / names.length,
    listsPerView: (after - before) / names.length,
    changed,
    failures,
  };
  run.log(
    `${label}: p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(
      2,
    )} ms, ${s.listsPerView.toFixed(1)} LIST/view${
      failures.length ? `, ${failures.length} failures` : ''
    }`,
  );
  return s;
}

const gc = (global as any).gc as (() => void) | undefined;

/** Whether `node --expose-gc` made gc() available (RSS figures are noisier without it). */
export const gcExposed = gc !== undefined;

export interface Memory {
  rss: number;
  heap: number;
}

/** RSS and heap used of this process, after two gc() 200 ms apart when available. */
export async function rss(): Promise<Memory> {
  if (gc) {
    gc();
    await sleep(200);
    gc();
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}
