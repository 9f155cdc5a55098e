import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCitedWorks } from '../citations/cited-works';
import { findDocumentCitations } from '../citations/document-citations';
import { importFile } from '../documents/import';
import { citationRows } from '../store/citation-rows';
import type { StoredWork } from '../store/records';
import { readBibliography } from './read-bibliography';

const BIB = String.raw`@incollection{yuval-davis_gender_1997,
  author = {Yuval-Davis, Nira},
  title = {Gender and {Nation}},
  booktitle = {Space, Gender, Knowledge: Feminist Readings},
  editor = {Sharp, Joanne P. and McDowell, Linda},
  publisher = {Arnold},
  address = {London},
  year = {1997},
  pages = {403--408},
}
@book{anderson_imagined_1983,
  author = {Anderson, Benedict},
  title = {Imagined {Communities}},
  publisher = {Verso},
  year = {1983},
}
`;

function importedWorks(): StoredWork[] {
  const read = readBibliography('refs.bib', new TextEncoder().encode(BIB));
  if (!read.ok) throw new Error(read.error);
  return read.value.entries.map((e, i) => ({ id: `w${i}`, csl: { ...e.csl, id: `w${i}` }, ...(e.sourceKey ? { sourceKey: e.sourceKey } : {}), origin: { fileName: 'refs.bib', format: read.value.format }, addedAt: i, updatedAt: i }));
}

describe('the Cited Works index with an imported bibliography', () => {
  it("merges Yuval-Davis 1997 with seed 001's entry; a work no source cites is an entry of its own", async () => {
    const name = '001_94063d3630a703df.txt';
    const parsed = await importFile(name, new Uint8Array(readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url))));
    if (!parsed.ok) throw new Error(parsed.error);
    const doc = parsed.value;
    const found = citationRows(doc.id, findDocumentCitations(doc));
    const input = {
      documents: [{ id: doc.id, title: doc.metadata.title ?? name, metadata: doc.metadata, text: doc.text }],
      references: found.references.map((r) => ({ ...r, docId: doc.id })),
      citations: found.citations.map((c) => ({ ...c, docId: doc.id })),
    };
    const without = buildCitedWorks(input);
    const works = buildCitedWorks({ ...input, works: importedWorks() });
    expect(works).toHaveLength(without.length + 1);
    const yuval = works.find((w) => w.csl.author?.[0]?.family === 'Yuval-Davis');
    expect(yuval?.key).toBe(`${doc.id}:yuvaldavis1997`);
    expect(yuval?.workIds).toEqual(['w0']);
    expect(yuval?.citedBy.map((c) => c.docId)).toEqual([doc.id]);
    expect(yuval?.variants).toHaveLength(1);
    // The student's own record completes the description: the publisher place and editors survive.
    expect(yuval?.csl.publisher).toBe('Arnold');
    expect(yuval?.csl.id).toBe(yuval?.key);
    const anderson = works.find((w) => w.csl.author?.[0]?.family === 'Anderson');
    expect(anderson).toMatchObject({ key: 'w1', workIds: ['w1'], variants: [], citedBy: [] });
    expect(works.map((w) => w.csl.author?.[0]?.family)).toEqual(['Anderson', ...without.map((w) => w.csl.author?.[0]?.family)]);
    expect(without.some((w) => w.workIds)).toBe(false);
  });
});
