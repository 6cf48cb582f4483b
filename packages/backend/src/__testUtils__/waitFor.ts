/**
 * Calls `check` until it returns something other than undefined, and returns that; fails after `timeoutMs`
 * with a message naming `what` and the last thing seen (`describe(last)`).
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  options: { timeoutMs?: number; describe?: () => string } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const last = options.describe?.();
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}${
          last ? `; last seen: ${last}` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, 200));
  }
}
