/**
 * The scale bench's report: a few readable lines with each target of issue 24 and PASS or MISS, then, as
 * the last line of stdout, one JSON object with the figures.
 */
import os from 'node:os';
import type { Memory, Series } from '../measure';
import type { ChurnResult } from './churn';
import type { ScaleOptions } from './options';

export interface ScaleResults {
  opts: ScaleOptions;
  /** The first and last cluster names. */
  clusterNames: string[];
  /** Cached pods: pods per cluster × clusters. */
  pods: number;
  /** From the start of backend A until every cluster was in sync. */
  readyMs: number;
  /** The empty backend (same features, no cluster). */
  memBase: Memory;
  /** The same features and clusters before the workload existed (their nodes and system objects only). */
  memEmpty: Memory;
  /** A with every cluster in sync. */
  memSynced: Memory;
  /** A after the series (the entities' views cached too). */
  memViews: Memory;
  /** A after the idle window. */
  memIdle: Memory;
  /** The highest RSS from A's start until it stopped (sampled). */
  peakRss: number;
  watchConnections: number;
  tcpConnections: number;
  views: Series;
  home: Series;
  clustersPage: Series;
  upstreamOurs: Series;
  upstreamDefault?: Series;
  idle: number;
  /** Load average (1, 5, 15 min) before the idle window, and at the end of A. */
  load: number[];
  loadAfter: number[];
  churn: ChurnResult;
  faults: {
    deadConnectsPerMin: number;
    flappingConnectsPerMin: number;
    flappingListsPerMin: number;
  };
}

const round = (n: number, digits = 2) =>
  Number.isFinite(n) ? Number(n.toFixed(digits)) : null;
const MB = 2 ** 20;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

/** The JSON line's object: the figures named by issue 24 first, then the others. */
export function scaleFigures(r: ScaleResults) {
  // what the pods add: the same clusters synced with and without the workload
  const grown = r.memSynced.rss - r.memEmpty.rss;
  const listsPerView = Math.max(
    r.views.listsPerView,
    r.home.listsPerView,
    r.clustersPage.listsPerView,
    r.upstreamOurs.listsPerView,
  );
  return {
    clusters: r.opts.clusters,
    pods: r.pods,
    readySeconds: round(r.readyMs / 1000, 1),
    rssMb: round(r.memViews.rss / MB, 0),
    rssMbPer1kPods: round(grown / MB / (r.pods / 1000), 2),
    entityViewP50Ms: round(r.views.p50),
    entityViewP95Ms: round(r.views.p95),
    homeCardP50Ms: round(r.home.p50),
    clustersPageP50Ms: round(r.clustersPage.p50),
    listsPerView: round(listsPerView),
    watchConnections: r.watchConnections,
    idleCpuPercent: round(r.idle),
    // --- more figures
    mode: r.opts.quick ? 'quick' : 'full',
    podsPerCluster: r.opts.podsPerCluster,
    rssBaselineMb: round(r.memBase.rss / MB, 0),
    rssEmptyClustersMb: round(r.memEmpty.rss / MB, 0),
    rssPerClusterMb: round(
      (r.memEmpty.rss - r.memBase.rss) / MB / (r.opts.clusters + 2),
      2,
    ),
    rssSyncedMb: round(r.memSynced.rss / MB, 0),
    rssIdleMb: round(r.memIdle.rss / MB, 0),
    rssPeakMb: round(r.peakRss / MB, 0),
    heapEmptyClustersMb: round(r.memEmpty.heap / MB, 0),
    heapSyncedMb: round(r.memSynced.heap / MB, 0),
    heapBytesPerPod: round((r.memSynced.heap - r.memEmpty.heap) / r.pods, 0),
    bytesPerPod: round(grown / r.pods, 0),
    tcpConnections: r.tcpConnections,
    upstreamOurProviderP50Ms: round(r.upstreamOurs.p50),
    upstreamDefaultMsPerView: r.upstreamDefault
      ? round(r.upstreamDefault.mean, 0)
      : null,
    upstreamDefaultListsPerView: r.upstreamDefault
      ? round(r.upstreamDefault.listsPerView, 1)
      : null,
    churnChangesPerSecond: round(r.churn.changesPerSecond, 0),
    churnTabUpdateP50Ms: round(r.churn.tabUpdateP50Ms, 0),
    churnTabUpdateMaxMs: round(r.churn.tabUpdateMaxMs, 0),
    churnTabMissed: r.churn.tabMissed,
    churnNoticesPerSecond: round(r.churn.noticesPerSecond, 1),
    churnMaxNoticesPerChannelPerSecond: r.churn.maxNoticesPerChannelPerSecond,
    deadConnectsPerMin: round(r.faults.deadConnectsPerMin, 1),
    flappingConnectsPerMin: round(r.faults.flappingConnectsPerMin, 1),
    flappingListsPerMin: round(r.faults.flappingListsPerMin, 1),
    loadAverage: r.load.map(l => round(l)),
    loadAverageAfter: r.loadAfter.map(l => round(l)),
  };
}

