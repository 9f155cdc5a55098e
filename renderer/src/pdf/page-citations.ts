import { useEffect, useState } from 'react';
import type { Block } from '../../../app/documents/model';
import type { StoredCitation } from '../../../app/store/records';
import { isUnresolved } from '../citations/citation-mark';
import { candidatePages } from './page-map';
import type { SpanFinder } from './span-finder';
import type { FoldedRange } from './text-fold';

/** One in-text citation's part on one page. */
export interface PageCitation {
  id: string;
  /** As the text view marks it: 'parenthetical', 'narrative', 'numeric', 'mention', 'footnote'... */
  kind: string;
  /** A citation whose entry the reference list lacks (mentions and footnote markers never are). */
  unresolved: boolean;
  /** Folded characters of the page's text it covers, and those characters. */
  span: FoldedRange & { text: string };
}

/**
 * Where the document's citations fall on the pages in `nearPages`, page by page, each page's in
 * reading order. Citations on other pages are not looked for: a long book has thousands.
 */
export async function placeCitations(
  finder: SpanFinder,
  blocks: readonly Block[],
  pageCount: number,
  citations: readonly StoredCitation[],
  nearPages: ReadonlySet<number>,
  cancelled: () => boolean = () => false,
): Promise<Map<number, PageCitation[]> | null> {
  const byPage = new Map<number, PageCitation[]>();
  for (const citation of [...citations].sort((a, b) => a.start - b.start)) {
    const pages = candidatePages(blocks, citation.start, citation.end, pageCount);
    if (!pages.some((page) => nearPages.has(page))) continue;
    const spans = await finder.spans(citation, pages);
    if (cancelled()) return null;
    for (const { page, start, end, text } of spans) {
      const mark: PageCitation = { id: citation.id, kind: citation.kind, unresolved: isUnresolved(citation), span: { start, end, text } };
      byPage.set(page, [...(byPage.get(page) ?? []), mark]);
    }
  }
  return byPage;
}

/** The citations on the pages near the viewport, placed again when either changes. */
export function usePageCitations(
  finder: SpanFinder,
  pageCount: number,
  blocks: readonly Block[],
  citations: readonly StoredCitation[],
  nearPages: ReadonlySet<number>,
): Map<number, PageCitation[]> {
  const [marks, setMarks] = useState(() => new Map<number, PageCitation[]>());
  useEffect(() => {
    let cancelled = false;
    void placeCitations(finder, blocks, pageCount, citations, nearPages, () => cancelled).then((placed) => {
      if (placed && !cancelled) setMarks(placed);
    });
    return () => {
      cancelled = true;
    };
  }, [finder, pageCount, blocks, citations, nearPages]);
  return marks;
}
