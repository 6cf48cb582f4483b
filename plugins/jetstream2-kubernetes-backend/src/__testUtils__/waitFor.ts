export interface WaitForOptions<T> {
  /** How long to wait before failing. Default 5 s. */
  timeoutMs?: number;
  /** Pause between two checks. Default 20 ms. */
  intervalMs?: number;
  /** How the last value reads in the failure message. Default its JSON, cut to 400 characters. */
  describe?: (value: T | undefined) => string;
  /**
   * Treat a check that throws as "not yet" (e.g. a server that is still starting); the last error is
   * rethrown when time runs out. By default the first error fails the wait.
   */
  retryErrors?: boolean;
}

/**
 * The one wait of this package's tests and benchmark: reads `get()` until `ok` holds for it (by default,
 * until it is truthy) and resolves with that value. Never waits a fixed time: it fails after `timeoutMs`
 * with "Timed out after N ms waiting for <what>; last: <value>", so the failure says what did not happen.
 */
export async function waitFor<T>(
  what: string,
  get: () => T | Promise<T>,
  ok: (value: T) => boolean = value => Boolean(value),
  options: WaitForOptions<T> = {},
): Promise<T> {
  const {
    timeoutMs = 5_000,
    intervalMs = 20,
    describe = value => String(JSON.stringify(value)).slice(0, 400),
    retryErrors = false,
  } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let last: T | undefined;
    try {
      last = await get();
      if (ok(last)) return last;
    } catch (error) {
      if (!retryErrors || Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}; last: ${describe(
          last,
        )}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}

/** How long `wait` took, in milliseconds, with its value. */
export async function timed<T>(
  wait: () => Promise<T>,
): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  const value = await wait();
  return { value, ms: Date.now() - start };
}
