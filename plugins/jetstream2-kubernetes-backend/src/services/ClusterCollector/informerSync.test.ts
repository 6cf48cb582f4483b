import type { ClusterError } from '@internal/plugin-jetstream2-kubernetes-common';
import {
  allSettled,
  initialSync,
  nextSync,
  type InformerSync,
} from './informerSync';

const limits = { minBackoffMs: 100, maxBackoffMs: 1_000 };
const forbidden: ClusterError = {
  reason: 'forbidden',
  message: 'The service account may not list pods.',
};
const unreachable: ClusterError = {
  reason: 'unreachable',
  message: 'No answer from the API server.',
};
const fail = (state: InformerSync, error = forbidden, jitter = 0) =>
  nextSync(state, { type: 'failed', error, jitter }, limits);

describe('nextSync', () => {
  it('starts out of sync at the shortest back-off', () => {
    expect(initialSync(limits)).toEqual({ synced: false, backoffMs: 100 });
  });

  it('comes in sync; the status changes only when that clears a failure', () => {
    const clean = nextSync(initialSync(limits), { type: 'synced' }, limits);
    expect(clean).toEqual({
      next: { synced: true, backoffMs: 100 },
      statusChanged: false,
    });

    const failed = fail(fail(initialSync(limits)).next).next;
    const recovered = nextSync(failed, { type: 'synced' }, limits);
    expect(recovered.next).toEqual({ synced: true, backoffMs: 100 });
    expect(recovered.next.error).toBeUndefined();
    expect(recovered.statusChanged).toBe(true);
  });

  it('records a failure, retries after the back-off plus up to 20% jitter, and doubles the back-off up to the limit', () => {
    const first = fail(initialSync(limits), forbidden, 0.5);
    expect(first).toEqual({
      next: { synced: false, error: forbidden, backoffMs: 200 },
      statusChanged: true,
      retryInMs: 110,
    });

    let state = first.next;
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = fail(state);
      delays.push(t.retryInMs!);
      state = t.next;
    }
    expect(delays).toEqual([200, 400, 800, 1_000, 1_000]);
    expect(state.backoffMs).toBe(1_000);
  });

  it('keeps the first of repeated failures with the same message, without a status change', () => {
    const first = fail(initialSync(limits)).next;
    const again = fail(first, { ...forbidden, reason: 'unknown' });
    expect(again.statusChanged).toBe(false);
    expect(again.next.error).toBe(forbidden);

    const other = fail(first, unreachable);
    expect(other.statusChanged).toBe(true);
    expect(other.next.error).toBe(unreachable);
  });

  it('a type in sync whose watch fails stays in sync with the failure', () => {
    const synced = nextSync(initialSync(limits), { type: 'synced' }, limits);
    expect(fail(synced.next).next).toMatchObject({
      synced: true,
      error: forbidden,
    });
  });

  it('retryNow resets only the back-off', () => {
    const failed = fail(fail(initialSync(limits)).next).next;
    expect(nextSync(failed, { type: 'retryNow' }, limits)).toEqual({
      next: { synced: false, error: forbidden, backoffMs: 100 },
      statusChanged: false,
    });
  });

  it('stopped forgets sync and failure (and keeps the back-off)', () => {
    const synced = nextSync(initialSync(limits), { type: 'synced' }, limits);
    const failed = fail(synced.next).next;
    expect(nextSync(failed, { type: 'stopped' }, limits)).toEqual({
      next: { synced: false, backoffMs: 200 },
      statusChanged: false,
    });
  });

  it('never changes the state it is given', () => {
    const state = Object.freeze(initialSync(limits));
    expect(() => fail(state)).not.toThrow();
    expect(state).toEqual({ synced: false, backoffMs: 100 });
  });
});

describe('allSettled', () => {
  const synced = { synced: true, backoffMs: 100 };
  const listing = { synced: false, backoffMs: 100 };
  const refused = { synced: false, error: forbidden, backoffMs: 100 };
  const brokenWatch = { synced: true, error: forbidden, backoffMs: 100 };

  it('is true once every type is in sync or refused, with at least one in sync', () => {
    expect(allSettled([synced, synced])).toBe(true);
    expect(allSettled([synced, refused])).toBe(true);
  });

  it('is false while a type is listing, when all are refused, or when a synced type is failing', () => {
    expect(allSettled([synced, listing])).toBe(false);
    expect(allSettled([refused, refused])).toBe(false);
    expect(allSettled([synced, brokenWatch])).toBe(false);
    expect(allSettled([])).toBe(false);
  });
});
