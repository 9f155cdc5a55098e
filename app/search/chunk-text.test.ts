import { describe, expect, it } from 'vitest';
import { chunkText } from './chunk-text';

describe('chunkText', () => {
  it('covers the text contiguously in chunks cut at spaces', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    const chunks = chunkText(text, 2000);
    expect(chunks[0]!.start).toBe(0);
    expect(chunks.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.start).toBe(chunks[i - 1]!.end);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.end - chunk.start).toBeLessThanOrEqual(2000);
      expect(text[chunk.end]).toBe(' ');
    }
    expect(chunkText('x'.repeat(4500), 2000).map((c) => c.end - c.start)).toEqual([2000, 2000, 500]);
    expect(chunkText('')).toEqual([]);
  });
});
