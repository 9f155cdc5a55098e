import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  it('splits on whitespace and keeps offsets', () => {
    const raw = ' Smith, J.  (1999).';
    expect(tokenize(raw)).toEqual([
      { text: 'Smith,', start: 1, end: 7 },
      { text: 'J.', start: 8, end: 10 },
      { text: '(1999).', start: 12, end: 19 },
    ]);
  });

  it('splits a closing quote glued to the next sentence', () => {
    expect(tokenize('fil’ma “Tesnota.”’Interview with').map((t) => t.text)).toEqual(['fil’ma', '“Tesnota.”’', 'Interview', 'with']);
  });

  it('splits compact volume, issue and page runs', () => {
    expect(tokenize('2012;30(15):1750-4.').map((t) => t.text)).toEqual(['2012;', '30(15):', '1750-4.']);
  });

  it('cuts colons only between digits', () => {
    expect(tokenize('a:b 10:30').map((t) => t.text)).toEqual(['a:b', '10:', '30']);
  });
});
