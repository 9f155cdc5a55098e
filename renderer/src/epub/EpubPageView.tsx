import type { EPUB } from 'foliate-js/epub.js';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { colorForKey, HIGHLIGHT_COLORS, type HighlightColor } from '../highlights/colors';
import { isShortcut } from '../shell/keymap';
import type { ToolbarSpot } from '../highlights/SelectionToolbar';
import type { ReadingSurfaceProps } from '../reader/surfaces/surface';
import { locateSelection } from './locate-selection';
import { OverflowMenu } from '../shell/OverflowMenu';
import { useNarrow } from '../shell/use-narrow';
import { foldForLayout, type FoldedText } from '../../../app/text/fold';
import { useDocumentOriginal } from '../store/original-hooks';
import { openEpubForViewing, sectionTitles } from './epub-book';
import { createPaginator, locationOf, pageStyles, type EpubLocation, type PaginatorElement, type RelocateDetail } from './paginator';
import { domRange, highlightInSection, locateSection, readSectionText, type SectionSpan, type SectionText } from './section-text';
import './epub-page-view.css';

/** Below this width the counter shortens and chapter steps go into the toolbar's overflow menu. */
const COMPACT_WIDTH = 420;

/** Props of the page view of an EPUB book: a reading surface. */
export type EpubPageViewProps = ReadingSurfaceProps;

type BookState = { status: 'loading' } | { status: 'missing' } | { status: 'failed'; message: string } | { status: 'ready'; book: EPUB };

/**
 * The pages of an EPUB book as its publisher laid them out, drawn by foliate-js from the kept
 * original, every chapter sanitized by DOMPurify first. The book's highlights are drawn on the
 * pages, and text selected there becomes a highlight like any other.
 */
