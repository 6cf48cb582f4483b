/** The bench's command-line options (`--pods 1000 --views 10` …); each has the default of the full run. */
export interface BenchOptions {
  /** Bare pods for the entities bench-0 … bench-<entities - 1> (`--pods`). */
  pods: number;
  /** Namespaces the pods are spread over (`--namespaces`). */
  namespaces: number;
  /** Catalog entities the pods are labelled for (`--entities`). */
  entities: number;
  /** Views per series (`--views`). */
  views: number;
  /** Delay each way of the TCP proxy in front of js2-remote, in ms (`--delay`). */
  delayMs: number;
  /** The whole run stops after this, in ms (`--deadline-minutes`). */
  deadlineMs: number;
}

/** Pods of the entity bench-fifty, spread over the namespaces (not an option). */
export const FIFTY = 50;

export function parseOptions(args: string[]): BenchOptions {
  const arg = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  return {
    pods: arg('pods', 10_000),
    namespaces: arg('namespaces', 20),
    entities: arg('entities', 50),
    views: arg('views', 50),
    delayMs: arg('delay', 20),
    deadlineMs: arg('deadline-minutes', 20) * 60_000,
  };
}
