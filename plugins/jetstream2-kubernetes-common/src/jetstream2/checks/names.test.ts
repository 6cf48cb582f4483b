import { checkName, DNS_LABEL_RULES, suggestName } from './names';

const CLUSTER = {
  maxLength: 40,
  startWithLetter: true,
  fallback: 'my-cluster',
};

describe('checkName', () => {
  it('suggests the fixed name in words, never a pattern', () => {
    expect(checkName('GPU-Lab', CLUSTER)).toEqual({
      ok: false,
      broken: ["lowercase letters, digits and '-'"],
      suggestion: 'gpu-lab',
      message: "Use lowercase letters, digits and '-': gpu-lab",
    });
  });

  it.each([
    ['gpu lab!', "Use lowercase letters, digits and '-': gpu-lab"],
    [
      '1lab',
      "Use lowercase letters, digits and '-', starting with a letter: lab",
    ],
    [
      'lab-',
      "Use lowercase letters, digits and '-', ending with a letter or digit: lab",
    ],
    [
      `a${'-b'.repeat(30)}`,
      `Use lowercase letters, digits and '-', at most 40 characters: ${`a${'-b'.repeat(
        30,
      )}`
        .slice(0, 40)
        .replace(/-+$/, '')}`,
    ],
    [
      '---',
      "Use lowercase letters, digits and '-', starting with a letter, ending with a letter or digit: my-cluster",
    ],
  ])('%p: %p', (name, message) => {
    const result = checkName(name, CLUSTER);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(message);
    expect(!result.ok && checkName(result.suggestion, CLUSTER).ok).toBe(true);
  });

  it('accepts valid names and leaves an empty one to "required"', () => {
    expect(checkName('gpu-lab-2', CLUSTER)).toEqual({ ok: true });
    expect(checkName('', CLUSTER)).toEqual({ ok: true });
  });

  it('lets DNS labels such as namespaces start with a digit', () => {
    expect(checkName('2024-runs', DNS_LABEL_RULES)).toEqual({ ok: true });
    expect(suggestName('_Runs', DNS_LABEL_RULES)).toBe('runs');
    expect(suggestName('!!', DNS_LABEL_RULES)).toBe('my-name');
  });
});
