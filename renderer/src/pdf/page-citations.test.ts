import { describe, expect, it } from 'vitest';
import type { StoredCitation } from '../../../app/store/records';
import { placeCitations } from './page-citations';
import { mapOf } from './test-page-map';

// The canonical text of a two-page paper; the pages print it with a running head, page numbers
// and line breaks the canonical text dropped.
const { text, offsets, shown } = mapOf(
  [
    'The film treats women as carriers of the nation (Yuval-Davis 1997, p. 405), as Anderson (1983) said. Later, the kidnapping tests that bond (Anderson 1983) and the family (Smith 2020b).',
    'References',
    'Anderson, Benedict. 1983. Imagined Communities. London: Verso.',
  ],
  [
    [
      { str: 'Kinship and Nation on Screen', top: 40, kept: false },
      { str: 'The film treats women as carriers of the na-', top: 100, kept: true },
      { str: 'tion (Yuval-Davis 1997, p. 405), as Anderson', top: 114, kept: true },
      { str: '(1983) said. Later, the kidnapping tests that', top: 128, kept: true },
      { str: 'bond (Anderson 1983) and the family (Smith 2020b).', top: 142, kept: true },
      { str: '1', top: 760, kept: false },
    ],
    [
      { str: 'Kinship and Nation on Screen', top: 40, kept: false },
      { str: 'References', top: 90, kept: true },
      { str: 'Anderson, Benedict. 1983. Imagined Communities.', top: 110, kept: true },
      { str: 'London: Verso.', top: 124, kept: true },
    ],
  ],
);

function citation(id: string, quote: string, referenceIds: string[], kind = 'parenthetical', from = 0): StoredCitation {
  const start = text.indexOf(quote, from);
  return { id, docId: 'doc', start, end: start + quote.length, kind, referenceIds };
}

const citations = [
  citation('c3', '(Anderson 1983)', ['anderson']),
  citation('c1', '(Yuval-Davis 1997, p. 405)', ['yuval']),
  citation('c2', 'Anderson (1983)', ['anderson'], 'narrative'),
  citation('c4', '(Smith 2020b)', []),
];

describe('citations on the pages', () => {
  it('marks each citation on its page, in reading order, across line breaks', () => {
    const marks = placeCitations(offsets, citations, new Set([1])).get(1)!;
    expect(marks.map((mark) => mark.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(marks.map((mark) => shown(1, mark.spans).join('|'))).toEqual(['(Yuval-Davis 1997, p. 405)', 'Anderson|(1983)', '(Anderson 1983)', '(Smith 2020b)']);
    expect(marks.map((mark) => [mark.kind, mark.unresolved])).toEqual([
      ['parenthetical', false],
      ['narrative', false],
      ['parenthetical', false],
      ['parenthetical', true],
    ]);
  });

  it('tells the repeated author apart by its offsets', () => {
    const marks = placeCitations(offsets, citations, new Set([1])).get(1)!;
    const [narrative, parenthetical] = marks.filter((mark) => mark.id === 'c2' || mark.id === 'c3');
    // The narrative citation starts at the end of the second line, the parenthetical one on the fourth.
    expect(narrative!.spans[0]).toEqual({ item: 2, start: 'tion (Yuval-Davis 1997, p. 405), as '.length, end: 'tion (Yuval-Davis 1997, p. 405), as Anderson'.length });
    expect(parenthetical!.spans).toEqual([{ item: 4, start: 'bond '.length, end: 'bond (Anderson 1983)'.length }]);
  });

  it('looks only at the pages near the view', () => {
    expect([...placeCitations(offsets, citations, new Set([2])).keys()]).toEqual([]);
    expect([...placeCitations(offsets, citations, new Set([3])).keys()]).toEqual([]);
  });
});

describe('the printed place of an offset', () => {
  it('finds a reference entry on its page, with the top of its first line', () => {
    const offset = text.indexOf('Anderson, Benedict');
    expect(offsets.placeOf(offset)).toEqual({ page: 2, top: 110 });
    expect(shown(2, offsets.spans(2, offset, text.length))).toEqual(['Anderson, Benedict. 1983. Imagined Communities.', 'London: Verso.']);
  });
});
