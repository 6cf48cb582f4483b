/** Runs at most `max` tasks at a time; the others wait in order. */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  active(): number;
  /** Tasks waiting for a slot. */
  waiting(): number;
}

export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) {
    throw new Error(`A limiter needs at least one slot, got ${max}`);
  }
  let running = 0;
  const queue: Array<() => void> = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      // a slot is either taken now or handed over by the task that ends (never both)
      if (running >= max) await new Promise<void>(r => queue.push(r));
      else running += 1;
      try {
        return await task();
      } finally {
        const next = queue.shift();
        if (next) next();
        else running -= 1;
      }
    },
    active: () => running,
    waiting: () => queue.length,
  };
}
