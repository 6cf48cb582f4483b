/**
 * What the scale bench reads off a running backend: when every cluster is in sync, CPU over an idle
 * window, this process's TCP connections to the API server, and percentiles.
 */
import fs from 'node:fs';
import inspector from 'node:inspector';
import type { Backend } from '../backends';
import { clusters } from '../http';
import { waitUntil } from '../measure';
import type { Run } from '../run';
import { sleep } from '../run';

/**
 * Waits until the first `live` clusters (the API server's names) are `ok` and hold at least `pods` pods
 * and `nodes` nodes each; resolves with the milliseconds since `since`.
 */
export async function waitClustersInSync(
  run: Run,
  b: Backend,
  expect: { live: number; pods: number; nodes: number },
  since: number,
  timeoutMs: number,
): Promise<number> {
  let lastLog = 0;
  await waitUntil(
    run,
    `backend ${b.name}'s ${expect.live} clusters to be in sync with ${expect.pods} pods each`,
    async () => {
      const cs = (await clusters(b)).slice(0, expect.live);
      const synced = cs.filter(
        c =>
          c.status === 'ok' &&
          c.podCount >= expect.pods &&
          c.nodeCount >= expect.nodes,
      ).length;
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        run.log(`${synced} of ${expect.live} clusters in sync`);
      }
      return { total: cs.length, synced };
    },
    v => v.total === expect.live && v.synced === expect.live,
    timeoutMs,
    v => `${v?.synced ?? 0} of ${expect.live} clusters in sync`,
  );
  return Date.now() - since;
}

/**
 * CPU time of this process over `seconds` of doing nothing, as a percentage of one core. With
 * JS2_BENCH_CPU_PROFILE=<file> it also writes a CPU profile of that window (open it in Chrome's DevTools).
 */
export async function idleCpuPercent(seconds: number): Promise<number> {
  const profileFile = process.env.JS2_BENCH_CPU_PROFILE;
  const session = profileFile ? new inspector.Session() : undefined;
  const post = (method: string) =>
    new Promise<any>((resolve, reject) =>
      session!.post(method, (err, result) =>
        err ? reject(err) : resolve(result),
      ),
    );
  if (session) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  await sleep(seconds * 1000);
  const c1 = process.cpuUsage(c0);
  const wallUs = Number(process.hrtime.bigint() - t0) / 1000;
  if (session) {
    const { profile } = await post('Profiler.stop');
    fs.writeFileSync(profileFile!, JSON.stringify(profile));
    session.disconnect();
  }
  return ((c1.user + c1.system) / wallUs) * 100;
}

/** The highest RSS of this process, sampled every 250 ms from now until stop(). */
export function sampleRssPeak(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 250);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

/** Established TCP connections from this process to 127.0.0.1:`port` (from /proc; 0 where there is none). */
export function tcpConnectionsTo(port: number): number {
  let inodes: Set<string>;
  try {
    inodes = new Set(
      fs
        .readdirSync('/proc/self/fd')
        .map(fd => {
          try {
            return /^socket:\[(\d+)\]$/.exec(
              fs.readlinkSync(`/proc/self/fd/${fd}`),
            )?.[1];
          } catch {
            return undefined;
          }
        })
        .filter((i): i is string => !!i),
    );
  } catch {
    return 0;
  }
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  let count = 0;
  for (const file of ['/proc/self/net/tcp', '/proc/self/net/tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local, remote, state (01 = ESTABLISHED), ..., inode (10th)
      if (f.length < 10 || f[3] !== '01') continue;
      if (f[2].endsWith(`:${hexPort}`) && inodes.has(f[9])) count += 1;
    }
  }
  return count;
}

export const percentile = (values: number[], p: number) => {
  const s = [...values].sort((x, y) => x - y);
  return s.length
    ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
    : NaN;
};
