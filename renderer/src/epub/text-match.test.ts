import { describe, expect, it } from 'vitest';
import { foldForLayout } from '../../../app/text/fold';
import { findWithContext, longestPrefix, longestSuffix, sourceRange } from './text-match';

describe('foldForLayout', () => {
  it('drops spacing and hyphens, expands ligatures, evens quotes and case, and keeps source positions', () => {
    const text = 'The “ﬁrst” com-\nmunity';
    const folded = foldForLayout(text, 100);
    expect(folded.folded).toBe('the"first"community');
    const range = sourceRange(folded, { start: 3, end: 10 });
    expect(text.slice(range.start - 100, range.end - 100)).toBe('“ﬁrst”');
  });

  it("reads a T1 bitmap font's control codes as the import does", () => {
    const page = 'The \x10\x1Crst\x11 e\x1Bect\x15';
    expect(foldForLayout(page).folded).toBe(foldForLayout('The “first” effect–').folded);
    const folded = foldForLayout(page);
    expect(page.slice(sourceRange(folded, { start: 3, end: 10 }).start, sourceRange(folded, { start: 3, end: 10 }).end)).toBe('\x10\x1Crst\x11');
  });

  it('keeps surrogate pairs whole', () => {
    const folded = foldForLayout('a 𝑥 b');
    expect(folded.folded).toBe('axb');
    expect(sourceRange(folded, { start: 1, end: 2 })).toEqual({ start: 2, end: 4 });
  });
});

describe('matching folded text', () => {
  it('chooses among repeats by the context before and after', () => {
    const hay = 'xxabcyyyabczz';
    expect(findWithContext(hay, 'abc', 'yyy')).toEqual({ start: 8, end: 11 });
    expect(findWithContext(hay, 'abc', '', 'yy')).toEqual({ start: 2, end: 5 });
    expect(findWithContext(hay, 'abd')).toBeNull();
  });

  it('finds the longest prefix at its last place and the longest suffix at its first', () => {
    expect(longestPrefix('helloworld12', 'world12peace', 3)).toEqual({ start: 5, end: 12 });
    expect(longestSuffix('peace and more', 'worldpeace', 3)).toEqual({ start: 0, end: 5 });
    expect(longestPrefix('nothing', 'zzz', 1)).toBeNull();
  });
});
