import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StoredCitation, StoredReference } from '../../../app/store/records';
import { CitedWorksTab } from './CitedWorksTab';
import { buildLibraryIndexes } from './index-data';
import { PeopleTab } from './PeopleTab';

const doc = (id: string, text: string) => ({ id, title: `Essay ${id}`, metadata: { id, type: 'article-journal', title: `Essay ${id}` }, text });
const reference = (docId: string, raw: string): StoredReference => ({
  id: `${docId}:dolin2017`,
  docId,
  index: 0,
  raw,
  csl: { id: 'dolin2017', type: 'article-journal', title: 'Tesnota', author: [{ family: 'Dolin', given: 'Anton' }], issued: { 'date-parts': [[2017]] } },
});
const citation = (docId: string, start: number): StoredCitation => ({ id: `${docId}:c${start}`, docId, start, end: start + 12, kind: 'author-date', referenceIds: [`${docId}:dolin2017`] });

// Two essays print the same entry differently; a third names the critic without citing him.
const sources = {
  documents: [doc('a', 'As Dolin notes (Dolin 2017), the film...'), doc('b', 'Intro. (Dolin 2017) and again (Dolin 2017).'), doc('c', 'The critic Anton Dolin praised it.')],
  references: [reference('a', 'Dolin, Anton. 2017. “Tesnota.” Meduza.'), reference('b', 'Dolin A. Tesnota // Meduza. 2017.')],
  citations: [citation('a', 15), citation('b', 7), citation('b', 30)],
};
const indexes = buildLibraryIndexes(sources);
const titles = new Map(sources.documents.map((d) => [d.id, d.title]));
const open = () => undefined;

describe('Cited Works rows', () => {
  it('merges the printings of one work and counts its citations per document', () => {
    expect(indexes.works).toHaveLength(1);
    const [work] = indexes.works;
    expect(work!.spellings).toHaveLength(2);
    expect(work!.citedIn).toEqual([
      { docId: 'a', count: 1, offset: 15 },
      { docId: 'b', count: 2, offset: 7 },
    ]);
    expect(work!.citationCount).toBe(3);
    expect(work!.mentionedIn.map((m) => m.docId)).toEqual(['c']);
  });

  it('shows the spellings folded away, the citing and the mentioning documents', () => {
    const html = renderToStaticMarkup(<CitedWorksTab works={indexes.works} filter="" style="apa" titles={titles} onOpenDocument={open} />);
    expect(html).toContain('<summary>2 spellings</summary>');
    expect(html).toContain('3 citations');
    expect(html).toMatch(/Cited in.*Essay a.*Essay b.*\(2 citations\)/s);
    expect(html).toMatch(/Mentioned in.*Essay c/s);
  });

  it('says what to import when no document has a reference list', () => {
    const html = renderToStaticMarkup(<CitedWorksTab works={[]} filter="" style="apa" titles={titles} onOpenDocument={open} />);
    expect(html).toContain('Import a source with a Works Cited or References list to see the works it cites.');
  });

  it('says when the filter leaves nothing', () => {
    const html = renderToStaticMarkup(<CitedWorksTab works={indexes.works} filter="Bykov" style="apa" titles={titles} onOpenDocument={open} />);
    expect(html).toContain('0 of 1 work match “Bykov”');
    expect(html).toContain('Nothing matches');
  });
});

describe('People rows', () => {
  it('shows the name, its roles and the documents with counts', () => {
    const dolin = indexes.people.find((p) => p.name.endsWith('Dolin'));
    expect(dolin?.roles).toEqual(['cited', 'named']);
    const html = renderToStaticMarkup(<PeopleTab people={indexes.people} filter="dolin" titles={titles} onOpenDocument={open} />);
    expect(html).toContain('role-cited');
    expect(html).toContain('Essay c');
  });
});
