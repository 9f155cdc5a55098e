import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from './markdown-escape';

describe('escapeMarkdown', () => {
  it('escapes what Markdown reads as syntax, and "#" only where Obsidian would read a tag', () => {
    expect(escapeMarkdown('1. not a list *really* #tag [x]')).toBe('1. not a list \\*really\\* \\#tag \\[x\\]');
    expect(escapeMarkdown('# heading? no, C# and a#b')).toBe('# heading? no, C# and a\\#b');
    expect(escapeMarkdown('a\\b `c` _d_ <e> f|g ~h~')).toBe('a\\\\b \\`c\\` \\_d\\_ \\<e\\> f\\|g \\~h\\~');
    expect(escapeMarkdown('R&D, &amp; and &#38;')).toBe('R&D, \\&amp; and &\\#38;');
  });
});
