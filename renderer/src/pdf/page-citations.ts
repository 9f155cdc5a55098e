import { useMemo } from 'react';
import type { StoredCitation } from '../../../app/store/records';
import { isUnresolved } from '../citations/citation-mark';
import type { ItemSpan, PageOffsets } from './page-offsets';

/** One in-text citation's part on one page. */
export interface PageCitation {
  id: string;
  /** As the text view marks it: 'parenthetical', 'narrative', 'numeric', 'mention', 'footnote'... */
  kind: string;
  /** A citation whose entry the reference list lacks (mentions and footnote markers never are). */
  unresolved: boolean;
  /** The item characters of the page it covers, through the page map. */
  spans: ItemSpan[];
}

/**
 * Where the document's citations fall on the pages in `nearPages`, page by page, each page's in
 * reading order. Citations on other pages are not placed: a long book has thousands.
 */
export function placeCitations(offsets: PageOffsets, citations: readonly StoredCitation[], nearPages: ReadonlySet<number>): Map<number, PageCitation[]> {
  const byPage = new Map<number, PageCitation[]>();
  for (const citation of [...citations].sort((a, b) => a.start - b.start)) {
    for (const page of nearPages) {
      const spans = offsets.spans(page, citation.start, citation.end);
      if (spans.length === 0) continue;
      const mark: PageCitation = { id: citation.id, kind: citation.kind, unresolved: isUnresolved(citation), spans };
      byPage.set(page, [...(byPage.get(page) ?? []), mark]);
    }
  }
  return byPage;
}

/** The citations on the pages near the viewport, placed again when either changes; none without a page map. */
export function usePageCitations(offsets: PageOffsets | null, citations: readonly StoredCitation[], nearPages: ReadonlySet<number>): Map<number, PageCitation[]> {
  return useMemo(() => (offsets ? placeCitations(offsets, citations, nearPages) : new Map<number, PageCitation[]>()), [offsets, citations, nearPages]);
}
