import {
  decideNotice,
  type NoticeRule,
  type NoticeState,
} from './decideNotice';

const MIN = 60_000;
const rule: NoticeRule = { quiet: 'healthy', windowMs: 60 * MIN };
const state = (s: Partial<NoticeState>): NoticeState => ({
  observed: 'healthy',
  observedSince: 0,
  version: 1,
  ...s,
});

describe('decideNotice', () => {
  it('tells once when a service turns failing, and nothing while it stays so', () => {
    const first = decideNotice(undefined, 'failing', 1_000, rule);
    expect(first).toEqual({
      next: {
        observed: 'failing',
        observedSince: 1_000,
        notified: 'failing',
        notifiedAt: 1_000,
      },
      notify: 'failing',
    });
    const again = decideNotice(
      state({ ...first.next, version: 1 }),
      'failing',
      5 * MIN,
      rule,
    );
    expect(again.notify).toBeUndefined();
    expect(again.next).toEqual(first.next);
  });

  it('says nothing about a healthy service nobody was told about', () => {
    expect(decideNotice(undefined, 'healthy', 0, rule)).toEqual({
      next: { observed: 'healthy', observedSince: 0 },
    });
  });

  it('tells of the recovery once the flap window has passed, not before', () => {
    const failing = state({
      observed: 'failing',
      observedSince: 0,
      notified: 'failing',
      notifiedAt: 0,
    });
    const early = decideNotice(failing, 'healthy', 10 * MIN, rule);
    expect(early.notify).toBeUndefined();
    expect(early.next).toMatchObject({
      observed: 'healthy',
      observedSince: 10 * MIN,
      notified: 'failing',
    });
    const later = decideNotice(
      { ...failing, ...early.next, version: 2 },
      'healthy',
      61 * MIN,
      rule,
    );
    expect(later.notify).toBe('healthy');
    // observed healthy since the first time it was seen so
    expect(later.next).toEqual({
      observed: 'healthy',
      observedSince: 10 * MIN,
      notified: 'healthy',
      notifiedAt: 61 * MIN,
    });
  });

  it('sends at most one notification per window for a flapping pod', () => {
    let s: NoticeState | undefined;
    let sent = 0;
    // failing and healthy by turns every minute for two hours
    for (let minute = 0; minute < 120; minute++) {
      const observed = minute % 2 === 0 ? 'failing' : 'healthy';
      const d = decideNotice(s, observed, minute * MIN, rule);
      if (d.notify) sent += 1;
      s = { ...d.next, version: (s?.version ?? 0) + 1 };
    }
    // minute 0 (failing), minute 61 (healthy: an hour after), none in between
    expect(sent).toBe(2);
  });

  it('records silent states as told without sending', () => {
    const runway: NoticeRule = {
      quiet: 'ok',
      silent: ['ok'],
      windowMs: 60 * MIN,
    };
    const low = decideNotice(undefined, 'low', 0, runway);
    expect(low.notify).toBe('low');
    const topUp = decideNotice({ ...low.next, version: 1 }, 'ok', MIN, runway);
    expect(topUp.notify).toBeUndefined();
    expect(topUp.next.notified).toBe('ok');
    // a later fall is told again once the window allows it
    const again = decideNotice(
      { ...topUp.next, version: 2 },
      'low',
      61 * MIN,
      runway,
    );
    expect(again.notify).toBe('low');
  });
});
