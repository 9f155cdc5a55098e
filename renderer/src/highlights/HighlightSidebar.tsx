import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { quoteSelectorOf } from '../../../app/anchoring/selectors';
import { RichEditor } from '../notes/RichEditor';
import type { NoteState } from '../notes/durable-save';
import { useHighlightActions } from './actions';
import { COLOR_LABELS, HIGHLIGHT_COLORS, highlightDescription, type HighlightColor } from './colors';
import { whichShortcut } from '../shell/keymap';
import { startHighlightDrag } from './drag';
import { notePreview } from './note-preview';
import type { PlacedHighlight } from './placement';
import { CiteMenu } from '../writing/CiteMenu';

/** Props of a pane's highlight list. */
export interface HighlightSidebarProps {
  docId: string;
  highlights: PlacedHighlight[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onRecolor: (id: string, color: HighlightColor) => void;
  onDelete: (id: string) => void;
  /** Copies the highlight as a quote with its citation. */
  onCopyQuote: (id: string) => void;
  /** Puts the highlight into a notebook as a cited quote (the keyboard way to drag it there). */
  onQuoteInNotebook: (id: string) => void;
  /** The highlight's short citation, carried with its quote when it is dragged out of Lectern. */
  citationOf?: (selectors: PlacedHighlight['annotation']['selectors']) => string | undefined;
  /** The highlights are still being read: the sidebar keeps its place without saying there are none. */
  loading?: boolean;
}

/** Cards kept rendered beyond the visible part of the list, for a smooth scroll and Tab to the next few. */
const OVERSCAN = 6;
/** Space between cards and around the list, in pixels (0.5rem). */
const GAP = 8;

/** A first guess at a card's height before it is measured: the quote's lines at the sidebar's width. */
function estimateCardHeight(item: PlacedHighlight): number {
  const quote = quoteSelectorOf(item.annotation.selectors)?.exact ?? '';
  const lines = Math.max(1, Math.ceil((Math.min(quote.length, 221) + 2) / 34)) + (item.annotation.noteText ? 2 : 0) + (item.range ? 0 : 1);
  return lines * 21 + 18;
}

/**
 * The pane's highlights in reading order; the selected one opens with its note. The list is
 * windowed: only the cards near the visible part of the sidebar are in the DOM (a book with
 * thousands of highlights keeps a few dozen cards), each telling assistive technology its place
 * in the whole list. The selected card and the one holding focus stay rendered wherever the list
 * is scrolled, so a note being written or a focused card is never torn down. Arrow keys, Home and
 * End move between cards, scrolling the next one into view; selecting a highlight (in the text or
 * elsewhere) scrolls its card into view.
 */
export function HighlightSidebar({ docId, highlights, selectedId, onSelect, onRecolor, onDelete, onCopyQuote, onQuoteInNotebook, citationOf, loading = false }: HighlightSidebarProps) {
  const scroller = useRef<HTMLElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const selectedIndex = useMemo(() => (selectedId ? highlights.findIndex((item) => item.annotation.id === selectedId) : -1), [highlights, selectedId]);
  // The card holding keyboard focus, by id so it survives the list changing around it.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focusedIndex = useMemo(() => (focusedId ? highlights.findIndex((item) => item.annotation.id === focusedId) : -1), [highlights, focusedId]);
  // A card to move focus to once it is rendered (arrow keys).
  const pendingFocus = useRef<string | null>(null);

  // Stable for a given list: a new key function makes the virtualizer lay out every card again.
  const getItemKey = useCallback((index: number) => highlights[index]!.annotation.id, [highlights]);
  const estimates = useMemo(() => highlights.map((item) => estimateCardHeight(item)), [highlights]);
  const virtualizer = useVirtualizer({
    count: highlights.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => estimates[index] ?? 60,
    getItemKey,
    overscan: OVERSCAN,
    gap: GAP,
    paddingStart: GAP,
    paddingEnd: GAP,
    rangeExtractor: useCallback(
      (range: Range) => {
        const indexes = defaultRangeExtractor(range);
        const extra = [selectedIndex, focusedIndex].filter((index, at, all) => index >= 0 && index < range.count && all.indexOf(index) === at && !indexes.includes(index));
        return extra.length ? [...indexes, ...extra].sort((a, b) => a - b) : indexes;
      },
      [selectedIndex, focusedIndex],
    ),
  });

  // Selecting a highlight brings its card into view (the card grows as it opens, so once more
  // after it has been measured).
  useEffect(() => {
    if (selectedIndex < 0) return;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    const frame = requestAnimationFrame(() => virtualizer.scrollToIndex(selectedIndex, { align: 'auto' }));
    return () => cancelAnimationFrame(frame);
    // Only a change of selection scrolls; the list changing around it does not.
  }, [selectedId]);

  // Focus the card the arrow keys moved to, once it is in the DOM.
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    const button = list.current?.querySelector<HTMLElement>(`[data-annotation-id="${CSS.escape(id)}"] > .highlight-quote`);
    if (!button) return;
    pendingFocus.current = null;
    button.focus({ preventScroll: true });
  });

  const moveFocus = useCallback(
    (event: React.KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (!target.classList.contains('highlight-quote')) return;
      const from = highlights.findIndex((item) => item.annotation.id === target.closest('[data-annotation-id]')?.getAttribute('data-annotation-id'));
      if (from < 0) return;
      const shortcut = whichShortcut(['list-next', 'list-previous', 'list-first', 'list-last'], event);
      const to = shortcut === 'list-next' ? from + 1 : shortcut === 'list-previous' ? from - 1 : shortcut === 'list-first' ? 0 : shortcut === 'list-last' ? highlights.length - 1 : null;
      if (to === null) return;
      event.preventDefault();
      if (to < 0 || to >= highlights.length || to === from) return;
      const id = highlights[to]!.annotation.id;
      pendingFocus.current = id;
      setFocusedId(id);
      virtualizer.scrollToIndex(to, { align: 'auto' });
    },
    [highlights, virtualizer],
  );

  if (loading) return <aside className="highlight-sidebar" aria-label="Highlights" aria-busy="true" />;
  if (highlights.length === 0) {
    return (
      <aside className="highlight-sidebar" aria-label="Highlights">
        <p className="sidebar-empty">Select text to highlight it. Your highlights and notes appear here.</p>
      </aside>
    );
  }
  const items = virtualizer.getVirtualItems();
  return (
    <aside className="highlight-sidebar" aria-label="Highlights" ref={scroller}>
      <ol
        className="highlight-list"
        ref={list}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={moveFocus}
        onFocus={(event) => setFocusedId((event.target as Element).closest('[data-annotation-id]')?.getAttribute('data-annotation-id') ?? null)}
        onBlur={(event) => {
          if (!list.current?.contains(event.relatedTarget)) setFocusedId(null);
        }}
      >
        {items.map((row) => {
          const item = highlights[row.index]!;
          return (
            <HighlightCard
              key={row.key}
              docId={docId}
              item={item}
              index={row.index}
              setSize={highlights.length}
              top={row.start}
              measure={virtualizer.measureElement}
              selected={item.annotation.id === selectedId}
              onSelect={onSelect}
              onRecolor={onRecolor}
              onDelete={onDelete}
              onCopyQuote={onCopyQuote}
              onQuoteInNotebook={onQuoteInNotebook}
              citationOf={citationOf}
            />
          );
        })}
      </ol>
    </aside>
  );
}

