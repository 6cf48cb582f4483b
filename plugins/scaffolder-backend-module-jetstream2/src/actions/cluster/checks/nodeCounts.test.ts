import { nodeCountsCheck } from './nodeCounts';
import { runCheck } from './testing';

const fixed = { autoscaling: false, minNodes: undefined, maxNodes: undefined };

describe('node counts check', () => {
  it('takes the autoscaling range', () => {
    expect(runCheck(nodeCountsCheck).facts).toEqual({
      nodeCount: 1,
      autoscaling: true,
      minNodes: 1,
      maxNodes: 4,
    });
  });

  it('pins min and max to nodeCount without autoscaling, and says so', () => {
    const r = runCheck(nodeCountsCheck, {
      autoscaling: false,
      nodeCount: 2,
      maxNodes: 5,
    });
    expect(r.facts).toMatchObject({ minNodes: 2, maxNodes: 2 });
    expect(r.warnings[0]).toMatch(
      /Autoscaling is off, so minNodes\/maxNodes are ignored/,
    );
  });

  it('warns when the autoscaler cannot change the size', () => {
    expect(
      runCheck(nodeCountsCheck, { minNodes: 2, maxNodes: 2, nodeCount: 2 })
        .warnings[0],
    ).toMatch(/minNodes equals maxNodes \(2\)/);
  });

  it.each([
    [{ ...fixed, nodeCount: -1 }, /nodeCount -1 is not allowed/],
    [{ ...fixed, nodeCount: 101 }, /nodeCount 101 is above 100/],
    [{ maxNodes: 500 }, /maxNodes 500 is above 100/],
    [{ minNodes: 0 }, /minNodes 0 is not allowed/],
    [
      { minNodes: 3, maxNodes: 2 },
      /minNodes \(3\) is larger than maxNodes \(2\)/,
    ],
    [
      { nodeCount: 5 },
      /nodeCount \(5\) must lie between minNodes \(1\) and maxNodes \(4\)/,
    ],
    [{ method: 'cacao' }, /autoscaling is only available with method "magnum"/],
  ])('refuses %j', (change, message) => {
    const { problems } = runCheck(nodeCountsCheck, change);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
