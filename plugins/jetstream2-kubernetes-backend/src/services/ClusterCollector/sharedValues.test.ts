import { createSharedValues } from './sharedValues';

describe('createSharedValues', () => {
  it('gives back the first of equal structures, and a new one for a different value', () => {
    const shared = createSharedValues();
    const first = shared.share([{ name: 'web', image: 'nginx:1.27' }]);
    const again = shared.share([{ name: 'web', image: 'nginx:1.27' }]);
    const other = shared.share([{ name: 'web', image: 'nginx:1.28' }]);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(other).toEqual([{ name: 'web', image: 'nginx:1.28' }]);
  });

  it('keeps strings and leaves numbers, booleans and null as they are', () => {
    const shared = createSharedValues();
    expect(shared.share('Running')).toBe('Running');
    expect(shared.share('Running')).toBe('Running');
    expect(shared.share(3)).toBe(3);
    expect(shared.share(false)).toBe(false);
    expect(shared.share(null)).toBeNull();
    expect(shared.size()).toBe(1);
  });

  it('does not remember long strings or large structures', () => {
    const shared = createSharedValues();
    shared.share('x'.repeat(600));
    const big = { env: 'y'.repeat(20_000) };
    expect(shared.share(big)).toBe(big);
    expect(shared.share({ env: 'y'.repeat(20_000) })).not.toBe(big);
    expect(shared.size()).toBe(0);
  });

  it('stays bounded: a value not asked for during two generations is forgotten, one in use is kept', () => {
    const shared = createSharedValues({ maxEntries: 2 });
    const inUse = shared.share({ app: 'web' });
    const dropped = shared.share({ app: 'old' });
    // fills the young generation twice over; inUse is asked for in between, so it moves along
    shared.share({ n: 1 });
    expect(shared.share({ app: 'web' })).toBe(inUse);
    shared.share({ n: 2 });
    shared.share({ n: 3 });
    expect(shared.share({ app: 'web' })).toBe(inUse);
    expect(shared.share({ app: 'old' })).not.toBe(dropped);
    expect(shared.size()).toBeLessThanOrEqual(4);
  });

  it('forgets everything on clear', () => {
    const shared = createSharedValues();
    const first = shared.share({ a: 1 });
    shared.clear();
    expect(shared.size()).toBe(0);
    expect(shared.share({ a: 1 })).not.toBe(first);
  });
});
