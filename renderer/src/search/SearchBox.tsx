import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useServices } from '../services/context';
import { isShortcut, whichShortcut } from '../shell/keymap';
import { groupHits } from './search-results';
import { SearchResults } from './SearchResults';
import { useSearchStatus, useSearchVersion, type SearchHit } from './search-service';
import './search.css';

/** Typing pauses this long before a search runs: each keystroke need not search a whole library. */
const SEARCH_DELAY_MS = 120;

function inEditable(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/**
 * The header's search field over documents, highlights and notebooks. Ctrl+K (or "/" outside a
 * text field) focuses it; ↑/↓ choose a result, Enter opens it, Esc closes the list.
 */
export function SearchBox({ onOpenHit }: { onOpenHit: (hit: SearchHit) => void }) {
  const { search: searchService } = useServices();
  const status = useSearchStatus(searchService);
  // Results on screen follow the index: a note saved meanwhile shows up without retyping.
  const version = useSearchVersion(searchService);
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  // The hits and the query they answer: while they answer an older query, the list is marked busy.
  const [results, setResults] = useState<{ query: string; hits: SearchHit[] } | null>(null);
  const hits = results?.hits ?? null;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const groups = useMemo(() => groupHits(hits ?? []), [hits]);
  // The keyboard walks the hits in the order the groups show them.
  const ordered = useMemo(() => groups.flatMap((group) => group.hits), [groups]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Ctrl+K works anywhere; "/" is a character in a text field.
      const wantsSearch = isShortcut('search', event) && (event.ctrlKey || event.metaKey || !inEditable(event.target));
      if (!wantsSearch) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const text = query.trim();
    if (!text) {
      setResults(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void searchService.search(text).then((found) => {
        if (!current) return;
        setResults((previous) => {
          // The same query answered again (the index changed) keeps the keyboard's place.
          if (previous?.query !== text) setActive(0);
          return { query: text, hits: found };
        });
      });
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [searchService, query, status, version]);

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    inputRef.current?.blur();
    onOpenHit(hit);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const shortcut = whichShortcut(['search-next', 'search-previous', 'search-open', 'search-close'], event);
    if (shortcut === 'search-next' || shortcut === 'search-previous') {
      event.preventDefault();
      setOpen(true);
      if (ordered.length === 0) return;
      const step = shortcut === 'search-next' ? 1 : -1;
      setActive((index) => (index + step + ordered.length) % ordered.length);
    } else if (shortcut === 'search-open') {
      event.preventDefault();
      choose(ordered[active]);
    } else if (shortcut === 'search-close') {
      event.preventDefault();
      if (open && query) setOpen(false);
      else {
        setQuery('');
        inputRef.current?.blur();
      }
    }
  };

  const showPanel = open && query.trim() !== '';
  const activeHit = ordered[active];
  return (
    // The index loads on the first sign of a search (pointer over the box, focus), not at start.
    <div className="search-box" role="search" onPointerEnter={() => void searchService.start()}>
      <input
        ref={inputRef}
        type="search"
        className="search-input"
        placeholder="Search"
        aria-label="Search the library"
        title="Search documents, highlights and notebooks (Ctrl+K)"
        role="combobox"
        aria-expanded={showPanel}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showPanel && activeHit ? `${listId}-${active}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          void searchService.start();
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {status === 'indexing' ? (
        <span className="search-status" role="status">
          Indexing…
        </span>
      ) : (
        <kbd className="search-shortcut" aria-hidden="true">
          Ctrl K
        </kbd>
      )}
      {showPanel ? (
        <div className="search-panel" id={listId} role="listbox" aria-label="Search results" aria-busy={results?.query !== query.trim() || status === 'indexing'}>
          {status === 'indexing' ? (
            <p className="search-message">Indexing your library… results appear in a moment.</p>
          ) : status === 'failed' ? (
            <p className="search-message">Search is unavailable: the index could not be built. Restart Lectern to try again.</p>
          ) : hits === null ? (
            <p className="search-message">Searching…</p>
          ) : ordered.length === 0 ? (
            <p className="search-message">No matches for “{query.trim()}”.</p>
          ) : (
            <SearchResults groups={groups} ordered={ordered} active={active} idPrefix={listId} onHover={setActive} onChoose={choose} />
          )}
        </div>
      ) : null}
    </div>
  );
}
