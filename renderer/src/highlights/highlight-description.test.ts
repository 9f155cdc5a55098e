import { describe, expect, it } from 'vitest';
import { highlightDescription } from './colors';

describe('highlightDescription', () => {
  it('names the colour, and the note when there is one', () => {
    expect(highlightDescription('yellow', '')).toBe('Yellow highlight');
    expect(highlightDescription('green', '  see chapter 2 ')).toBe('Green highlight, with a note: see chapter 2');
    expect(highlightDescription('#ff0000', '')).toBe('Coloured highlight');
  });
});
