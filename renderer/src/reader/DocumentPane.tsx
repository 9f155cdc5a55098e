import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useHighlightActions } from '../highlights/actions';
import { type HighlightColor } from '../highlights/colors';
import { HighlightSidebar } from '../highlights/HighlightSidebar';
import { placeHighlights } from '../highlights/placement';
import { SelectionToolbar } from '../highlights/SelectionToolbar';
import { useCitationStyle } from '../citations/citation-style';
import { useCitationCard } from '../citations/use-citation-card';
import { WorksCitedPanel } from '../citations/WorksCitedPanel';
import { MetadataDialog } from '../metadata/MetadataDialog';
import { copyHighlightAsQuote } from '../highlights/copy-quote';
import { PaneToolbar } from './PaneToolbar';
import { useServices } from '../services/context';
import { useAnnotations, useCitations, useDocumentContent, useDocumentSummary, useReferences } from '../store/hooks';
import type { StoredCitation } from '../../../app/store/records';
import type { ScrollSpot } from '../workspace/workspace-state';
import { FindBar } from './FindBar';
import { isShortcut } from '../shell/keymap';
import { useFind } from './use-find';
import { usePaneIsWide } from './use-pane-width';
import { hasPageView, surfaceFor } from './surfaces/registry';
import type { ReadingSurfaceHandle, SurfaceRange } from './surfaces/surface';
import { useHighlightDragFromText, usePassageAboveSheet, useSurfaceSelection } from './use-pane-highlights';
import { useRevealRequests } from './use-pane-reveal';
import { useHighlightCitation } from '../highlights/use-highlight-citation';
import { useCopyCitation, useLastCiteChoice } from '../writing/CiteMenu';

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
}

