import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { textOfPages } from '../reader/surfaces/page-range';
import type { ReadingSurfaceProps } from '../reader/surfaces/surface';
import { blockIndexAt } from '../../../app/documents/locator';
import { usePageCitations, type PageCitation } from './page-citations';
import { candidatePages } from './page-map';
import type { ItemSpan, PageOffsets } from './page-offsets';
import type { LinkTarget } from './pdf-links';
import { PdfPage } from './PdfPage';
import { whichShortcut } from '../shell/keymap';
import { PdfToolbar } from './PdfToolbar';
import { usePageLayout } from './use-page-layout';
import { usePageMarks } from './use-page-marks';
import { usePageLabels } from './use-page-labels';
import { usePageOffsets } from './use-page-offsets';
import { usePdfDocument, type PageSize } from './use-pdf-document';
import { usePdfSelection } from './use-pdf-selection';
import { zoomPercent } from './zoom';
import './pdf-page-view.css';

/**
 * Props of the page view of a PDF document: a reading surface. A selection is reported with the
 * page (from 1) it starts on and its rectangles there in PDF points, measured from the page's
 * top-left corner, y downwards.
 */
export type PdfPageViewProps = ReadingSurfaceProps;

/**
 * The original pages of a PDF, drawn by pdf.js, with a text layer to select from, the document's
 * highlights drawn over the text they cover, its citations marked as in the text view and the
 * PDF's own links followed. Only pages near the viewport are drawn.
 * Ctrl+= and Ctrl+− zoom, Ctrl+0 fits the width, while focus is inside the view.
 */
export function PdfPageView({ docId, ...rest }: PdfPageViewProps) {
  const state = usePdfDocument(docId);
  const offsets = usePageOffsets(docId);
  const labels = usePageLabels(docId);
  const { onSelection } = rest;
  // No pages, no selection on them.
  useEffect(() => {
    if (state.status !== 'ready') onSelection(null);
  }, [state.status, onSelection]);
  if (state.status === 'ready') return <OpenPdf key={docId} pdf={state.pdf} sizes={state.sizes} offsets={offsets} labels={labels} {...rest} />;
  const message =
    state.status === 'loading'
      ? null
      : state.status === 'missing'
        ? 'The original file of this document is not on this machine (it was not kept, or sync has not brought it yet), so its pages cannot be shown. Use the text view.'
        : 'Lectern could not draw the pages of this PDF. The text view still shows its text.';
  return (
    <div className="pdf-page-view pdf-page-view-empty" aria-busy={state.status === 'loading'}>
      {message ? <p className="pdf-view-message">{message}</p> : null}
    </div>
  );
}

interface OpenPdfProps extends Omit<PdfPageViewProps, 'docId'> {
  pdf: PDFDocumentProxy;
  sizes: PageSize[];
  /** The document's page map; null until it is loaded (or built, for a PDF imported before maps were kept). */
  offsets: PageOffsets | null;
  /** The printed page labels, shown and accepted by the toolbar; null when the PDF has none. */
  labels: readonly string[] | null;
}

/** Characters from a revealed place that are flashed: a reference entry whole, a long paragraph's opening. */
const REACH = 400;

