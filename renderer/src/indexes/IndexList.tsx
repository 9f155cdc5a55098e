import { useEffect, useState, type ReactNode } from 'react';
import { plural } from './DocumentLinks';

/** Rows drawn at first and per "Show more": a large library names thousands of people. */
const PAGE = 150;

/** Props of an index list. */
export interface IndexListProps<T> {
  /** The rows that pass the filter, in order. */
  items: readonly T[];
  /** Rows before filtering. */
  total: number;
  /** What a row is ("work", "person"), for the count line. */
  noun: string;
  nounPlural?: string;
  filter: string;
  render: (item: T) => ReactNode;
}

/** A counted, paged list of index rows, with a line saying so when the filter leaves none. */
export function IndexList<T>({ items, total, noun, nounPlural, filter, render }: IndexListProps<T>) {
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setLimit(PAGE), [filter]);
  const filtered = filter.trim() !== '';
  return (
    <>
      <p className="index-count" aria-live="polite">
        {filtered ? `${items.length} of ${plural(total, noun, nounPlural)} match “${filter.trim()}”` : plural(total, noun, nounPlural)}
      </p>
      {items.length === 0 ? (
        <p className="index-empty">Nothing matches “{filter.trim()}”. The filter looks at names and titles.</p>
      ) : (
        <ol className="index-list">{items.slice(0, limit).map(render)}</ol>
      )}
      {items.length > limit ? (
        <button type="button" className="button index-more" onClick={() => setLimit((n) => n + PAGE)}>
          Show {Math.min(PAGE, items.length - limit)} more of {items.length - limit}
        </button>
      ) : null}
    </>
  );
}
