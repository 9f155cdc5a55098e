import { describe, expect, it } from 'vitest';
import { diffText } from './word-diff';

describe('diffText', () => {
  it('names the changed, added and left-out words, as printed on their side', () => {
    expect(diffText('The film is a very brave debut, truly.', 'The film is a bold and daring debut, truly!')).toEqual([
      { kind: 'same', text: 'The film is a' },
      { kind: 'removed', text: 'bold and daring' },
      { kind: 'added', text: 'very brave' },
      { kind: 'same', text: 'debut, truly' },
    ]);
  });

  it('compares folded words: case, quote marks and hyphenation are no difference', () => {
    expect(diffText('“Don’t” say reli-\ngious', '"don\'t" SAY religious')).toEqual([{ kind: 'same', text: 'Don’t” say reli-\ngious' }]);
  });

  it('handles empty sides', () => {
    expect(diffText('', 'two words')).toEqual([{ kind: 'removed', text: 'two words' }]);
    expect(diffText('two words', '')).toEqual([{ kind: 'added', text: 'two words' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('diffs long quotations in halves rather than one huge table', () => {
    const words = Array.from({ length: 2500 }, (_, i) => `w${i}`);
    const changed = [...words];
    changed[10] = 'CHANGED';
    const diff = diffText(changed.join(' '), words.join(' '));
    expect(diff.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'w10' },
      { kind: 'added', text: 'CHANGED' },
    ]);
  });
});
