import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { blockIndexAt } from '../../../app/documents/locator';
import { quoteSelectorOf } from '../../../app/anchoring/selectors';
import { startHighlightDrag } from '../highlights/drag';
import { useHighlightActions } from '../highlights/actions';
import { type HighlightColor } from '../highlights/colors';
import { useColorKeys } from '../highlights/use-color-keys';
import { HighlightSidebar } from '../highlights/HighlightSidebar';
import { placeHighlights } from '../highlights/placement';
import { SelectionToolbar, type ToolbarSpot } from '../highlights/SelectionToolbar';
import { useCitationStyle } from '../citations/citation-style';
import { useCitationCard } from '../citations/use-citation-card';
import { WorksCitedPanel } from '../citations/WorksCitedPanel';
import { MetadataDialog } from '../metadata/MetadataDialog';
import { copyHighlightAsQuote } from '../highlights/copy-quote';
import { EpubPageView } from '../epub/EpubPageView';
import { PdfPageView, type PdfPageViewHandle } from '../pdf/PdfPageView';
import { PaneToolbar } from './PaneToolbar';
import { useServices } from '../services/context';
import { useAnnotations, useCitations, useDocumentContent, useDocumentSummary, useReferences } from '../store/hooks';
import type { StoredCitation } from '../../../app/store/records';
import type { ScrollSpot } from '../workspace/workspace-state';
import { selectionToRange } from './dom-offsets';
import { centerOffset } from './offset-point';
import { FindBar } from './FindBar';
import { isShortcut } from '../shell/keymap';
import { useFind } from './use-find';
import { useOverlays } from './use-overlays';
import { usePaneIsWide } from './use-pane-width';
import { VirtualDocument, type VirtualDocumentHandle } from './VirtualDocument';

/** Props of a pane showing one document. */
export interface DocumentPaneProps {
  paneId: string;
  docId: string;
  initialScroll?: ScrollSpot;
  onScroll: (spot: ScrollSpot) => void;
  /** Shown or hidden by the student; undefined follows the pane's width. */
  sidebarChoice?: boolean;
  onSidebarChoice: (open: boolean) => void;
  onClose: () => void;
  /** A place in the text to scroll to once (search hit, index link). */
  revealOffset?: { offset: number; nonce: number };
  /** A highlight to scroll to and select (from a notebook citation); `nonce` repeats a request. */
  reveal?: { annotationId: string; nonce: number };
  /** Shows a message with an optional action (Undo). */
  notify: (text: string, action?: { label: string; run: () => void }) => void;
}

