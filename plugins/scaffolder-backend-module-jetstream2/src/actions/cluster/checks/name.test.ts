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

  it('says what every broken rule asks for in one sentence, with the fixed name', () => {
    expect(runCheck(nameCheck, { clusterName: '9Bad_Name-' }).problems).toEqual(
      [
        '"Cluster name" "9Bad_Name-" is not a valid cluster name. Use lowercase letters, digits and \'-\', starting with a letter, ending with a letter or digit: bad-name.',
      ],
    );
    expect(runCheck(nameCheck, { clusterName: 'GPU-Lab' }).problems).toEqual([
      '"Cluster name" "GPU-Lab" is not a valid cluster name. Use lowercase letters, digits and \'-\': gpu-lab.',
    ]);
  });

  it('refuses an empty name', () => {
    expect(runCheck(nameCheck, { clusterName: '' }).problems).toEqual([
      '"Cluster name" is empty: choose a short name such as "gpu-lab".',
    ]);
  });

  it('suggests DNS-safe names', () => {
    expect(suggestClusterName('My_GPU Cluster!')).toBe('my-gpu-cluster');
  });
});