interface CardProps extends Omit<HighlightSidebarProps, 'highlights' | 'selectedId'> {
  item: PlacedHighlight;
  /** The card's place in the whole list (from 0), and the list's length. */
  index: number;
  setSize: number;
  /** Where the card sits in the list, in pixels. */
  top: number;
  measure: (element: Element | null) => void;
  selected: boolean;
}

const HighlightCard = memo(function HighlightCard({ docId, item, index, setSize, top, measure, selected, onSelect, onRecolor, onDelete, onCopyQuote, onQuoteInNotebook, citationOf }: CardProps) {
  const { annotation, range } = item;
  const quote = quoteSelectorOf(annotation.selectors)?.exact ?? '';
  const { saveNote } = useHighlightActions();
  const save = useCallback((state: NoteState) => saveNote(annotation.id, state.json, state.text), [saveNote, annotation.id]);
  return (
    <li
      className={`highlight-card card-${annotation.color}${selected ? ' selected' : ''}${range ? '' : ' orphaned'}`}
      data-annotation-id={annotation.id}
      data-index={index}
      ref={measure}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      style={{ transform: `translateY(${top}px)` }}
      draggable
      onDragStart={(event) => startHighlightDrag(event, { docId, annotationId: annotation.id }, quote, citationOf?.(annotation.selectors))}
    >
      <button
        type="button"
        className="highlight-quote"
        onClick={() => onSelect(annotation.id)}
        aria-expanded={selected}
        aria-description={highlightDescription(annotation.color, annotation.noteText)}
      >
        {range ? null : <span className="orphan-label">Not found in the current text · </span>}
        <span className="quote-text">“{quote.length > 220 && !selected ? `${quote.slice(0, 220)}…` : quote}”</span>
        {!selected && annotation.noteText.trim() ? <span className="note-preview">{notePreview(annotation.noteText)}</span> : null}
      </button>
      {selected ? (
        <div className="highlight-details">
          <div className="highlight-actions">
            <div className="swatches" role="radiogroup" aria-label="Highlight colour">
              {HIGHLIGHT_COLORS.map((color) => (
                <button
                  key={color}
                  type="button"
                  role="radio"
                  aria-checked={annotation.color === color}
                  aria-label={COLOR_LABELS[color]}
                  title={COLOR_LABELS[color]}
                  className={`swatch swatch-${color}${annotation.color === color ? ' current' : ''}`}
                  onClick={() => onRecolor(annotation.id, color)}
                />
              ))}
            </div>
            <span className="highlight-buttons">
              <button type="button" className="button button-quiet button-small" onClick={() => onQuoteInNotebook(annotation.id)} title="Quote in a notebook, with its citation (Ctrl+Shift+N)">
                To notebook
              </button>
              <button type="button" className="button button-quiet button-small" onClick={() => onCopyQuote(annotation.id)} title="Copy as a quote with its citation (Ctrl+Shift+C)">
                Copy quote
              </button>
              <CiteMenu target={{ kind: 'highlight', docId, annotationId: annotation.id }} />
              <button type="button" className="button button-quiet button-small" onClick={() => onDelete(annotation.id)} title="Delete highlight (Delete)">
                Delete
              </button>
            </span>
          </div>
          <RichEditor
            id={annotation.id}
            noteKey={`annotation:${annotation.id}`}
            initialJson={annotation.noteJson}
            savedAt={annotation.updatedAt}
            onSave={save}
            placeholder="Write a note…"
            label="Note on this highlight"
            className="highlight-note"
          />
        </div>
      ) : null}
    </li>
  );
});
