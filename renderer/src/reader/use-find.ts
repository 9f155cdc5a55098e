import { useCallback, useMemo, useState } from 'react';
import { findAll } from '../../../app/search/find-in-text';
import { foldForFind } from '../../../app/text/fold';

/** Find-in-document state for one pane. */
export function useFind(text: string) {
  const [isOpen, setOpen] = useState(false);
  const [query, setQueryState] = useState('');
  const [current, setCurrent] = useState(0);
  // Folding a long book once, not on every keystroke.
  const folded = useMemo(() => (isOpen ? foldForFind(text) : ''), [text, isOpen]);
  const matches = useMemo(() => (isOpen && query.trim() ? findAll(text, query, 10_000, folded) : []), [text, query, folded, isOpen]);

  const setQuery = useCallback((next: string) => {
    setQueryState(next);
    setCurrent(0);
  }, []);
  const next = useCallback(() => setCurrent((index) => (matches.length ? (index + 1) % matches.length : 0)), [matches.length]);
  const previous = useCallback(() => setCurrent((index) => (matches.length ? (index - 1 + matches.length) % matches.length : 0)), [matches.length]);
  const open = useCallback(() => setOpen(true), []);
  const close = useCallback(() => setOpen(false), []);

  return { isOpen, query, setQuery, matches, current: Math.min(current, Math.max(0, matches.length - 1)), next, previous, open, close };
}
