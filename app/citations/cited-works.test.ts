import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../documents/import';
import type { CslItem, ParsedDocument } from '../documents/model';
import { citationRows } from '../store/citation-rows';
import type { StoredCitation, StoredReference } from '../store/records';
import { buildCitedWorks, type CitedWorksInput } from './cited-works';
import { findDocumentCitations } from './document-citations';

async function seed(name: string): Promise<ParsedDocument> {
  const result = await importFile(name, new Uint8Array(readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url))));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** A document's rows as the store holds them. */
function rows(doc: ParsedDocument): { references: StoredReference[]; citations: StoredCitation[] } {
  const found = citationRows(doc.id, findDocumentCitations(doc));
  return {
    references: found.references.map((r) => ({ ...r, docId: doc.id })),
    citations: found.citations.map((c) => ({ ...c, docId: doc.id })),
  };
}

function libraryOf(docs: ParsedDocument[]): CitedWorksInput {
  const all = docs.map(rows);
  return {
    documents: docs.map((d) => ({ id: d.id, title: d.metadata.title ?? d.fileName, metadata: d.metadata, text: d.text })),
    references: all.flatMap((r) => r.references),
    citations: all.flatMap((r) => r.citations),
  };
}

let s001: ParsedDocument;
let s004: ParsedDocument;

beforeAll(async () => {
  [s001, s004] = await Promise.all([seed('001_94063d3630a703df.txt'), seed('004_0b201c9d2cc86d46.txt')]);
});

describe('buildCitedWorks on seeds 001 and 004', () => {
  it('lists the four works of 001, sorted by author', () => {
    const works = buildCitedWorks(libraryOf([s001, s004]));
    expect(works.map((w) => w.csl.author?.[0]?.family)).toEqual(['Bykov', 'Kuvshinova', 'Smolina', 'Yuval-Davis']);
    expect(works.map((w) => w.key)).toEqual(['bykov2017', 'kuvshinova2017', 'smolina2017', 'yuvaldavis1997'].map((k) => `${s001.id}:${k}`));
  });

  it('has Kuvshinova 2017 cited in 001 and mentioned in 004 (and by name in 001)', () => {
    const library = libraryOf([s001, s004]);
    const kuvshinova = buildCitedWorks(library).find((w) => w.csl.author?.[0]?.family === 'Kuvshinova');
    const cited = library.citations.filter((c) => c.referenceIds.includes(`${s001.id}:kuvshinova2017`));
    expect(kuvshinova?.citedBy).toEqual([{ docId: s001.id, citationIds: cited.filter((c) => c.kind !== 'mention').map((c) => c.id) }]);
    expect(kuvshinova?.mentionedBy.map((m) => m.docId)).toEqual([s001.id, s004.id]);
    const in004 = kuvshinova?.mentionedBy[1];
    expect(in004?.citationIds).toEqual([]);
    expect(in004?.spans.map((s) => s.text)).toEqual(['Maria Kuvshinova']);
    for (const span of in004?.spans ?? []) expect(s004.text.slice(span.start, span.end)).toBe(span.text);
    expect(kuvshinova?.mentionedBy[0]?.citationIds).toEqual(cited.filter((c) => c.kind === 'mention').map((c) => c.id));
  });

  it('finds no mention of the other works in 004', () => {
    const works = buildCitedWorks(libraryOf([s001, s004]));
    for (const work of works.filter((w) => w.csl.author?.[0]?.family !== 'Kuvshinova')) {
      expect(work.mentionedBy.filter((m) => m.docId === s004.id), work.key).toEqual([]);
    }
  });
});