/** One document in a pane: virtualized reading view, find, highlights with notes in a sidebar. */
export function DocumentPane({ paneId, docId, initialScroll, revealOffset, onScroll, sidebarChoice, onSidebarChoice, onClose, reveal }: DocumentPaneProps) {
  const summary = useDocumentSummary(docId);
  const content = useDocumentContent(docId);
  const annotations = useAnnotations(docId);
  const citations = useCitations(docId);
  const references = useReferences(docId);
  // A dragged highlight carries its citation; a PDF's by printed page ("p. ii").
  const citationOf = useHighlightCitation(docId, summary, content);
  const paneRef = useRef<HTMLDivElement>(null);
  const surfaceRef = useRef<ReadingSurfaceHandle>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pageView, setPageView] = useState(false);
  const [sidebarMode, setSidebarMode] = useState<'highlights' | 'works-cited'>('highlights');
  const [editing, setEditing] = useState<{ kind: 'document' } | { kind: 'reference'; id: string } | null>(null);
  const citationStyle = useCitationStyle();
  const { database, commands, notices } = useServices();
  const notify = notices.info;
  const actions = useHighlightActions();
  const wide = usePaneIsWide(paneRef);
  const sidebarOpen = sidebarChoice ?? wide;
  const setSidebarOpen = useCallback(
    (open: boolean | ((current: boolean) => boolean)) => onSidebarChoice(typeof open === 'function' ? open(sidebarOpen) : open),
    [onSidebarChoice, sidebarOpen],
  );
  /** Selects a highlight and shows it, with its note, in the highlights sidebar. */
  const showHighlight = useCallback(
    (id: string) => {
      setSelectedId(id);
      setSidebarMode('highlights');
      setSidebarOpen(true);
    },
    [setSidebarOpen],
  );

  usePassageAboveSheet(paneRef, !wide && sidebarOpen, selectedId);
  const dragHighlightFromText = useHighlightDragFromText(docId, annotations, citationOf);

  const text = content?.text ?? '';
  const blocks = useMemo(() => content?.blocks ?? [], [content]);
  const placed = useMemo(() => (content && annotations ? placeHighlights(content.text, annotations) : []), [content, annotations]);
  const find = useFind(text);
  const findState = useMemo(() => ({ matches: find.matches, current: find.current }), [find.matches, find.current]);

  const scrollToOffset = useCallback((offset: number) => surfaceRef.current?.scrollToOffset(offset, 'center'), []);
  const jumpToEntry = useCallback((offset: number) => surfaceRef.current?.revealOffset(offset), []);
  const citationCard = useCitationCard(paneRef, citations ?? [], references ?? [], jumpToEntry);

  useRevealRequests(surfaceRef, { match: find.matches[find.current], revealOffset, reveal, ready: blocks.length > 0, placed, showHighlight });

  const select = useCallback(
    (id: string) => {
      setSelectedId((current) => (current === id ? null : id));
      const target = placed.find((item) => item.annotation.id === id);
      if (target?.range) scrollToOffset(target.range.start);
    },
    [placed, scrollToOffset],
  );

  /** Highlights a range reported by the surface: its offsets, and its page on paged formats. */
  const createFrom = useCallback(
    async (range: SurfaceRange, color: HighlightColor) => {
      if (!content) return;
      const created = await actions.create(docId, content.text, range.start, range.end, color, range.page);
      // null: the save failed and the student has been told why.
      if (created) showHighlight(created.id);
    },
    [content, docId, showHighlight, actions],
  );
  const selection = useSurfaceSelection(surfaceRef, createFrom);

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
  const copyCitation = useCopyCitation();
  const lastCiteChoice = useLastCiteChoice();

  const quoteInNotebook = useCallback(
    (id: string) => commands.quoteToNotebook({ docId, annotationId: id }),
    [commands, docId],
  );

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
    if (isShortcut('highlight-cite', event) && selectedId) {
      event.preventDefault();
      void copyCitation({ kind: 'highlight', docId, annotationId: selectedId }, lastCiteChoice);
      return;
    }
    if (isShortcut('highlight-delete', event) && selectedId) {
      event.preventDefault();
      void remove(selectedId);
    }
  };


  // Ctrl+F from the app's shortcuts opens the find bar of the active pane.
  const openFind = find.open;
  useEffect(() => commands.handleFind(paneId, openFind), [commands, paneId, openFind]);

  // Switching between the text and the page view keeps the place: the passage at the top of one
  // view opens the other there. A page view lays itself out after its file loads, so the scroll
  // waits until the new surface reports what it shows.
  const keepPlace = useRef<number | null>(null);
  // Where the last switch put the view: a line does not start where a page does, so switching
  // back without scrolling it away returns to that place, not to the line's first word.
  const lastPlace = useRef<number | null>(null);
  const togglePageView = () => {
    selection.setPending(null);
    const visible = surfaceRef.current?.visibleRange() ?? null;
    const last = lastPlace.current;
    keepPlace.current = visible && last !== null && last >= visible.start && last < visible.end ? last : (visible?.start ?? null);
    setPageView((on) => !on);
  };
  useEffect(() => {
    const offset = keepPlace.current;
    if (offset === null) return;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const handle = surfaceRef.current;
      if (handle && handle.visibleRange() !== null) {
        keepPlace.current = null;
        lastPlace.current = offset;
        // Its paragraph first (a long text draws only what is near the view), then its line.
        handle.scrollToOffset(offset, 'start');
        frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => handle.scrollToOffset(offset, 'top-line'))));
      } else if (++tries < PLACE_WAIT_FRAMES) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [pageView]);

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

  const surface = surfaceFor(summary.format, pageView);
  return (
    <div className="pane-body document-pane" ref={paneRef} onKeyDown={onKeyDown} data-doc-id={docId} data-surface={surface.id}>
      <PaneToolbar
        title={summary.title}
        hasPages={hasPageView(summary.format)}
        pageView={pageView}
        onTogglePageView={togglePageView}
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
        <surface.Component
          ref={surfaceRef}
          docId={docId}
          summary={summary}
          text={content.text}
          blocks={blocks}
          placed={placed}
          citations={citations ?? NO_CITATIONS}
          selectedId={selectedId}
          find={findState}
          initialScroll={initialScroll}
          onScroll={onScroll}
          onSelectHighlight={showHighlight}
          onSelection={selection.setPending}
          onCreateHighlight={selection.createFromSurface}
          toolbar={selection.pending ? <SelectionToolbar spot={selection.pending.spot} onHighlight={selection.highlight} /> : null}
        />
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
            citationOf={citationOf}
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
    </div>
  );
}

const NO_CITATIONS: StoredCitation[] = [];
/** How long a view switch waits for the new view to lay out before it gives up keeping the place (about 5 s). */
const PLACE_WAIT_FRAMES = 300;
