import type { StoredCitation } from '../../../app/store/records';

/**
 * What a citation mark says about itself, the same in every reading surface (the text view and the
 * PDF pages), so a citation looks, reads and behaves alike wherever it is shown.
 */

/** A citation whose entry the reference list lacks; mentions and footnote markers never count as one. */
export function isUnresolved(citation: Pick<StoredCitation, 'kind' | 'referenceIds'>): boolean {
  return citation.kind !== 'mention' && citation.kind !== 'footnote' && citation.referenceIds.length === 0;
}

/** The class names of a citation mark: `base` (`cite` in the text), its kind, and whether it is unresolved. */
export function citationClass(kind: string, unresolved: boolean, base = 'cite'): string {
  return `${base} ${base}-${kind}${unresolved ? ` ${base}-unresolved` : ''}`;
}

/**
 * What a citation mark (a button: focus shows the card, Enter follows it) does, in words: the name
 * of a PDF's mark, which has no text of its own, and the description of one in the text view,
 * whose name is the citation as printed.
 */
export function citationLabel(kind: string, unresolved: boolean): string {
  return unresolved ? 'Citation without a matching entry' : kind === 'mention' ? 'Mention of a cited author' : 'Citation: show its reference';
}
