/**
 * Options of the scale bench (issue 24): `--clusters 200 --pods-per-cluster 500` for the full run,
 * `--quick` for 50 × 200 in at most three minutes. Every option has the value of the full run unless
 * `--quick` lowers it.
 */
export interface ScaleOptions {
  /** How many cluster names the API server is configured under (`--clusters`). */
  clusters: number;
  /** Pods in the API server, so in each cluster (`--pods-per-cluster`). */
  podsPerCluster: number;
  /** Services of the group on the home card, one Deployment of one pod each (`--services`). */
  services: number;
  /** Timed views per series (`--views`). */
  views: number;
  /** Seconds of the idle CPU window (`--idle-seconds`). */
  idleSeconds: number;
  /** Pod changes per second seen by the collector, all clusters together (`--churn-rate`). */
  churnRate: number;
  /** Seconds of churn (`--churn-seconds`). */
  churnSeconds: number;
  /** Timed views of upstream's default provider (`--upstream-views`; 0 skips it). */
  upstreamViews: number;
  /** API port of the bench's control plane (`--port`); a free one when not given. */
  port?: number;
  /** The whole run stops after this, in ms (`--deadline-minutes`). */
  deadlineMs: number;
  quick: boolean;
}

/** Whether these arguments ask for the scale bench rather than the three-cluster bench of issue 9. */
export function isScaleRun(args: string[]): boolean {
  return args.includes('--quick') || args.includes('--clusters');
}

export function parseScaleOptions(args: string[]): ScaleOptions {
  const quick = args.includes('--quick');
  const arg = (name: string, full: number, quickValue = full) => {
    const i = args.indexOf(`--${name}`);
    if (i < 0) return quick ? quickValue : full;
    const value = Number(args[i + 1]);
    if (!Number.isFinite(value) || value < 0) {
      throw new Error(`--${name} needs a number, got "${args[i + 1]}"`);
    }
    return value;
  };
  const port = arg('port', 0);
  const options: ScaleOptions = {
    clusters: arg('clusters', 200, 50),
    podsPerCluster: arg('pods-per-cluster', 500, 200),
    services: arg('services', 50),
    views: arg('views', 50, 30),
    idleSeconds: arg('idle-seconds', 30, 10),
    churnRate: arg('churn-rate', 1000),
    churnSeconds: arg('churn-seconds', 30, 10),
    upstreamViews: arg('upstream-views', 3, 2),
    port: port || undefined,
    deadlineMs: arg('deadline-minutes', 20, 3) * 60_000,
    quick,
  };
  if (options.services > options.podsPerCluster) {
    throw new Error(
      `--services (${options.services}) must not exceed --pods-per-cluster (${options.podsPerCluster}): each service runs one pod`,
    );
  }
  if (options.clusters < 1) throw new Error('--clusters must be at least 1');
  return options;
}
