import { nameCheck, suggestClusterName } from './name';
import { runCheck } from './testing';

describe('name check', () => {
  it('accepts a DNS label', () => {
    expect(runCheck(nameCheck)).toEqual({
      facts: { clusterName: 'gpu-lab' },
      problems: [],
      warnings: [],
    });
  });

  it('reports every problem of a name, with a suggestion', () => {
    const { problems } = runCheck(nameCheck, { clusterName: '9Bad_Name-' });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/uppercase.*"bad-name"/);
    expect(problems.join('\n')).toMatch(/contains "_"/);
    expect(problems.join('\n')).toMatch(/must start with a letter/);
    expect(problems.join('\n')).toMatch(/must not end with '-'/);
  });

  it('refuses an empty name', () => {
    expect(runCheck(nameCheck, { clusterName: '' }).problems).toEqual([
      'clusterName is empty: choose a short name such as "gpu-lab".',
    ]);
  });

  it('suggests DNS-safe names', () => {
    expect(suggestClusterName('My_GPU Cluster!')).toBe('my-gpu-cluster');
  });
});
