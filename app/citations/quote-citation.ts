import type { CslItem, CslName } from '../documents/model';

function nameOf(name: CslName): string {
  return name.family ? [name['non-dropping-particle'], name.family].filter(Boolean).join(' ') : (name.literal ?? name.given ?? '');
}

/** Author part of an author-date citation: "Ezerova", "Sharp and McDowell", "Smith et al.". */
export function citationAuthors(item: Pick<CslItem, 'author' | 'editor' | 'title'>): string {
  const names = (item.author?.length ? item.author : (item.editor ?? [])).map(nameOf).filter(Boolean);
  if (names.length === 0) {
    const title = item.title ?? 'Untitled';
    // Long titles are cut at a word boundary, as a short title in a citation would be.
    return title.length > 40 ? `${title.slice(0, 40).replace(/\s+\S*$/, '')}…` : title;
  }
  if (names.length === 1) return names[0]!;
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names[0]} et al.`;
}

/** A passage's place in its source: a page where there are pages, else a paragraph number. */
export type PassageLocator = { label: 'page'; value: number | string } | { label: 'paragraph'; value: number };

/**
 * A short author-date citation for a quoted passage, as a student writes it after a quote:
 * "(Ezerova 2018, ¶ 14)", "(Yuval-Davis 1997, p. 405)", "(Moore n.d.)".
 */
export function quoteCitation(item: Pick<CslItem, 'author' | 'editor' | 'title' | 'issued'>, locator?: PassageLocator | null): string {
  const year = item.issued?.['date-parts']?.[0]?.[0];
  const parts = [`${citationAuthors(item)} ${year ?? 'n.d.'}`];
  if (locator) parts.push(locator.label === 'page' ? `p. ${locator.value}` : `¶ ${locator.value}`);
  return `(${parts.join(', ')})`;
}
