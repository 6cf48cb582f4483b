/**
 * Churn (issue 24, item 4): pod changes at `churnRate` per second as the collector sees them, for
 * `churnSeconds`, spread over every cluster, while one open tab (the view of svc-0, refetched on each of
 * its change notices, as the page does) must show a marker patched onto its pod in every cluster.
 *
 * Every cluster name is the same API server, so one PATCH there is one change in each cluster: the bench
 * patches `churnRate / clusters` pods per second (an annotation, a MODIFIED event per cluster).
 */
import { entitySignalChannel } from '@internal/plugin-jetstream2-kubernetes-common';
import type { Backend } from '../backends';
import type { Cluster } from '../cluster';
import { ours } from '../http';
import type { Run } from '../run';
import { sleep } from '../run';
import type { SignalRecorder } from './backends';
import { percentile } from './measure';
import type { ScaleOptions } from './options';

export interface ChurnResult {
  seconds: number;
  /** PATCHes the API server accepted. */
  patches: number;
  /** Changes per second the collector was sent (patches × clusters / seconds). */
  changesPerSecond: number;
  /** ms from the marker's PATCH until the tab's refetch showed it in every cluster. */
  tabUpdateP50Ms: number;
  tabUpdateMaxMs: number;
  /** Markers the tab had not seen in every cluster 10 s after the churn ended. */
  tabMissed: number;
  markers: number;
  /** Notices published during the churn, per second, all channels. */
  noticesPerSecond: number;
  /** The most notices one channel got within one second. */
  maxNoticesPerChannelPerSecond: number;
  patchErrors: number;
}

type Pod = { namespace: string; name: string; entity: string };

const patchPath = (p: Pod) =>
  `/api/v1/namespaces/${p.namespace}/pods/${p.name}`;
const annotate = (key: string, value: string) => ({
  metadata: { annotations: { [key]: value } },
});

/** The tab: refetches the view on each notice of its channel and checks the pending markers. */
function openTab(
  backend: Backend,
  entity: string,
  clusters: number,
  signals: SignalRecorder,
) {
  const channel = entitySignalChannel(`component:default/${entity}`);
  const pending = new Map<string, number>();
  const seenMs: number[] = [];
  let fetching = false;
  let again = false;
  const check = (text: string) => {
    for (const [marker, t0] of pending) {
      if (text.split(`"${marker}"`).length - 1 >= clusters) {
        seenMs.push(Date.now() - t0);
        pending.delete(marker);
      }
    }
  };
  const refetch = async () => {
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    try {
      do {
        again = false;
        check((await ours(backend, entity)).text);
      } while (again);
    } finally {
      fetching = false;
    }
  };
  const unsubscribe = signals.subscribe(s => {
    if (s.channel === channel) void refetch().catch(() => undefined);
  });
  return { pending, seenMs, channel, close: unsubscribe };
}

export async function runChurn(
  run: Run,
  cluster: Cluster,
  backend: Backend,
  signals: SignalRecorder,
  pods: Pod[],
  opts: Pick<ScaleOptions, 'churnRate' | 'churnSeconds' | 'clusters'>,
): Promise<ChurnResult> {
  const tabEntity = 'svc-0';
  const tabPod = pods.find(p => p.entity === tabEntity)!;
  const others = pods.filter(p => p !== tabPod);
  const perSecond = opts.churnRate / opts.clusters;
  const tab = openTab(backend, tabEntity, opts.clusters, signals);
  await ours(backend, tabEntity); // the tab is open: its view was asked for
  run.log(
    `churn: ${perSecond.toFixed(1)} PATCH/s on the API server = ${
      opts.churnRate
    } pod changes/s over ${opts.clusters} clusters, for ${
      opts.churnSeconds
    } s; the tab of ${tabEntity} waits for a marker every 2.5 s`,
  );
  const start = Date.now();
  const end = start + opts.churnSeconds * 1000;
  let sent = 0;
  let accepted = 0;
  let errors = 0;
  let inFlight = 0;
  let markers = 0;
  let nextMarkerAt = start + 1000;
  const patch = (p: Pod, body: unknown) => {
    inFlight += 1;
    return cluster
      .admin('PATCH', patchPath(p), body)
      .then(() => {
        accepted += 1;
      })
      .catch(() => {
        errors += 1;
      })
      .finally(() => {
        inFlight -= 1;
      });
  };
  while (Date.now() < end) {
    const now = Date.now();
    const due = Math.floor(((now - start) / 1000) * perSecond) - sent;
    for (let i = 0; i < due && inFlight < 32; i++) {
      const p = others[sent % others.length];
      sent += 1;
      void patch(p, annotate('bench/churn', String(sent)));
    }
    if (now >= nextMarkerAt) {
      const marker = `m${++markers}`;
      tab.pending.set(marker, Date.now());
      void patch(tabPod, annotate('bench/marker', marker));
      nextMarkerAt += 2500;
    }
    await sleep(20);
  }
  const seconds = (Date.now() - start) / 1000;
  // the last markers get up to 10 s
  const settleUntil = Date.now() + 10_000;
  while (tab.pending.size > 0 && Date.now() < settleUntil) await sleep(50);
  tab.close();
  const during = signals.published.filter(s => s.at >= start && s.at <= end);
  const buckets = new Map<string, number>();
  for (const s of during) {
    const key = `${s.channel}@${Math.floor((s.at - start) / 1000)}`;
    buckets.set(key, (buckets.get(key) ?? 0) + 1);
  }
  return {
    seconds,
    patches: accepted,
    changesPerSecond: ((accepted - markers) * opts.clusters) / seconds,
    tabUpdateP50Ms: percentile(tab.seenMs, 50),
    tabUpdateMaxMs: tab.seenMs.length ? Math.max(...tab.seenMs) : NaN,
    tabMissed: tab.pending.size,
    markers,
    noticesPerSecond: during.length / seconds,
    maxNoticesPerChannelPerSecond: Math.max(0, ...buckets.values()),
    patchErrors: errors,
  };
}
