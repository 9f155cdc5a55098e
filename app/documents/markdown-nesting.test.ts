import { describe, expect, it } from 'vitest';
import { importFile } from './import';
import { limitMarkdownNesting } from './markdown-nesting';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('Markdown nesting', () => {
  it('leaves ordinary nesting alone', () => {
    const source = '- a\n  - b\n    - c\n\n> > quoted\n\n1. one\n   2. two';
    expect(limitMarkdownNesting(source, 8)).toEqual({ source, flattened: false });
  });

  it('cuts list markers, quote markers and indentation beyond the limit, keeping the words', () => {
    expect(limitMarkdownNesting('- - - - item', 2).source).toBe('- - item');
    expect(limitMarkdownNesting('>>>>> quote', 2).source).toBe('>>quote');
    expect(limitMarkdownNesting('1. 2) 3. 4. item', 3).source).toBe('1. 2) 3. item');
    expect(limitMarkdownNesting(`${' '.repeat(20)}- deep`, 4)).toEqual({ source: `${' '.repeat(9)}deep`, flattened: true });
  });

  it('imports 10,000 nested lists and quotes with a warning, and every word', async () => {
    for (const [file, source] of [
      ['lists.md', '- '.repeat(10_000) + 'deepest item\n\nafter the list'],
      ['numbered.md', '1. '.repeat(10_000) + 'deepest item\n\nafter the list'],
      ['quotes.md', '>'.repeat(10_000) + ' deepest item\n\nafter the list'],
      ['mixed.md', '- > '.repeat(5_000) + 'deepest item\n\nafter the list'],
    ] as const) {
      const result = await importFile(file, utf8(source));
      if (!result.ok) throw new Error(result.error);
      expect(result.value.text).toBe('deepest item\n\nafter the list');
      expect(result.value.warning).toBe(`“${file}” nests lists or quotes more than 64 levels deep; Lectern read the deeper levels at level 64 (their words are all kept).`);
    }
  });

  it('reads inline formatting nested too deeply to parse as plain text, with a warning', async () => {
    const source = '**'.repeat(10_000) + 'core' + '**'.repeat(10_000);
    const result = await importFile('strong.md', utf8(source));
    if (!result.ok) throw new Error(result.error);
    expect(result.value.text).toContain('core');
    expect(result.value.warning).toMatch(/^“strong\.md” could not be read as Markdown \(its formatting nests too deeply, or a line runs too long, for the parser\); Lectern imported its text as plain text/);
  });
});
