import { describe, expect, it } from 'vitest';
import { SUPPORTED_EXTENSIONS } from './import';
import { IMPORTABLE_EXTENSIONS, MAX_IMPORT_BYTES, selectionProblem } from './import-limits';

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
});
