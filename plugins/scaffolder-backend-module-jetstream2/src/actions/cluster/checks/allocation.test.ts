import { allocationCheck } from './allocation';
import { runCheck } from './testing';

describe('allocation check', () => {
  it('takes the quota of the allocation kind unless raised', () => {
    expect(runCheck(allocationCheck).facts).toEqual({
      allocation: 'abc123456',
      allocationKind: 'gpu',
      quotaCores: 64,
    });
    expect(
      runCheck(allocationCheck, { allocationKind: 'cpu', quotaCores: 300 })
        .facts.quotaCores,
    ).toBe(300);
  });

  it.each([
    [{ allocation: 'ABC123456' }, /use lowercase: "abc123456"/],
    [{ allocation: 'abc' }, /three lowercase letters and six digits/],
    [
      { allocationKind: 'premium' },
      /"Allocation kind" "premium" is unknown; choose one of: cpu, gpu, trial/,
    ],
    [{ allocationKind: 'trial' }, /trial allocation has a quota of 2 cores/],
    [{ quotaCores: 1.5 }, /"Core quota" must be a whole number/],
  ])('refuses %j', (change, message) => {
    const { problems } = runCheck(allocationCheck, change);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
