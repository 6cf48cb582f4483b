import { createLimiter } from './createLimiter';

describe('createLimiter', () => {
  it('runs at most max tasks at once, the others in the order they came', async () => {
    const limiter = createLimiter(2);
    const started: number[] = [];
    const finishers: Array<() => void> = [];
    let peak = 0;
    const tasks = [0, 1, 2, 3, 4].map(i =>
      limiter.run(
        () =>
          new Promise<number>(resolve => {
            started.push(i);
            peak = Math.max(peak, limiter.active());
            finishers.push(() => resolve(i));
          }),
      ),
    );
    await new Promise(r => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect(limiter.waiting()).toBe(3);
    // a newcomer never jumps the queue while a slot is being handed over
    finishers[0]();
    const late = limiter.run(async () => {
      started.push(99);
      return 99;
    });
    await new Promise(r => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    for (let i = 1; i < 5; i++) {
      finishers[i]();
      await new Promise(r => setImmediate(r));
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4]);
    expect(await late).toBe(99);
    expect(started).toEqual([0, 1, 2, 3, 4, 99]);
    expect(peak).toBe(2);
    expect(limiter.active()).toBe(0);
  });

  it('frees the slot of a task that fails', async () => {
    const limiter = createLimiter(1);
    await expect(
      limiter.run(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'next')).toBe('next');
    expect(limiter.active()).toBe(0);
  });

  it('refuses a limit below one', () => {
    expect(() => createLimiter(0)).toThrow('at least one slot');
  });
});
