import { runCheck } from './testing';
import { workersCheck } from './workers';

describe('workers check', () => {
  it('marks GPU workers', () => {
    const { facts, problems } = runCheck(workersCheck);
    expect(problems).toEqual([]);
    expect(facts.worker?.name).toBe('g3.medium');
    expect(facts.gpu).toBe(true);
  });

  it('warns about by-request, tiny and wasted-GPU-allocation workers', () => {
    expect(
      runCheck(workersCheck, { workerFlavor: 'm3.3xl', allocationKind: 'cpu' })
        .warnings,
    ).toEqual([expect.stringMatching(/m3.3xl is available by request only/)]);
    expect(
      runCheck(workersCheck, { workerFlavor: 'm3.tiny' }).warnings.join('\n'),
    ).toMatch(
      /m3.tiny workers \(1 vCPU, 3 GB\) leave little room[\s\S]*GPU allocation but the workers have no GPU/,
    );
  });

  it.each([
    [{ workerFlavor: 'x1' }, /"Worker flavor" "x1" is not a Jetstream2 flavor/],
    [{ workerFlavor: 'g3.small' }, /g3.small is retired; use g3.medium/],
    [{ allocationKind: 'cpu' }, /g3.medium needs a GPU allocation/],
  ])('refuses %j', (change, message) => {
    const { problems } = runCheck(workersCheck, change);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
