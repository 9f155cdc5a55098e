import type { DocumentSummary } from './records';

/** Columns the library can be sorted by. */
export type SortKey = 'title' | 'author' | 'year' | 'format' | 'addedAt';

/** Sort direction. */
export type SortDirection = 'asc' | 'desc';

// Numeric so "Chapter 2" sorts before "Chapter 10"; base sensitivity so case and accents do not split
// otherwise equal titles.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

type Value = string | number | undefined;

function valueOf(doc: DocumentSummary, key: SortKey): Value {
  switch (key) {
    case 'title':
      return doc.title?.trim() || undefined;
    case 'author':
      return doc.authorsLabel?.trim() || undefined;
    case 'year':
      return doc.year;
    case 'format':
      return doc.format;
    case 'addedAt':
      return doc.addedAt;
  }
}

function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * A sorted copy of the library. Missing values go last in either direction (an unknown year is
 * not "oldest"); ties fall back to title, then id, so the order is stable across reloads.
 */
export function sortDocuments(list: readonly DocumentSummary[], key: SortKey, direction: SortDirection): DocumentSummary[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...list].sort((x, y) => {
    const a = valueOf(x, key);
    const b = valueOf(y, key);
    if (a === undefined || b === undefined) {
      if (a !== b) return a === undefined ? 1 : -1;
    } else {
      const primary = compareValues(a, b);
      if (primary !== 0) return sign * primary;
    }
    if (key !== 'title') {
      const byTitle = collator.compare(x.title ?? '', y.title ?? '');
      if (byTitle !== 0) return byTitle;
    }
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
}
