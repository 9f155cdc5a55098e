import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortDocuments, type SortKey } from './documents-sort';
import type { DocumentSummary } from './records';
import type { DocumentFormat } from '../documents/model';

function row(id: string, fields: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id,
    title: `Title ${id}`,
    format: 'txt',
    fileName: `${id}.txt`,
    byteLength: 1,
    addedAt: 0,
    updatedAt: 0,
    metadata: { id, type: 'book' },
    provenance: { titleIsFallback: false },
    tags: [],
    ...fields,
  };
}

const ids = (list: DocumentSummary[]) => list.map((d) => d.id);

describe('sortDocuments', () => {
  it('sorts titles with numeric, case- and accent-insensitive comparison', () => {
    const list = [row('a', { title: 'Chapter 10' }), row('b', { title: 'chapter 2' }), row('c', { title: 'Élan' }), row('d', { title: 'eagle' })];
    expect(ids(sortDocuments(list, 'title', 'asc'))).toEqual(['b', 'a', 'd', 'c']);
    expect(ids(sortDocuments(list, 'title', 'desc'))).toEqual(['c', 'd', 'a', 'b']);
  });

  it('puts missing values last in both directions', () => {
    const list = [row('a', { year: 2001 }), row('b'), row('c', { year: 1999 }), row('d', { year: 2010 })];
    expect(ids(sortDocuments(list, 'year', 'asc'))).toEqual(['c', 'a', 'd', 'b']);
    expect(ids(sortDocuments(list, 'year', 'desc'))).toEqual(['d', 'a', 'c', 'b']);
    const authors = [row('a', { authorsLabel: 'Okafor, Chidi' }), row('b', { authorsLabel: '' }), row('c', { authorsLabel: 'Ezerova, Daria' })];
    expect(ids(sortDocuments(authors, 'author', 'desc'))).toEqual(['a', 'c', 'b']);
  });

  it('sorts by format and date added, breaking ties by title', () => {
    const list = [
      row('a', { format: 'pdf', title: 'Zeta', addedAt: 3 }),
      row('b', { format: 'epub', title: 'Alpha', addedAt: 1 }),
      row('c', { format: 'pdf', title: 'Beta', addedAt: 2 }),
    ];
    expect(ids(sortDocuments(list, 'format', 'asc'))).toEqual(['b', 'c', 'a']);
    expect(ids(sortDocuments(list, 'addedAt', 'desc'))).toEqual(['a', 'c', 'b']);
  });

  it('returns a sorted copy without touching the input', () => {
    const list = [row('b', { title: 'B' }), row('a', { title: 'A' })];
    sortDocuments(list, 'title', 'asc');
    expect(ids(list)).toEqual(['b', 'a']);
  });

  it('is a permutation, total and deterministic for any library', () => {
    const formats: DocumentFormat[] = ['txt', 'md', 'html', 'pdf', 'epub', 'docx'];
    const arbRow = fc.record({
      id: fc.uuid(),
      title: fc.string(),
      authorsLabel: fc.option(fc.string(), { nil: undefined }),
      year: fc.option(fc.integer({ min: 1500, max: 2100 }), { nil: undefined }),
      format: fc.constantFrom(...formats),
      addedAt: fc.nat(),
    });
    const keys: SortKey[] = ['title', 'author', 'year', 'format', 'addedAt'];
    fc.assert(
      fc.property(fc.uniqueArray(arbRow, { selector: (r) => r.id }), fc.constantFrom(...keys), fc.boolean(), (raw, key, asc) => {
        const list = raw.map((r) => row(r.id, r));
        const sorted = sortDocuments(list, key, asc ? 'asc' : 'desc');
        expect(ids(sorted).sort()).toEqual(ids(list).sort());
        expect(ids(sortDocuments([...list].reverse(), key, asc ? 'asc' : 'desc'))).toEqual(ids(sorted));
        if (key === 'year') {
          const firstMissing = sorted.findIndex((d) => d.year === undefined);
          if (firstMissing >= 0) expect(sorted.slice(firstMissing).every((d) => d.year === undefined)).toBe(true);
        }
      }),
    );
  });
});
