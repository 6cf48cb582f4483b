import { podLine } from './summary';

describe('podLine', () => {
  const counts = (c: Partial<Record<string, number>>) => ({
    total: 0,
    running: 0,
    done: 0,
    progressing: 0,
    failing: 0,
    ...c,
  });

  it('reads finished pods as done, never as failing', () => {
    expect(podLine(counts({ total: 3, running: 1, done: 2 }))).toEqual({
      text: '1/1 pods running · 2 completed',
      verdict: 'ok',
    });
    expect(podLine(counts({ total: 2, done: 2 }))).toEqual({
      text: 'All 2 pods completed',
      verdict: 'done',
    });
  });

  it('is red only when a pod fails', () => {
    expect(
      podLine(
        counts({ total: 4, running: 1, done: 1, failing: 1, progressing: 1 }),
      ),
    ).toEqual({
      text: '1/3 pods running · 1 completed · 1 starting · 1 failing',
      verdict: 'error',
    });
    expect(podLine(counts({}))).toEqual({
      text: 'No pods found',
      verdict: 'warning',
    });
  });
});