function OpenPdf({ pdf, sizes, offsets, labels, text, blocks, placed, citations, selectedId, onSelectHighlight, onSelection, toolbar, ref }: OpenPdfProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const layout = usePageLayout(scrollRef, sizes);
  const { goToPage, goToSpot } = layout;
  const marks = usePageMarks(offsets, placed, layout.near);
  const citationMarks = usePageCitations(offsets, citations, layout.near);
  // The pages showing [start, end): through the map, or by the pages blocks start on until it is there.
  const pagesOf = useCallback(
    (start: number, end: number) => (offsets ? offsets.pagesOf(start, end) : candidatePages(blocks, start, end, sizes.length)),
    [offsets, blocks, sizes.length],
  );
  const selection = usePdfSelection(rootRef, offsets, layout.scale);
  const { pending } = selection;
  useEffect(() => onSelection(pending ? { start: pending.start, end: pending.end, page: { type: 'PageSelector', page: pending.page, rects: pending.rects }, spot: pending.spot } : null), [pending, onSelection]);

  const [flash, setFlash] = useState<{ page: number; spans: ItemSpan[]; nonce: number } | null>(null);
  // The flash belongs to its jump: once its page has been in sight and is scrolled away, coming
  // back to the page later does not flash it again.
  const flashSeen = useRef(false);
  // Brings the first of `pages` into view unless one of them is in sight already.
  const showPages = useCallback(
    (pages: readonly number[]) => {
      const scroller = scrollRef.current;
      if (!scroller || pages[0] === undefined) return;
      const [first, last] = pagesInSight(scroller);
      if (!pages.some((page) => page >= first && page <= last)) goToPage(pages[0]);
    },
    [goToPage],
  );
  useImperativeHandle(
    ref,
    () => ({
      scrollToOffset: (offset) => showPages(pagesOf(offset, offset + 1)),
      revealOffset: (offset) => {
        const place = offsets?.placeOf(offset);
        if (!offsets || !place) {
          const [page] = candidatePages(blocks, offset, offset + 1, sizes.length);
          if (page) goToSpot(page, null);
          return;
        }
        goToSpot(place.page, place.top);
        // The passage from the place to its block's end, on the page it starts on.
        const block = blocks[blockIndexAt(blocks, offset)];
        const end = Math.min(block && block.end > offset ? block.end : text.length, offset + REACH);
        const spans = offsets.spans(place.page, offset, end);
        if (spans.length === 0) return;
        flashSeen.current = false;
        setFlash((previous) => ({ page: place.page, spans, nonce: (previous?.nonce ?? 0) + 1 }));
      },
      visibleRange: () => {
        const scroller = scrollRef.current;
        const [first, last] = scroller ? pagesInSight(scroller) : [0, -1];
        // The page a reader is on is the one across the top of the view, not the sliver of the
        // page before that a jump leaves above it.
        if (last < first) return null;
        const top = Math.max(first, pageAtTop(scroller!) ?? first);
        // Through the map, exactly what the pages print; by the blocks starting on them until it is there.
        const [opening, closing] = [offsets?.rangeOf(top), offsets?.rangeOf(last)];
        return opening && closing ? { start: opening.start, end: Math.max(opening.end, closing.end) } : textOfPages(blocks, top, last);
      },
      clearSelection: () => window.getSelection()?.removeAllRanges(),
    }),
    [offsets, text, blocks, sizes.length, goToSpot, showPages, pagesOf],
  );
  useEffect(() => {
    if (!flash) return;
    if (layout.near.has(flash.page)) flashSeen.current = true;
    else if (flashSeen.current) {
      flashSeen.current = false;
      setFlash(null);
    }
  }, [flash, layout.near]);
  const followLink = useCallback((target: LinkTarget) => goToSpot(target.page, target.top), [goToSpot]);

  // A highlight chosen elsewhere (the sidebar) is brought into view if none of its pages is in sight.
  const shownSelection = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedId || shownSelection.current === selectedId || !scrollRef.current) return;
    shownSelection.current = selectedId;
    const onPage = [...marks].find(([, list]) => list.some((mark) => mark.id === selectedId))?.[0];
    const range = placed.find((item) => item.annotation.id === selectedId)?.range;
    showPages(onPage ? [onPage] : range ? pagesOf(range.start, range.end) : []);
  }, [selectedId, marks, placed, pagesOf, showPages]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const shortcut = whichShortcut(['pdf-zoom-in', 'pdf-zoom-out', 'pdf-fit'], event);
    const zoom = shortcut === 'pdf-zoom-in' ? layout.zoomIn : shortcut === 'pdf-zoom-out' ? layout.zoomOut : shortcut === 'pdf-fit' ? layout.fit : null;
    if (!zoom) return;
    event.preventDefault();
    zoom();
  };

  return (
    <div className="pdf-page-view" ref={rootRef} onKeyDown={onKeyDown}>
      <PdfToolbar
        current={layout.current}
        pageCount={sizes.length}
        labels={labels}
        onGoToPage={layout.goToPage}
        percent={zoomPercent(layout.scale)}
        fitWidth={layout.fitWidth}
        onZoomIn={layout.zoomIn}
        onZoomOut={layout.zoomOut}
        onFitWidth={layout.fit}
      />
      <div className="pdf-scroll" ref={scrollRef} tabIndex={0} onScroll={layout.onScroll} onMouseUp={selection.onMouseUp} aria-label="Pages">
        <div className="pdf-pages">
          {sizes.map((size, index) => (
            <PdfPage
              key={index}
              pdf={pdf}
              pageNumber={index + 1}
              size={size}
              scale={layout.scale}
              near={layout.near.has(index + 1)}
              items={offsets?.items(index + 1) ?? null}
              marks={marks.get(index + 1) ?? NO_MARKS}
              citations={citationMarks.get(index + 1) ?? NO_CITATIONS}
              flash={flash?.page === index + 1 ? flash : null}
              selectedId={selectedId}
              onSelectHighlight={onSelectHighlight}
              onFollowLink={followLink}
              labels={labels}
            />
          ))}
        </div>
      </div>
      {toolbar}
    </div>
  );
}

/** The first and last page at least partly in the scroller's view ([0, -1] when none is). */
function pagesInSight(scroller: HTMLElement): [number, number] {
  let first = 0;
  let last = -1;
  for (const element of scroller.querySelectorAll<HTMLElement>('.pdf-page[data-page-number]')) {
    if (element.offsetTop >= scroller.scrollTop + scroller.clientHeight || element.offsetTop + element.offsetHeight <= scroller.scrollTop) continue;
    const page = Number(element.dataset.pageNumber);
    if (first === 0) first = page;
    last = page;
  }
  return [first, last];
}

/** The page under a line a tenth of the way down the view; null between pages. */
function pageAtTop(scroller: HTMLElement): number | null {
  const box = scroller.getBoundingClientRect();
  const line = box.top + scroller.clientHeight / 10;
  for (const element of scroller.querySelectorAll<HTMLElement>('.pdf-page[data-page-number]')) {
    const rect = element.getBoundingClientRect();
    if (rect.top <= line && rect.bottom > line) return Number(element.dataset.pageNumber);
  }
  return null;
}

const NO_MARKS: never[] = [];
const NO_CITATIONS: PageCitation[] = [];