/** One document in a pane: virtualized reading view, find, highlights with notes in a sidebar. */
export function DocumentPane({ paneId, docId, initialScroll, revealOffset, onScroll, sidebarChoice, onSidebarChoice, onClose, reveal, notify }: DocumentPaneProps) {
  const summary = useDocumentSummary(docId);
  const content = useDocumentContent(docId);
  const annotations = useAnnotations(docId);
  const citations = useCitations(docId);
  const references = useReferences(docId);
  const paneRef = useRef<HTMLDivElement>(null);
  const docRef = useRef<VirtualDocumentHandle>(null);
  const pdfRef = useRef<PdfPageViewHandle>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pageView, setPageView] = useState(false);
  const [sidebarMode, setSidebarMode] = useState<'highlights' | 'works-cited'>('highlights');
  const [editing, setEditing] = useState<{ kind: 'document' } | { kind: 'reference'; id: string } | null>(null);
  const citationStyle = useCitationStyle();
  const { database, commands } = useServices();
  const actions = useHighlightActions();
  const wide = usePaneIsWide(paneRef);
  const sidebarOpen = sidebarChoice ?? wide;
  const setSidebarOpen = useCallback(
    (open: boolean | ((current: boolean) => boolean)) => onSidebarChoice(typeof open === 'function' ? open(sidebarOpen) : open),
    [onSidebarChoice, sidebarOpen],
  );
  const [pending, setPending] = useState<{ start: number; end: number; spot: ToolbarSpot } | null>(null);
  /** Selects a highlight and shows it, with its note, in the highlights sidebar. */
  const showHighlight = useCallback(
    (id: string) => {
      setSelectedId(id);
      setSidebarMode('highlights');
      setSidebarOpen(true);
    },
    [setSidebarOpen],
  );

  // In a narrow pane the sidebar is a sheet over the lower part of the text: the chosen passage
  // scrolls up above it, so the note and its passage are in view together.
  useEffect(() => {
    if (wide || !sidebarOpen || !selectedId) return;
    const frame = requestAnimationFrame(() => {
      const pane = paneRef.current;
      const mark = pane?.querySelector<HTMLElement>(`mark[data-annotation-id="${CSS.escape(selectedId)}"]`);
      const sheet = pane?.querySelector<HTMLElement>('.highlight-sidebar');
      const scroller = mark?.closest<HTMLElement>('.pane-scroll');
      if (!mark || !sheet || !scroller) return;
      const passage = mark.getBoundingClientRect();
      const covered = passage.bottom - sheet.getBoundingClientRect().top + 24;
      const room = passage.top - scroller.getBoundingClientRect().top - 24;
      if (covered > 0) scroller.scrollTop += Math.min(covered, Math.max(0, room));
    });
    return () => cancelAnimationFrame(frame);
  }, [wide, sidebarOpen, selectedId]);

  // A highlight in the text drags like its card: into a notebook as a cited quote. Only the
  // selected highlight's mark is draggable (a click selects it), so a press inside any other
  // highlight still starts a text selection, and a drag never selects across the page.
  const dragHighlightFromText = useCallback(
    (event: React.DragEvent) => {
      const mark = (event.target as Element).closest?.('mark[data-annotation-id]');
      const id = mark?.getAttribute('data-annotation-id');
      const annotation = id ? annotations?.find((a) => a.id === id) : undefined;
      if (!annotation) return;
      startHighlightDrag(event, { docId, annotationId: annotation.id }, quoteSelectorOf(annotation.selectors)?.exact ?? mark?.textContent ?? '');
    },
    [annotations, docId],
  );

  const text = content?.text ?? '';
  const blocks = useMemo(() => content?.blocks ?? [], [content]);
  const placed = useMemo(() => (content && annotations ? placeHighlights(content.text, annotations) : []), [content, annotations]);
  const find = useFind(text);
  const overlays = useOverlays(blocks, placed, selectedId, find.matches, find.current, citations);

  const scrollToOffset = useCallback(
    (offset: number) => {
      const index = blockIndexAt(blocks, offset);
      if (index >= 0) docRef.current?.scrollToBlock(index, 'center');
    },
    [blocks],
  );

  const jumpToEntry = useCallback(
    (offset: number) => {
      // The page view finds the entry on its page and points at it there.
      if (pdfRef.current) return pdfRef.current.revealOffset(offset);
      scrollToOffset(offset);
      // Point the eye at the entry once the view has scrolled there.
      window.setTimeout(() => {
        const index = blockIndexAt(blocks, offset);
        const element = paneRef.current?.querySelector(`[data-block="${index}"]`);
        element?.classList.remove('flash-block');
        void (element as HTMLElement | null)?.offsetWidth;
        element?.classList.add('flash-block');
      }, 120);
    },
    [blocks, scrollToOffset],
  );
  const citationCard = useCitationCard(paneRef, citations ?? [], references ?? [], jumpToEntry);

  useEffect(() => {
    const match = find.matches[find.current];
    if (match) scrollToOffset(match.start);
  }, [find.matches, find.current, scrollToOffset]);

  const handledOffset = useRef<number | null>(null);
  useEffect(() => {
    if (!revealOffset || handledOffset.current === revealOffset.nonce || blocks.length === 0) return;
    handledOffset.current = revealOffset.nonce;
    // A pane that has just opened lays itself out first; scroll once it has a size.
    requestAnimationFrame(() => requestAnimationFrame(() => jumpToEntry(revealOffset.offset)));
    // A long paragraph centred may still hide the offset itself: bring that line to mid-view.
    window.setTimeout(() => {
      const scroller = paneRef.current?.querySelector<HTMLElement>('.pane-scroll');
      if (scroller) centerOffset(scroller, revealOffset.offset);
    }, 200);
  }, [revealOffset, blocks.length, jumpToEntry]);

  // Each reveal request scrolls once, when its highlight is placed; later list changes do not.
  const handledReveal = useRef<number | null>(null);
  useEffect(() => {
    if (!reveal || handledReveal.current === reveal.nonce) return;
    const target = placed.find((item) => item.annotation.id === reveal.annotationId);
    if (!target) return;
    handledReveal.current = reveal.nonce;
    showHighlight(target.annotation.id);
    if (target.range) scrollToOffset(target.range.start);
  }, [reveal, placed, scrollToOffset, showHighlight]);

  const select = useCallback(
    (id: string) => {
      setSelectedId((current) => (current === id ? null : id));
      const target = placed.find((item) => item.annotation.id === id);
      if (target?.range) scrollToOffset(target.range.start);
    },
    [placed, scrollToOffset],
  );

  const highlight = useCallback(
    async (color: HighlightColor) => {
      if (!pending || !content) return;
      const created = await actions.create(docId, content.text, pending.start, pending.end, color);
      window.getSelection()?.removeAllRanges();
      setPending(null);
      // null: the save failed and the student has been told why.
      if (!created) return;
      showHighlight(created.id);
    },
    [pending, content, docId, showHighlight, actions],
  );

  // The keyboard way to highlight: find the passage, then Ctrl+Enter marks the current match.
  const highlightMatch = useCallback(async () => {
    const match = find.matches[find.current];
    if (!match || !content) return;
    const created = await actions.create(docId, content.text, match.start, match.end, 'yellow');
    if (!created) return;
    showHighlight(created.id);
  }, [find.matches, find.current, content, docId, showHighlight, actions]);

  const remove = useCallback(
    async (id: string) => {
      const removed = await actions.remove(id);
      setSelectedId(null);
      if (removed) notify('Highlight deleted.', { label: 'Undo', run: () => void actions.restore(removed) });
    },
    [notify, actions],
  );

  const copyQuote = useCallback(
    async (id: string) => {
      const result = await copyHighlightAsQuote(database, docId, id, citationStyle);
      notify(result.ok ? `Copied: ${result.text}` : result.error);
    },
    [database, docId, citationStyle, notify],
  );

  // Stable, so the sidebar's cards skip rendering when only the pane around them changes.
  const recolor = useCallback((id: string, color: HighlightColor) => void actions.recolor(id, color), [actions]);
  const removeById = useCallback((id: string) => void remove(id), [remove]);
  const copyQuoteById = useCallback((id: string) => void copyQuote(id), [copyQuote]);

  const quoteInNotebook = useCallback(
    (id: string) => commands.quoteToNotebook({ docId, annotationId: id }),
    [commands, docId],
  );

  const onMouseUp = () => {
    // Let the browser settle the selection first.
    requestAnimationFrame(() => {
      const article = paneRef.current?.querySelector<HTMLElement>('.pane-article');
      const pane = paneRef.current;
      if (!article || !pane) return;
      const selection = window.getSelection();
      const range = selectionToRange(selection, article);
      if (!range || !selection) return setPending(null);
      const rect = selection.getRangeAt(0).getBoundingClientRect();
      const box = pane.getBoundingClientRect();
      setPending({ ...range, spot: { top: Math.max(4, rect.top - box.top - 44), left: Math.max(4, rect.left - box.left + rect.width / 2 - 90) } });
    });
  };

  const onClick = (event: React.MouseEvent) => {
    const mark = (event.target as Element).closest('mark[data-annotation-id]');
    const id = mark?.getAttribute('data-annotation-id');
    if (id && window.getSelection()?.isCollapsed !== false) {
      showHighlight(id);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const inEditor = (event.target as Element).closest('[contenteditable="true"], input, textarea');
    if (isShortcut('find', event)) {
      event.preventDefault();
      find.open();
      return;
    }
    if (inEditor) return;
    if (isShortcut('highlight-to-notebook', event) && selectedId) {
      event.preventDefault();
      quoteInNotebook(selectedId);
      return;
    }
    if (isShortcut('highlight-copy', event) && selectedId) {
      event.preventDefault();
      void copyQuote(selectedId);
      return;
    }
    if (isShortcut('highlight-delete', event) && selectedId) {
      event.preventDefault();
      void remove(selectedId);
    }
  };

  useColorKeys(pending !== null, highlight);

  // A selection made elsewhere (another pane) retires this pane's toolbar.
  useEffect(() => {
    if (!pending) return;
    const onSelectionChange = () => {
      const article = paneRef.current?.querySelector('.pane-article');
      const selection = window.getSelection();
      if (!article || !selection || selection.isCollapsed || !article.contains(selection.anchorNode)) setPending(null);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [pending]);

  // Ctrl+F from the app's shortcuts opens the find bar of the active pane.
  const openFind = find.open;
  useEffect(() => commands.handleFind(paneId, openFind), [commands, paneId, openFind]);

  if (summary === undefined || content === undefined) return <div className="pane-body pane-loading" aria-busy="true" />;
  if (summary === null || content === null) {
    return (
      <div className="pane-body pane-missing">
        <p>This document is no longer in your library.</p>
        <button type="button" className="button" onClick={onClose}>
          Close pane
        </button>
      </div>
    );
  }

  const byline = [summary.authorsLabel, summary.year].filter(Boolean).join(', ');
  return (
    <div className="pane-body document-pane" ref={paneRef} onKeyDown={onKeyDown} data-doc-id={docId}>
      <PaneToolbar
        title={summary.title}
        hasPages={summary.format === 'pdf' || summary.format === 'epub'}
        pageView={pageView}
        onTogglePageView={() => setPageView((on) => !on)}
        onEditDetails={() => setEditing({ kind: 'document' })}
        onFind={find.open}
        sidebar={sidebarOpen ? sidebarMode : null}
        onToggleSidebar={(mode) => {
          setSidebarMode(mode);
          setSidebarOpen(!(sidebarOpen && sidebarMode === mode));
        }}
        referenceCount={references?.length ?? 0}
        highlightCount={placed.length}
        onClose={onClose}
      />
      {find.isOpen ? (
        <FindBar query={find.query} onQuery={find.setQuery} count={find.matches.length} current={find.current} onNext={find.next} onPrevious={find.previous} onClose={find.close} onHighlight={() => void highlightMatch()} />
      ) : null}
      <div className="pane-main" {...citationCard.handlers} onDragStart={dragHighlightFromText}>
        {pageView && summary.format === 'pdf' ? (
          <PdfPageView
            ref={pdfRef}
            docId={docId}
            text={content.text}
            blocks={blocks}
            placed={placed}
            citations={citations ?? NO_CITATIONS}
            selectedId={selectedId}
            onSelectHighlight={showHighlight}
            onCreateHighlight={(start, end, color, page, rects) =>
              void actions.create(docId, content.text, start, end, color, { type: 'PageSelector', page, rects }).then((created) => {
                if (!created) return;
                showHighlight(created.id);
              })
            }
          />
        ) : pageView && summary.format === 'epub' ? (
          <EpubPageView
            docId={docId}
            text={content.text}
            placed={placed}
            selectedId={selectedId}
            onSelectHighlight={showHighlight}
            onCreateHighlight={(start, end, color) =>
              void actions.create(docId, content.text, start, end, color).then((created) => {
                if (created) showHighlight(created.id);
              })
            }
          />
        ) : (
        <VirtualDocument
          ref={docRef}
          title={summary.title}
          titleIsFallback={summary.provenance?.titleIsFallback ?? false}
          byline={byline}
          language={summary.metadata.language}
          text={content.text}
          blocks={blocks}
          overlays={overlays}
          initialScroll={initialScroll}
          onScroll={onScroll}
          onMouseUp={onMouseUp}
          onClick={onClick}
        />
        )}
        {sidebarOpen && sidebarMode === 'works-cited' ? (
          <WorksCitedPanel
            references={references ?? []}
            citations={citations ?? []}
            onJump={jumpToEntry}
            onEdit={(id) => setEditing({ kind: 'reference', id })}
            onExport={() => commands.exportScope({ scope: 'works-cited', docIds: [docId] })}
          />
        ) : sidebarOpen ? (
          <HighlightSidebar
            docId={docId}
            highlights={placed}
            selectedId={selectedId}
            onSelect={select}
            onRecolor={recolor}
            onDelete={removeById}
            onCopyQuote={copyQuoteById}
            onQuoteInNotebook={quoteInNotebook}
            loading={annotations === undefined}
          />
        ) : null}
      </div>
      {citationCard.card}
      {editing ? (
        <MetadataDialog
          editing={editing}
          summary={summary}
          references={references ?? []}
          onClose={() => setEditing(null)}
          onSaved={(what) => notify(`Saved the details of ${what}. Exports use them from now on.`)}
        />
      ) : null}
      {pending ? <SelectionToolbar spot={pending.spot} onHighlight={(color) => void highlight(color)} /> : null}
    </div>
  );
}

const NO_CITATIONS: StoredCitation[] = [];