export function EpubPageView({ docId, ...rest }: EpubPageViewProps) {
  const original = useDocumentOriginal(docId);
  const [state, setState] = useState<BookState>({ status: 'loading' });
  const { onSelection } = rest;
  // No pages, no selection on them.
  useEffect(() => {
    if (state.status !== 'ready') onSelection(null);
  }, [state.status, onSelection]);
  useEffect(() => {
    if (original === undefined) return setState({ status: 'loading' });
    if (original === null) return setState({ status: 'missing' });
    let cancelled = false;
    let opened: EPUB | undefined;
    setState({ status: 'loading' });
    void (async () => {
      try {
        const bytes = original instanceof Blob ? new Uint8Array(await original.arrayBuffer()) : original.slice();
        opened = await openEpubForViewing(bytes);
        if (cancelled) return opened.destroy();
        setState({ status: 'ready', book: opened });
      } catch (error) {
        if (!cancelled) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
      opened?.destroy();
    };
  }, [original]);

  if (state.status === 'ready') return <OpenBook key={docId} book={state.book} {...rest} />;
  const message =
    state.status === 'loading'
      ? null
      : state.status === 'missing'
        ? 'The original file of this book is not on this machine (it was not kept, or sync has not brought it yet), so its pages cannot be shown. Use the text view.'
        : `Lectern could not lay out the pages of this book (${state.message}). The text view still shows its text.`;
  return (
    <div className="epub-page-view epub-page-view-empty" aria-busy={state.status === 'loading'}>
      {message ? <p className="epub-view-message">{message}</p> : null}
    </div>
  );
}

/** The section on show, read for drawing highlights and mapping selections. */
interface ShownSection {
  index: number;
  doc: Document;
  text: SectionText;
  folded: FoldedText;
}

/** Characters of section text before a selection used to tell repeated passages apart. */
const CONTEXT = 40;
/** Characters of canonical text from an offset used to find its place in a chapter. */
const ANCHOR_LENGTH = 64;

function OpenBook({ book, text, placed, selectedId, onSelectHighlight, onSelection, onCreateHighlight, toolbar, ref }: Omit<EpubPageViewProps, 'docId'> & { book: EPUB }) {
  const rootRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const compact = useNarrow(toolbarRef, COMPACT_WIDTH);
  const hostRef = useRef<HTMLDivElement>(null);
  const paginatorRef = useRef<PaginatorElement | null>(null);
  const shown = useRef<ShownSection | null>(null);
  const spans = useRef<(SectionSpan | null)[]>([]);
  /** The range drawn for each highlight in the section on show, to find the one clicked. */
  const paintedRanges = useRef(new Map<string, Range>());
  const [location, setLocation] = useState<EpubLocation | null>(null);
  const [pending, setPending] = useState<{ start: number; end: number; spot: ToolbarSpot } | null>(null);
  const titles = useMemo(() => sectionTitles(book), [book]);
  const canonical = useMemo(() => foldForLayout(text), [text]);
  useEffect(() => onSelection(pending ? { start: pending.start, end: pending.end, spot: pending.spot } : null), [pending, onSelection]);

  // The latest props, for listeners that live inside the book's frames.
  const latest = useRef({ text, placed, selectedId, onSelectHighlight, onCreateHighlight, pending });
  latest.current = { text, placed, selectedId, onSelectHighlight, onCreateHighlight, pending };

  /** Draws the highlights that fall in the section on show, with the CSS Custom Highlight API (no change to the chapter's DOM). */
  const paint = useCallback(() => {
    const section = shown.current;
    const win = section?.doc.defaultView;
    if (!section || !win?.CSS?.highlights || typeof win.Highlight !== 'function') return;
    const span = spans.current[section.index];
    const byColor = new Map<string, Range[]>();
    const selected: Range[] = [];
    const ranges = new Map<string, Range>();
    for (const item of latest.current.placed) {
      if (!item.range) continue;
      if (span && (item.range.end <= span.start || item.range.start >= span.end)) continue;
      const found = highlightInSection(latest.current.text, item.range.start, item.range.end, section.folded);
      const range = found ? domRange(section.doc, section.text, found.start, found.end) : null;
      if (!range) continue;
      ranges.set(item.annotation.id, range);
      const list = byColor.get(item.annotation.color) ?? [];
      list.push(range);
      byColor.set(item.annotation.color, list);
      if (item.annotation.id === latest.current.selectedId) selected.push(range);
    }
    win.CSS.highlights.clear();
    for (const color of HIGHLIGHT_COLORS) {
      const list = byColor.get(color);
      if (list) win.CSS.highlights.set(`lectern-${color}`, new win.Highlight(...list));
    }
    if (selected.length > 0) win.CSS.highlights.set('lectern-selected', new win.Highlight(...selected));
    paintedRanges.current = ranges;
  }, []);

  // The paginator: created once per book, fed each loaded chapter.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let paginator: PaginatorElement | null = null;
    let themeObserver: MutationObserver | undefined;
    let cancelled = false;
    void (async () => {
      paginator = await createPaginator();
      if (cancelled) return;
      paginatorRef.current = paginator;
      paginator.addEventListener('load', (event) => {
        const { doc, index } = (event as CustomEvent<{ doc: Document; index: number }>).detail;
        const sectionText = readSectionText(doc);
        shown.current = { index, doc, text: sectionText, folded: foldForLayout(sectionText.text) };
        attachToChapter(doc, index);
        paint();
      });
      paginator.addEventListener('relocate', (event) => setLocation(locationOf((event as CustomEvent<RelocateDetail>).detail)));
      host.append(paginator);
      paginator.open(book);
      const applyTheme = () => paginator?.setStyles(pageStyles(document.documentElement.dataset.theme === 'dark'));
      applyTheme();
      // The pages follow the app's theme as the student switches it.
      themeObserver = new MutationObserver(applyTheme);
      themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
      const first = book.sections.findIndex((section) => section.linear !== 'no');
      await paginator.goTo({ index: Math.max(0, first) });
    })();
    return () => {
      cancelled = true;
      themeObserver?.disconnect();
      paginator?.destroy();
      paginator?.remove();
      paginatorRef.current = null;
      shown.current = null;
    };
    // attachToChapter and paint read everything else through refs, so the paginator lives as long as the book.
  }, [book]);

  // Where each chapter lies in the canonical text, worked out in the background, so highlights
  // are drawn only in their own chapter and one chosen in the sidebar opens the right chapter.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const found: (SectionSpan | null)[] = [];
      let from = 0;
      for (const section of book.sections) {
        if (cancelled) return;
        let span: SectionSpan | null;
        try {
          span = locateSection(canonical, readSectionText(await section.createDocument()).text, from);
        } catch {
          span = null;
        }
        found.push(span);
        if (span) from = span.start;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      if (cancelled) return;
      spans.current = found;
      paint();
    })();
    return () => {
      cancelled = true;
    };
  }, [book, canonical, paint]);

  useEffect(() => paint(), [placed, selectedId, paint]);

  /**
   * Opens the chapter holding `offset` at its page, unless (`unlessShown`) that chapter is on show.
   * A highlight starting there is looked for by its own text; any other offset by the text after it.
   */
  const goToOffset = useCallback((offset: number, unlessShown: boolean) => {
    const index = spans.current.findIndex((span) => span && offset >= span.start && offset < span.end);
    if (index < 0 || (unlessShown && index === shown.current?.index)) return;
    const { text: current, placed: highlights } = latest.current;
    const end = highlights.find((item) => item.range?.start === offset)?.range?.end ?? Math.min(spans.current[index]!.end, offset + ANCHOR_LENGTH);
    void paginatorRef.current?.goTo({
      index,
      anchor: (doc) => {
        const sectionText = readSectionText(doc);
        const found = highlightInSection(current, offset, end, foldForLayout(sectionText.text));
        return found ? domRange(doc, sectionText, found.start, found.end) : 0;
      },
    });
  }, []);

  // A highlight chosen elsewhere (the sidebar) comes here as an offset: its chapter opens at its page.
  useImperativeHandle(
    ref,
    () => ({
      scrollToOffset: (offset) => goToOffset(offset, true),
      revealOffset: (offset) => goToOffset(offset, false),
      visibleRange: () => {
        const span = shown.current ? spans.current[shown.current.index] : null;
        return span ? { start: span.start, end: span.end } : null;
      },
      clearSelection: () => {
        shown.current?.doc.getSelection()?.removeAllRanges();
        setPending(null);
      },
    }),
    [goToOffset],
  );

  /** Listens inside a chapter's frame: selections, clicks on highlights and links, page keys. */
  const attachToChapter = (doc: Document, index: number) => {
    doc.addEventListener('mouseup', () => requestAnimationFrame(() => onChapterSelection(doc, index)));
    doc.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (link) {
        event.preventDefault();
        followLink(link.getAttribute('href') ?? '', index);
        return;
      }
      const id = highlightAt(doc, event.clientX, event.clientY);
      if (id) latest.current.onSelectHighlight(id);
    });
    doc.addEventListener('keydown', (event) => onKey(event));
  };

  const followLink = (href: string, index: number) => {
    if (href === '' || book.isExternal(href)) return;
    const section = book.sections[index];
    const target = section ? book.resolveHref(section.resolveHref(href)) : null;
    if (target && target.index >= 0) void paginatorRef.current?.goTo(target);
  };

  const highlightAt = (doc: Document, x: number, y: number): string | null => {
    const caret = doc.caretRangeFromPoint?.(x, y);
    if (!caret) return null;
    for (const [id, range] of paintedRanges.current) {
      if (range.isPointInRange(caret.startContainer, caret.startOffset)) return id;
    }
    return null;
  };

  const onChapterSelection = (doc: Document, index: number) => {
    const selection = doc.getSelection();
    const root = rootRef.current;
    const frame = doc.defaultView?.frameElement;
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !root || !frame) return setPending(null);
    const range = selection.getRangeAt(0);
    const lead = doc.createRange();
    lead.setStart(doc.body, 0);
    lead.setEnd(range.startContainer, range.startOffset);
    const span = spans.current[index];
    const { text: current } = latest.current;
    const region = span ? { start: Math.max(0, span.start - 200), end: Math.min(current.length, span.end + 200) } : { start: 0, end: current.length };
    const located = locateSelection(current, region, range.toString(), lead.toString().slice(-CONTEXT));
    if (!located) return setPending(null);
    const box = range.getBoundingClientRect();
    const frameBox = frame.getBoundingClientRect();
    const rootBox = root.getBoundingClientRect();
    const left = frameBox.left + box.left - rootBox.left + box.width / 2 - 90;
    const top = frameBox.top + box.top - rootBox.top - 44;
    setPending({ ...located, spot: { top: Math.max(4, top), left: Math.min(Math.max(4, left), rootBox.width - 190) } });
  };

  /** Page turns wait for the one before to finish (foliate ignores a turn while it animates). */
  const turns = useRef<Promise<void>>(Promise.resolve());
  const turn = useCallback((direction: 'next' | 'prev') => {
    turns.current = turns.current.then(() => paginatorRef.current?.[direction]()).catch(() => undefined);
  }, []);

  const highlight = useCallback((color: HighlightColor) => {
    const waiting = latest.current.pending;
    if (!waiting) return;
    latest.current.onCreateHighlight({ start: waiting.start, end: waiting.end }, color);
    shown.current?.doc.getSelection()?.removeAllRanges();
    setPending(null);
  }, []);

  /** Page keys turn pages; while a selection waits, 1–5 (or H) highlight it. */
  const onKey = (event: KeyboardEvent | React.KeyboardEvent) => {
    if (isShortcut('epub-next-page', event)) {
      event.preventDefault();
      turn('next');
    } else if (isShortcut('epub-previous-page', event)) {
      event.preventDefault();
      turn('prev');
    } else if (latest.current.pending) {
      const color = colorForKey(event);
      if (!color) return;
      event.preventDefault();
      highlight(color);
    }
  };

  const sectionCount = book.sections.length;
  const title = location ? (titles.get(location.index) ?? `Section ${location.index + 1}`) : '';
  const counter = location ? `Page ${location.page} of ${location.pages} · section ${location.index + 1} of ${sectionCount}` : '';
  const goToSection = (step: number) => {
    if (location) void paginatorRef.current?.goTo({ index: Math.min(sectionCount - 1, Math.max(0, location.index + step)) });
  };
  return (
    <div className="epub-page-view" ref={rootRef} onKeyDown={onKey}>
      <div className={`pdf-toolbar epub-toolbar${compact ? ' compact' : ''}`} role="toolbar" aria-label="Page view controls" ref={toolbarRef}>
        <button type="button" className="icon-button" onClick={() => turn('prev')} title="Previous page (←)" aria-label="Previous page">
          ‹
        </button>
        <button type="button" className="icon-button" onClick={() => turn('next')} title="Next page (→)" aria-label="Next page">
          ›
        </button>
        <select
          className="epub-chapter-select"
          aria-label="Chapter"
          value={location?.index ?? 0}
          onChange={(event) => void paginatorRef.current?.goTo({ index: Number(event.target.value) })}
        >
          {book.sections.map((section, index) => (
            <option key={section.id} value={index}>
              {titles.get(index) ?? `Section ${index + 1}`}
            </option>
          ))}
        </select>
        <span className="pdf-toolbar-gap" />
        {location ? (
          <span className="epub-page-counter" aria-live="polite" title={title} aria-label={compact ? counter : undefined}>
            {compact ? `${location.page}/${location.pages}` : counter}
          </span>
        ) : null}
        {compact ? (
          <OverflowMenu
            label="More page commands"
            items={[
              { label: 'Previous chapter', disabled: !location || location.index <= 0, onSelect: () => goToSection(-1) },
              { label: 'Next chapter', disabled: !location || location.index >= sectionCount - 1, onSelect: () => goToSection(1) },
            ]}
          />
        ) : null}
      </div>
      <div className="epub-pages" ref={hostRef} tabIndex={0} role="region" aria-label="Pages" />
      {toolbar}
    </div>
  );
}
