import { useCallback } from 'react';
import { quoteSelectorOf } from '../../../app/anchoring/selectors';
import { RichEditor } from '../notes/RichEditor';
import type { NoteState } from '../notes/durable-save';
import { saveHighlightNote } from './actions';
import { COLOR_LABELS, HIGHLIGHT_COLORS, highlightDescription, type HighlightColor } from './colors';
import { startHighlightDrag } from './drag';
import { notePreview } from './note-preview';
import type { PlacedHighlight } from './placement';

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
}

/** The pane's highlights in reading order; the selected one opens with its note. */
export function HighlightSidebar({ docId, highlights, selectedId, onSelect, onRecolor, onDelete, onCopyQuote, onQuoteInNotebook }: HighlightSidebarProps) {
  if (highlights.length === 0) {
    return (
      <aside className="highlight-sidebar" aria-label="Highlights">
        <p className="sidebar-empty">Select text to highlight it. Your highlights and notes appear here.</p>
      </aside>
    );
  }
  return (
    <aside className="highlight-sidebar" aria-label="Highlights">
      <ol className="highlight-list">
        {highlights.map((item) => (
          <HighlightCard
            key={item.annotation.id}
            docId={docId}
            item={item}
            selected={item.annotation.id === selectedId}
            onSelect={onSelect}
            onRecolor={onRecolor}
            onDelete={onDelete}
            onCopyQuote={onCopyQuote}
            onQuoteInNotebook={onQuoteInNotebook}
          />
        ))}
      </ol>
    </aside>
  );
}

interface CardProps extends Omit<HighlightSidebarProps, 'highlights' | 'selectedId'> {
  item: PlacedHighlight;
  selected: boolean;
}

function HighlightCard({ docId, item, selected, onSelect, onRecolor, onDelete, onCopyQuote, onQuoteInNotebook }: CardProps) {
  const { annotation, range } = item;
  const quote = quoteSelectorOf(annotation.selectors)?.exact ?? '';
  const save = useCallback((state: NoteState) => saveHighlightNote(annotation.id, state.json, state.text), [annotation.id]);
  return (
    <li
      className={`highlight-card card-${annotation.color}${selected ? ' selected' : ''}${range ? '' : ' orphaned'}`}
      data-annotation-id={annotation.id}
      draggable
      onDragStart={(event) => startHighlightDrag(event, { docId, annotationId: annotation.id }, quote)}
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
              <button type="button" className="button button-quiet button-small" onClick={() => onDelete(annotation.id)} title="Delete highlight (Delete)">
                Delete
              </button>
            </span>
          </div>
          <RichEditor
            id={annotation.id}
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
}
