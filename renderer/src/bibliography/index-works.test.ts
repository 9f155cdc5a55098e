import { describe, expect, it } from 'vitest';
import type { StoredWork } from '../../../app/store/records';
import { buildLibraryIndexes, matchesFilter } from '../indexes/index-data';

const work = (id: string, family: string, year: number, title: string): StoredWork => ({
  id,
  csl: { id, type: 'book', title, author: [{ family, given: 'Ann' }], issued: { 'date-parts': [[year]] } },
  origin: { fileName: 'refs.bib', format: 'bibtex' },
  addedAt: 1,
  updatedAt: 1,
});

describe('Index rows of imported works', () => {
  it('lists a work no document cites as a row of its own, marked as the bibliography’s, with a plain reference until formatted', () => {
    const { works } = buildLibraryIndexes({ documents: [], references: [], citations: [], works: [work('w1', 'Anderson', 1983, 'Imagined Communities')] });
    expect(works).toHaveLength(1);
    const [row] = works;
    expect(row).toMatchObject({ key: 'w1', workIds: ['w1'], citedIn: [], mentionedIn: [], citationCount: 0, raw: 'Ann Anderson (1983) Imagined Communities' });
    expect(matchesFilter(row?.search ?? '', 'imagined')).toBe(true);
  });

  it('joins a cited reference of the same work: one row, cited, marked; other rows unmarked', () => {
    const reference = (id: string, family: string, year: number, title: string) => ({ id, docId: 'd1', index: 0, raw: `${family}, A. ${year}. ${title}.`, csl: { id, type: 'book', title, author: [{ family, given: 'A.' }], issued: { 'date-parts': [[year]] } } });
    const { works } = buildLibraryIndexes({
      documents: [{ id: 'd1', title: 'A paper', metadata: { id: 'd1', type: 'article' }, text: '' }],
      references: [reference('d1:anderson', 'Anderson', 1983, 'Imagined Communities'), reference('d1:gellner', 'Gellner', 1983, 'Nations and Nationalism')],
      citations: [],
      works: [work('w1', 'Anderson', 1983, 'Imagined Communities: Reflections on the Origin')],
    });
    expect(works.map((w) => [w.key, w.workIds, w.citedIn.map((c) => c.docId)])).toEqual([
      ['d1:anderson', ['w1'], ['d1']],
      ['d1:gellner', undefined, ['d1']],
    ]);
    expect(works[0]?.raw).toBe('Anderson, A. 1983. Imagined Communities.');
  });
});
