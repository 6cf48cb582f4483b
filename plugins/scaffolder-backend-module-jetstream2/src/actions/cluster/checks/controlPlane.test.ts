import { controlPlaneCheck } from './controlPlane';
import { runCheck } from './testing';

describe('control plane check', () => {
  it('accepts 1 or 3 masters of a CPU flavor', () => {
    for (const masterCount of [1, 3]) {
      const { facts, problems } = runCheck(controlPlaneCheck, { masterCount });
      expect(problems).toEqual([]);
      expect(facts.masterCount).toBe(masterCount);
      expect(facts.master?.name).toBe('m3.quad');
    }
  });

  it.each([
    [{ masterCount: 2 }, /"Control plane nodes" cannot be 2/],
    [{ masterCount: 0 }, /"Control plane nodes" cannot be 0/],
    [{ masterFlavor: 'g3.large' }, /is a GPU flavor/],
    [
      { masterFlavor: 'g3.small' },
      /"Control plane flavor" g3.small is retired/,
    ],
    [
      { masterFlavor: 'm3.tiny' },
      /has 1 vCPU; a control plane node needs at least 2/,
    ],
    [
      { masterFlavor: 'huge' },
      /"huge" is not a Jetstream2 flavor; use a CPU flavor such as m3.small, m3.quad/,
    ],
  ])('refuses %j', (change, message) => {
    const { problems } = runCheck(controlPlaneCheck, change);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