export function formatScaleReport(r: ScaleResults): string {
  const f = scaleFigures(r);
  const typesPerCluster = r.watchConnections / (r.opts.clusters + 1);
  const lines = [
    '',
    `Scale bench (${f.mode}): ${
      r.opts.clusters
    } clusters (${r.clusterNames.join(
      ' … ',
    )}, the one local API server under each name) × ${
      r.opts.podsPerCluster
    } pods = ${r.pods} cached pods, plus a dead and a flapping cluster; ${
      os.cpus().length
    } cores, Node ${process.version}; load average ${f.loadAverage.join(
      ' ',
    )} before the idle window, ${f.loadAverageAfter.join(' ')} after churn`,
    `targets:`,
    `  all clusters in sync <= 120 s           ${f.readySeconds} s  ${verdict(
      r.readyMs <= 120_000,
    )}`,
    `  RSS <= 1 GB                             ${f.rssMb} MB (baseline ${
      f.rssBaselineMb
    } MB, synced ${f.rssSyncedMb} MB; ${
      f.bytesPerPod
    } bytes per cached pod)  ${verdict(r.memViews.rss <= 1024 * MB)}`,
    `  <= 10 MB per 1,000 cached pods          ${
      f.rssMbPer1kPods
    } MB  ${verdict((f.rssMbPer1kPods ?? Infinity) <= 10)}`,
    `  entity view p50 <= 2 ms                 ${f.entityViewP50Ms} ms (p95 ${
      f.entityViewP95Ms
    } ms)  ${verdict(r.views.p50 <= 2)}`,
    `  home card (50 services) p50 <= 20 ms    ${f.homeCardP50Ms} ms  ${verdict(
      r.home.p50 <= 20,
    )}`,
    `  clusters page p50 <= 20 ms              ${
      f.clustersPageP50Ms
    } ms  ${verdict(r.clustersPage.p50 <= 20)}`,
    `  idle CPU <= 5% of one core              ${f.idleCpuPercent}%  ${verdict(
      r.idle <= 5,
    )}`,
    `  0 LISTs per view                        ${f.listsPerView}  ${verdict(
      f.listsPerView === 0,
    )}`,
    `  one watch per type and cluster          ${
      r.watchConnections
    } watches = ${typesPerCluster.toFixed(2)} per cluster (${
      r.tcpConnections
    } TCP connections)`,
    `  churn: tab updated within 2 s           p50 ${
      f.churnTabUpdateP50Ms
    } ms, max ${f.churnTabUpdateMaxMs} ms, ${r.churn.tabMissed} of ${
      r.churn.markers
    } missed, at ${f.churnChangesPerSecond} changes/s  ${verdict(
      r.churn.tabMissed === 0 && r.churn.tabUpdateMaxMs <= 2000,
    )}`,
    `  churn: notices coalesced                ${f.churnMaxNoticesPerChannelPerSecond} per channel per second at most, ${f.churnNoticesPerSecond}/s in all`,
    `  back-off                                dead cluster ${f.deadConnectsPerMin} connections/min; flapping cluster ${f.flappingConnectsPerMin} connections/min, ${f.flappingListsPerMin} LISTs/min`,
    `  upstream's default provider            ${
      f.upstreamDefaultMsPerView ?? '-'
    } ms and ${
      f.upstreamDefaultListsPerView ?? '-'
    } LISTs per view (ours from the cache: ${
      f.upstreamOurProviderP50Ms
    } ms p50, 0 LISTs)`,
  ];
  const failures = [
    r.views,
    r.home,
    r.clustersPage,
    r.upstreamOurs,
    r.upstreamDefault,
  ]
    .filter((s): s is Series => !!s)
    .flatMap(s => s.failures.map(x => `${s.label}: ${x}`));
  if (failures.length) {
    lines.push(
      `unexpected answers (${failures.length}):`,
      ...failures.slice(0, 10),
    );
  }
  lines.push(JSON.stringify(f));
  return lines.join('\n');
}
