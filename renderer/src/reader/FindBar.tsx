import { useEffect, useRef } from 'react';
import { whichShortcut } from '../shell/keymap';

/** Props of the find bar. */
export interface FindBarProps {
  query: string;
  onQuery: (query: string) => void;
  count: number;
  current: number;
  onNext: () => void;
  onPrevious: () => void;
  onClose: () => void;
  /** Ctrl+Enter: highlight the current match, so a passage can be marked without a mouse. */
  onHighlight: () => void;
}

/** Find in document: Enter for the next match, Shift+Enter for the previous, Esc to close. */
export function FindBar({ query, onQuery, count, current, onNext, onPrevious, onClose, onHighlight }: FindBarProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  return (
    <div className="find-bar" role="search">
      <input
        ref={input}
        className="find-input"
        type="search"
        placeholder="Find in document (Ctrl+Enter highlights the match)"
        aria-label="Find in document"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          const shortcut = whichShortcut(['find-highlight', 'find-next', 'find-previous', 'find-close'], event);
          if (shortcut === 'find-highlight') {
            event.preventDefault();
            if (count) onHighlight();
          } else if (shortcut === 'find-next' || shortcut === 'find-previous') {
            event.preventDefault();
            if (shortcut === 'find-previous') onPrevious();
            else onNext();
          } else if (shortcut === 'find-close') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          }
        }}
      />
      <span className="find-count" aria-live="polite">
        {query.trim() ? (count ? `${current + 1} of ${count}` : 'No matches') : ''}
      </span>
      <button type="button" className="icon-button" onClick={onPrevious} disabled={!count} title="Previous match (Shift+Enter)" aria-label="Previous match">
        ↑
      </button>
      <button type="button" className="icon-button" onClick={onNext} disabled={!count} title="Next match (Enter)" aria-label="Next match">
        ↓
      </button>
      <button type="button" className="icon-button" onClick={onClose} title="Close (Esc)" aria-label="Close find">
        ×
      </button>
    </div>
  );
}
