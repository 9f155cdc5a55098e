import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForFind } from '../text/fold';
import { findAll } from './find-in-text';

describe('findAll', () => {
  it('finds every occurrence ignoring case', () => {
    const text = 'Closeness is close. CLOSE reading.';
    expect(findAll(text, 'close').map((m) => text.slice(m.start, m.end))).toEqual(['Close', 'close', 'CLOSE']);
  });

  it('ignores diacritics and folds ё to е', () => {
    const text = 'mise-en-scène; Ёлка и елка';
    expect(findAll(text, 'scene')).toEqual([{ start: 8, end: 13 }]);
    expect(findAll(text, 'елка')).toHaveLength(2);
  });

  it('returns nothing for an empty query and caps long lists', () => {
    expect(findAll('abc', '  ')).toEqual([]);
    expect(findAll('a'.repeat(100), 'a', 10)).toHaveLength(10);
  });

  it('keeps offsets aligned with the original text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(foldForFind(text)).toHaveLength(text.length);
      }),
    );
  });
});