describe('buildCitedWorks across documents', () => {
  const doc = (id: string, text = '') => ({ id, title: id, metadata: { id, type: 'article-journal', title: `Essay ${id}` } as CslItem, text });
  const ref = (docId: string, citekey: string, raw: string, csl: Omit<CslItem, 'id'> & { type: string }): StoredReference => ({ id: `${docId}:${citekey}`, docId, index: 0, raw, csl: { ...csl, id: citekey } });
  const kuvshinova = ref('A', 'kuvshinova2017', 'Kuvshinova, Mariia. 2017. “Tesnota”: Mariia Kuvshinova beseduet s rezhisserom Kantemirom Balagovym. Afisha Daily.', {
    type: 'article-newspaper',
    author: [{ family: 'Kuvshinova', given: 'Mariia' }],
    title: '“Tesnota”: Mariia Kuvshinova beseduet s rezhisserom Kantemirom Balagovym',
    issued: { 'date-parts': [[2017, 7, 26]] },
    'container-title': 'Afisha Daily',
  });
  const cyrillic = ref('B', 'kuvshinova2017', 'Кувшинова М. «Теснота»: Мария Кувшинова беседует с режиссером Кантемиром Балаговым // Афиша. 2017. URL: https://afisha.example/t', {
    type: 'webpage',
    author: [{ family: 'Кувшинова', given: 'М.' }],
    title: '«Теснота»: Мария Кувшинова беседует с режиссером Кантемиром Балаговым',
    issued: { 'date-parts': [[2017]] },
    URL: 'https://afisha.example/t',
  });
  const otherWork = ref('B', 'kuvshinova2017a', 'Kuvshinova, M. 2017a. Kino i gosudarstvo.', {
    type: 'article-journal',
    author: [{ family: 'Kuvshinova', given: 'M.' }],
    title: 'Kino i gosudarstvo',
    issued: { 'date-parts': [[2017]] },
  });

  it('merges one work printed in two scripts and keeps a different title apart', () => {
    const citations: StoredCitation[] = [
      { id: 'A:10', docId: 'A', start: 10, end: 28, kind: 'parenthetical', referenceIds: [kuvshinova.id] },
      { id: 'B:5', docId: 'B', start: 5, end: 9, kind: 'numeric', referenceIds: [cyrillic.id] },
      { id: 'B:50', docId: 'B', start: 50, end: 60, kind: 'numeric', referenceIds: [otherWork.id] },
    ];
    const works = buildCitedWorks({ documents: [doc('A'), doc('B')], references: [kuvshinova, cyrillic, otherWork], citations });
    expect(works).toHaveLength(2);
    const merged = works.find((w) => w.variants.length === 2);
    expect(merged?.variants.map((v) => v.referenceId)).toEqual(['A:kuvshinova2017', 'B:kuvshinova2017']);
    expect(merged?.citedBy).toEqual([
      { docId: 'A', citationIds: ['A:10'] },
      { docId: 'B', citationIds: ['B:5'] },
    ]);
    // The fuller description leads; the URL only the other printing gives is kept.
    expect(merged?.csl.author?.[0]).toEqual({ family: 'Kuvshinova', given: 'Mariia' });
    expect(merged?.csl.URL).toBe('https://afisha.example/t');
    expect(merged?.csl.id).toBe(merged?.key);
  });

  it('merges on a shared DOI whatever the spelling, and never across different DOIs', () => {
    const one = ref('A', 'x', 'x', { type: 'article-journal', author: [{ family: 'Zviagintsev' }], title: 'Leviathan notes', DOI: 'https://doi.org/10.1000/ABC', issued: { 'date-parts': [[2015]] } });
    const two = ref('B', 'y', 'y', { type: 'article-journal', author: [{ family: 'Zvyagintsev' }], title: 'Notes on Leviathan', DOI: '10.1000/abc', issued: { 'date-parts': [[2014]] } });
    const three = ref('C', 'z', 'z', { type: 'article-journal', author: [{ family: 'Zvyagintsev' }], title: 'Notes on Leviathan', DOI: '10.1000/xyz', issued: { 'date-parts': [[2014]] } });
    const works = buildCitedWorks({ documents: [], references: [one, two, three], citations: [] });
    expect(works.map((w) => w.variants.map((v) => v.referenceId))).toEqual([['A:x', 'B:y'], ['C:z']]);
  });

  it('keeps works with different year suffixes apart', () => {
    const a = ref('A', 'a', 'Moore, R. 2018a. Closeness review.', { type: 'article-newspaper', author: [{ family: 'Moore', given: 'Roger' }], title: 'Closeness review', issued: { 'date-parts': [[2018]] } });
    const b = ref('B', 'b', 'Moore, R. 2018b. Closeness review.', { type: 'article-newspaper', author: [{ family: 'Moore', given: 'Roger' }], title: 'Closeness review', issued: { 'date-parts': [[2018]] } });
    expect(buildCitedWorks({ documents: [], references: [a, b], citations: [] })).toHaveLength(2);
  });

  it('points to the library document that is the cited work, and does not count its byline as a mention', () => {
    const ezerova = ref('C', 'ezerova2018', 'Ezerova, Daria. 2018. “Kantemir Balagov: Closeness.” KinoKultura 60.', {
      type: 'review',
      author: [{ family: 'Ezerova', given: 'Daria' }],
      title: 'Kantemir Balagov: Closeness',
      issued: { 'date-parts': [[2018]] },
    });
    const library = { id: 'E', title: 'Closeness', metadata: { id: 'E', type: 'review', title: 'Kantemir Balagov: Closeness (Tesnota, 2017)', author: [{ family: 'Ezerova', given: 'Daria' }], issued: { 'date-parts': [[2018]] } }, text: 'Daria Ezerova\nA review.' };
    const [work] = buildCitedWorks({ documents: [library, doc('C', 'As Daria Ezerova argues, and Dar’ia Ezerova again.')], references: [ezerova], citations: [] });
    expect(work?.libraryDocId).toBe('E');
    expect(work?.mentionedBy).toEqual([]);
  });

  it('finds a name in a document that lists nothing', () => {
    const [work] = buildCitedWorks({ documents: [doc('A'), doc('D', 'Critic Maria Kuvshinova wrote; Elena Kuvshinova did not.')], references: [kuvshinova], citations: [] });
    expect(work?.mentionedBy).toEqual([{ docId: 'D', citationIds: [], spans: [{ start: 7, end: 23, text: 'Maria Kuvshinova' }] }]);
  });
});
