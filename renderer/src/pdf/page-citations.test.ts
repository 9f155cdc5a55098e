import { describe, expect, it } from 'vitest';
import type { Block } from '../../../app/documents/model';
import type { StoredCitation } from '../../../app/store/records';
import { placeOfOffset } from './offset-place';
import { placeCitations } from './page-citations';
import { foldItems, type FoldedPageText } from './page-text';
import { SpanFinder, type PageTexts } from './span-finder';

// The canonical text of a two-page paper; the pages print it with a running head, page numbers
// and line breaks the canonical text dropped.
const paragraphs = [
  'The film treats women as carriers of the nation (Yuval-Davis 1997, p. 405), as Anderson (1983) said.',
  'Later, the kidnapping tests that bond (Anderson 1983) and the family (Smith 2020b).',
  'References',
  'Anderson, Benedict. 1983. Imagined Communities. London: Verso.',
];
const text = paragraphs.join('\n');
const blocks: Block[] = [];
for (let start = 0, index = 0; index < paragraphs.length; start += paragraphs[index]!.length + 1, index++) {
  blocks.push({ kind: 'paragraph', start, end: start + paragraphs[index]!.length, page: index < 2 ? 1 : 2 });
}

const pageItems: Record<number, { str: string; top: number }[]> = {
  1: [
    { str: 'Kinship and Nation on Screen', top: 40 },
    { str: 'The film treats women as carriers of the na-', top: 100 },
    { str: 'tion (Yuval-Davis 1997, p. 405), as Anderson', top: 114 },
    { str: '(1983) said. Later, the kidnapping tests that', top: 128 },
    { str: 'bond (Anderson 1983) and the family (Smith 2020b).', top: 142 },
    { str: '1', top: 760 },
  ],
  2: [
    { str: 'Kinship and Nation on Screen', top: 40 },
    { str: 'References', top: 90 },
    { str: 'Anderson, Benedict. 1983. Imagined Communities.', top: 110 },
    { str: 'London: Verso.', top: 124 },
  ],
};

/** Stands in for PageTextCache: each page's items, folded. */
const texts: PageTexts = { text: (page) => Promise.resolve<FoldedPageText>(foldItems(pageItems[page] ?? [])) };

function citation(id: string, quote: string, referenceIds: string[], kind = 'parenthetical'): StoredCitation {
  const start = text.indexOf(quote);
  return { id, docId: 'doc', start, end: start + quote.length, kind, referenceIds };
}

const citations = [
  citation('c3', '(Anderson 1983)', ['anderson']),
  citation('c1', '(Yuval-Davis 1997, p. 405)', ['yuval']),
  citation('c2', 'Anderson (1983)', ['anderson'], 'narrative'),
  citation('c4', '(Smith 2020b)', []),
];

describe('citations on the pages', () => {
  it('marks each citation on its page, in reading order, across hyphens and line breaks', async () => {
    const placed = await placeCitations(new SpanFinder(texts, text), blocks, 2, citations, new Set([1]));
    const page = foldItems(pageItems[1]!).folded;
    const marks = placed!.get(1)!;
    expect(marks.map((mark) => mark.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(marks.map((mark) => page.slice(mark.span.start, mark.span.end))).toEqual(['(yuvaldavis1997,p.405)', 'anderson(1983)', '(anderson1983)', '(smith2020b)']);
    expect(marks.map((mark) => mark.span.text)).toEqual(marks.map((mark) => page.slice(mark.span.start, mark.span.end)));
    expect(marks.map((mark) => [mark.kind, mark.unresolved])).toEqual([
      ['parenthetical', false],
      ['narrative', false],
      ['parenthetical', false],
      ['parenthetical', true],
    ]);
  });

  it('tells the repeated author apart by its context', async () => {
    const placed = await placeCitations(new SpanFinder(texts, text), blocks, 2, citations, new Set([1]));
    const page = foldItems(pageItems[1]!).folded;
    const [narrative, parenthetical] = placed!.get(1)!.filter((mark) => mark.id === 'c2' || mark.id === 'c3');
    expect(page.slice(narrative!.span.start - 2, narrative!.span.start)).toBe('as');
    expect(page.slice(parenthetical!.span.start - 4, parenthetical!.span.start)).toBe('bond');
  });

  it('looks only at the pages near the view', async () => {
    // Page 1's paragraphs may run on to page 2, but not to page 3.
    const placed = await placeCitations(new SpanFinder(texts, text), blocks, 3, citations, new Set([3]));
    expect([...placed!.keys()]).toEqual([]);
  });

  it('stops when cancelled', async () => {
    expect(await placeCitations(new SpanFinder(texts, text), blocks, 2, citations, new Set([1]), () => true)).toBeNull();
  });
});

describe('the printed place of an offset', () => {
  it('finds a reference entry on its page, with the top of its first line', async () => {
    const place = await placeOfOffset(new SpanFinder(texts, text), texts, text, blocks, 2, text.indexOf('Anderson, Benedict'));
    expect(place).toMatchObject({ page: 2, top: 110 });
    expect(place!.span!.text).toBe('anderson,benedict.1983.imaginedcommunities.london:verso.');
  });

  it('falls back to the page when the text is not on it', async () => {
    const empty: PageTexts = { text: () => Promise.resolve(foldItems([])) };
    expect(await placeOfOffset(new SpanFinder(empty, text), empty, text, blocks, 2, text.indexOf('Anderson, Benedict'))).toEqual({ page: 2, top: null });
    expect(await placeOfOffset(new SpanFinder(texts, text), texts, text, [], 2, 0)).toBeNull();
  });
});
