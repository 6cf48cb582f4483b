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
      /"Autoscale workers" is off, so "Fewest workers" and "Most workers" are ignored/,
    );
  });

  it('warns when the autoscaler cannot change the size', () => {
    expect(
      runCheck(nodeCountsCheck, { minNodes: 2, maxNodes: 2, nodeCount: 2 })
        .warnings[0],
    ).toMatch(/"Fewest workers" equals "Most workers" \(2\)/);
  });

  it.each([
    [{ ...fixed, nodeCount: -1 }, /"Workers at creation" cannot be -1/],
    [{ ...fixed, nodeCount: 101 }, /"Workers at creation" is 101, above 100/],
    [{ maxNodes: 500 }, /"Most workers" is 500, above 100/],
    [{ minNodes: 0 }, /"Fewest workers" cannot be 0/],
    [
      { minNodes: 3, maxNodes: 2 },
      /"Fewest workers" \(3\) is larger than "Most workers" \(2\)/,
    ],
    [
      { nodeCount: 5 },
      /"Workers at creation" \(5\) must lie between "Fewest workers" \(1\) and "Most workers" \(4\)/,
    ],
    [{ method: 'cacao' }, /"Autoscale workers" works only with Magnum/],
  ])('refuses %j', (change, message) => {
    const { problems } = runCheck(nodeCountsCheck, change);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
