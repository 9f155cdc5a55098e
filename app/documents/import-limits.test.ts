import { describe, expect, it } from 'vitest';
import { SUPPORTED_EXTENSIONS } from './import';
import { fileSizeProblem, IMPORTABLE_EXTENSIONS, MAX_IMPORT_BYTES, selectionProblem } from './import-limits';

const MB = 1024 * 1024;

describe('one import limit for every way files arrive', () => {
  it('lists exactly the extensions the importers read', () => {
    expect([...IMPORTABLE_EXTENSIONS].sort()).toEqual([...SUPPORTED_EXTENSIONS].sort());
  });

  it('accepts a selection up to the limit in all', () => {
    expect(selectionProblem([{ name: 'a.pdf', size: 100 * MB }, { name: 'b.pdf', size: 156 * MB }])).toBeUndefined();
    expect(MAX_IMPORT_BYTES).toBe(256 * MB);
  });

  it('names the files that are too large on their own', () => {
    expect(selectionProblem([{ name: 'scan.pdf', size: 300 * MB }, { name: 'ok.md', size: 10 }])).toBe(
      '“scan.pdf” is larger than 256 MB, the most Lectern imports at a time; nothing was imported. Choose smaller files.',
    );
  });

  it('refuses a selection whose files pass the limit together', () => {
    const files = Array.from({ length: 3 }, (_, i) => ({ name: `part${i}.pdf`, size: 100 * MB }));
    expect(selectionProblem(files)).toBe('These 3 files come to 300 MB together, more than the 256 MB Lectern imports at a time; nothing was imported. Import them in smaller groups.');
  });

  it('refuses text, Markdown and web pages over 64 MB by their size, and other formats only past the selection limit', () => {
    expect(fileSizeProblem('transcripts.txt', 200 * MB)).toBe(
      '“transcripts.txt” is too large to import (200 MB of text; Lectern reads at most 64 MB from one text, Markdown or web page file). Split it into smaller files.',
    );
    expect(fileSizeProblem('page.HTML', 65 * MB)).toMatch(/^“page\.HTML” is too large to import/);
    expect(fileSizeProblem('textbook.pdf', 200 * MB)).toBeUndefined();
    expect(fileSizeProblem('textbook.pdf', 300 * MB)).toMatch(/^“textbook\.pdf” is larger than 256 MB/);
  });
});
