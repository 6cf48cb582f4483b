/** The report on stdout: the setting, a table of the series, memory and timings, and PASS/MISS per target. */
import os from 'node:os';
import type { Memory, Series } from './measure';
import { FIFTY } from './options';
import type { BenchOptions } from './options';

export interface BenchResults {
  opts: BenchOptions;
  /** Pods created, bench-fifty's included. */
  total: number;
  createMs: number;
  /** From the first create until every pod was Running. */
  runningMs: number;
  settleMs: number;
  /** (1) A: our route. */
  s1: Series;
  /** (2) A: upstream's route, our provider. */
  s2: Series;
  /** (3) B: upstream's route, upstream's default provider. */
  s3: Series;
  empty: Series;
  fifty: Series;
  revalidated: Series;
  /** A synced on the empty cluster. */
  memBefore: Memory;
  /** A holding every pod. */
  memAfter: Memory;
  /** A holding every pod and the entities' cached views. */
  memViews: Memory;
  /** Before B started (after A stopped). */
  memBStart: Memory;
  /** B once its collector held the pods. */
  memB: Memory;
  /** Whether gc() ran before each RSS reading. */
  gcExposed: boolean;
}

export const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const f = (n: number) => n.toFixed(2).padStart(8);
const row = (s: Series) =>
  `${s.label.padEnd(64)}${f(s.p50)}${f(s.p95)}${f(s.mean)}${(s.bytes / 1024)
    .toFixed(0)
    .padStart(9)}${s.listsPerView.toFixed(1).padStart(10)}`;

const header = () =>
  `${'series'.padEnd(64)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(
    8,
  )}${'mean ms'.padStart(8)}${'KiB/view'.padStart(9)}${'LIST/view'.padStart(
    10,
  )}`;

/** The targets of issue 9, each with its figure and PASS or MISS. */
function targets(r: BenchResults): string[] {
  const { s1, s2, s3, empty, fifty, total } = r;
  const ratio = s3.p50 / s1.p50;
  const emptyVsFifty = Math.abs(empty.p50 - fifty.p50) / fifty.p50;
  const growth = r.memAfter.rss - r.memBefore.rss;
  return [
    'targets:',
    `  our p50 <= 2 ms                                   ${s1.p50.toFixed(
      2,
    )} ms          ${verdict(s1.p50 <= 2)}`,
    `  (3) p50 / (1) p50 >= 10x                          ${ratio.toFixed(
      1,
    )}x          ${verdict(ratio >= 10)}`,
    `  empty entity within 20% of one with 50 objects    ${empty.p50.toFixed(
      2,
    )} vs ${fifty.p50.toFixed(2)} ms (${(emptyVsFifty * 100).toFixed(
      0,
    )}%)  ${verdict(emptyVsFifty <= 0.2)}`,
    `  RSS growth <= 300 MB at 10,000 pods               ${mb(
      growth,
    )} (3 clusters x ${total} pods)  ${verdict(growth <= 300 * 2 ** 20)}`,
    `  0 LISTs per view on A                             ${s1.listsPerView.toFixed(
      1,
    )} (ours), ${s2.listsPerView.toFixed(
      1,
    )} (upstream, our provider)  ${verdict(
      s1.listsPerView === 0 && s2.listsPerView === 0,
    )}`,
  ];
}

export function formatReport(r: BenchResults): string {
  const { opts, total, s1, s2, s3, empty, fifty, revalidated } = r;
  const { memBefore, memAfter, memViews } = r;
  const perEntity = opts.pods / opts.entities;
  // the series in the order they ran
  const loadAtSeries = [s1, s2, empty, fifty, revalidated, s3].map(s => s.load);
  const lines = [
    '',
    `Benchmark: ${total} pods (${opts.pods} in ${opts.namespaces} namespaces for ${opts.entities} entities, ${perEntity} pods each, + ${FIFTY} for bench-fifty), all Running on 97 simulated nodes`,
    `3 clusters = the local API server under 3 names (js2-a, js2-b direct; js2-remote behind a TCP proxy adding ${opts.delayMs} ms each way): every view covers 3 x ${perEntity} pods`,
    `${
      opts.views
    } sequential views per series over one keep-alive connection after a warm-up; ms from request to last byte; machine: ${
      os.cpus().length
    } cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${
      process.version
    }`,
    `load average (1 min) when the series started: ${loadAtSeries
      .map(l => l.toFixed(1))
      .join(
        ', ',
      )} (the machine is shared; other processes add to every figure)`,
    '',
    header(),
    row(s1),
    row(s2),
    row(s3),
    row(empty),
    row(fifty),
    row(revalidated),
    '',
    `pods created in ${(r.createMs / 1000).toFixed(0)} s, all Running ${(
      r.runningMs / 1000
    ).toFixed(0)} s after the first create`,
    `RSS of the bench process with backend A only: ${mb(
      memBefore.rss,
    )} synced on the empty cluster -> ${mb(
      memAfter.rss,
    )} holding ${total} pods x 3 clusters (heap ${mb(memBefore.heap)} -> ${mb(
      memAfter.heap,
    )})${r.gcExposed ? '' : ' [without --expose-gc]'}; ${mb(
      memViews.rss,
    )} once it also cached the ${opts.entities} entities' views (JSON + gzip)`,
    `RSS with backend B (started after A stopped, same process): ${mb(
      r.memBStart.rss,
    )} before -> ${mb(r.memB.rss)} once its collector held the pods`,
    `(1) A, first view of each entity after a change (computed, then cached): p50 ${s1.coldP50.toFixed(
      2,
    )} ms`,
    `views settled ${(r.settleMs / 1000).toFixed(
      0,
    )} s after every pod showed Running; (1) entities whose view changed between warm-up and series: ${
      s1.changed
    } of ${opts.views}`,
    '',
    ...targets(r),
  ];
  const failures = [s1, s2, s3, empty, fifty, revalidated].flatMap(s =>
    s.failures.map(x => `${s.label}: ${x}`),
  );
  if (failures.length)
    lines.push(
      '',
      `unexpected answers (${failures.length}; 200 expected, 304 with If-None-Match):`,
      ...failures.slice(0, 10),
    );
  return lines.join('\n');
}
