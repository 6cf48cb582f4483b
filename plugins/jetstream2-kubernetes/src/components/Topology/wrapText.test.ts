import { wrapText } from './wrapText';

describe('wrapText', () => {
  it('keeps a short text on one line', () => {
    expect(wrapText('hub', 18)).toEqual(['hub']);
  });

  it('breaks a Kubernetes name after a hyphen, never inside a word', () => {
    expect(wrapText('trainer-large-dc69f6bdd-zccf8', 18)).toEqual([
      'trainer-large-',
      'dc69f6bdd-zccf8',
    ]);
  });

  it('breaks a sentence between words', () => {
    expect(wrapText('Pending: cannot be scheduled', 20)).toEqual([
      'Pending: cannot be',
      'scheduled',
    ]);
  });

  it('gives a word longer than a line a line of its own', () => {
    expect(wrapText('a verylongwordwithouthyphens b', 10)).toEqual([
      'a',
      'verylongwordwithouthyphens',
      'b',
    ]);
  });

  it('ends with an ellipsis after the last line it may use', () => {
    expect(wrapText('one two three four five six', 8, 2)).toEqual([
      'one two',
      'three…',
    ]);
  });
});
