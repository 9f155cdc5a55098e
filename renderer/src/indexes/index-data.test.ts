import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { findDocumentCitations } from '../../../app/citations/document-citations';
import { importFile } from '../../../app/documents/import';
import { citationRows } from '../../../app/store/citation-rows';
import type { LibrarySources } from '../../../app/store/library-reads';
import { buildLibraryIndexes, firstOccurrence, matchesFilter, type LibraryIndexes } from './index-data';

const SEEDS = new URL('../../../../shared/seeds/', import.meta.url);

let sources: LibrarySources;
let indexes: LibraryIndexes;

beforeAll(async () => {
  sources = { documents: [], references: [], citations: [] };
  for (const name of readdirSync(SEEDS).sort()) {
    const read = await importFile(name, new Uint8Array(readFileSync(new URL(name, SEEDS))));
    if (!read.ok) throw new Error(read.error);
    const doc = read.value;
    const docId = name.slice(0, 3);
    sources.documents.push({ id: docId, title: doc.metadata.title ?? name, metadata: doc.metadata, text: doc.text });
    const rows = citationRows(docId, findDocumentCitations(doc));
    sources.references.push(...rows.references.map((r) => ({ ...r, docId })));
    sources.citations.push(...rows.citations.map((c) => ({ ...c, id: `${docId}:${c.id}`, docId, referenceIds: c.referenceIds })));
  }
  indexes = buildLibraryIndexes(sources);
});

const work = (family: string, year: number) =>
  indexes.works.find((w) => w.csl.author?.[0]?.family === family && w.csl.issued?.['date-parts']?.[0]?.[0] === year);

describe('library index rows from the five seeds', () => {
  it('opens Kuvshinova 2017 in 001 at its first citation and in 004 at the naming', () => {
    const kuvshinova = work('Kuvshinova', 2017);
    expect(kuvshinova).toBeDefined();
    const cited = kuvshinova!.citedIn.find((link) => link.docId === '001');
    const text001 = sources.documents.find((d) => d.id === '001')!.text;
    expect(text001.slice(cited!.offset, cited!.offset! + 20)).toContain('Kuvshinova');
    expect(kuvshinova!.citationCount).toBeGreaterThan(0);
    const mentioned = kuvshinova!.mentionedIn.find((link) => link.docId === '004');
    const text004 = sources.documents.find((d) => d.id === '004')!.text;
    expect(text004.slice(mentioned!.offset, mentioned!.offset! + 40)).toMatch(/Kuvshinova/);
    expect(kuvshinova!.mentionedIn.some((link) => link.docId === '001')).toBe(false);
  });

  it('opens a person at the first place a document names them', () => {
    const balagov = indexes.people.find((p) => p.name.endsWith('Balagov'));
    expect(balagov).toBeDefined();
    for (const link of balagov!.documents.filter((d) => d.count > 0)) {
      const text = sources.documents.find((d) => d.id === link.docId)!.text;
      expect(text.slice(link.offset, link.offset! + 20), link.docId).toMatch(/Balagov/);
    }
  });

  it('filters by author and title, folding case and diacritics', () => {
    const kuvshinova = work('Kuvshinova', 2017)!;
    expect(matchesFilter(kuvshinova.search, 'KUVSH')).toBe(true);
    expect(matchesFilter(kuvshinova.search, 'Kuvšinova')).toBe(true);
    expect(matchesFilter(kuvshinova.search, 'yuval')).toBe(false);
    expect(matchesFilter(kuvshinova.search, '  ')).toBe(true);
    const zhovner = indexes.people.find((p) => p.name.includes('Zhovn'))!;
    expect(matchesFilter(zhovner.search, 'darya zhovnar')).toBe(true);
  });
});

describe('firstOccurrence', () => {
  it('finds the earliest spelling, ignoring case and diacritics', () => {
    expect(firstOccurrence('Then ZHOVNER spoke; Dar’ia Zhovner later.', ['Dar’ia Zhovner', 'zhovner'])).toBe(5);
    expect(firstOccurrence('Ms Kuvshinova wrote.', ['Maria Kuvshinova'])).toBe(3);
    expect(firstOccurrence('Nobody here.', ['Maria Kuvshinova'])).toBeUndefined();
  });
});
