/**
 * What every step of one bench run shares: its clock and deadline, its log (stderr, seconds since the
 * start), and the list of things it started, stopped in reverse order, once, at the end, on failure, on
 * the deadline or on Ctrl-C.
 */
export interface Run {
  /** Date.now() when the run started. */
  readonly started: number;
  /** started + the deadline: no wait goes beyond it. */
  readonly until: number;
  log(message: string): void;
  /** Registers how to stop something just started. */
  onCleanup(what: string, fn: () => Promise<unknown>): void;
  /** Runs the registered stops, last first; a failed stop is logged and the others still run. */
  cleanup(): Promise<void>;
}

export function createRun(deadlineMs: number): Run {
  const started = Date.now();
  const log = (m: string) =>
    process.stderr.write(
      `bench [${((Date.now() - started) / 1000).toFixed(0)}s]: ${m}\n`,
    );
  const cleanups: Array<{ what: string; fn: () => Promise<unknown> }> = [];
  let cleaning: Promise<void> | undefined;
  return {
    started,
    until: started + deadlineMs,
    log,
    onCleanup(what, fn) {
      cleanups.push({ what, fn });
    },
    cleanup() {
      cleaning ??= (async () => {
        while (cleanups.length) {
          const c = cleanups.pop()!;
          try {
            await c.fn();
          } catch (e) {
            log(`cleanup of ${c.what} failed: ${e}`);
          }
        }
      })();
      return cleaning;
    },
  };
}

export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
