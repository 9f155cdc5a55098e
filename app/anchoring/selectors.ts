/**
 * The W3C Web Annotation selectors a Lectern highlight stores, and the result of placing one in a
 * text. Offsets everywhere are UTF-16 code-unit offsets into a document's canonical plain text.
 * This module is the source of truth for these types; the store re-exports them.
 */

/**
 * W3C TextQuote selector: the highlighted text with a little context either side, so a highlight
 * can be found again after the text has changed around it or inside it.
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  /** The highlighted text, exactly as it was. */
  exact: string;
  /** Text just before `exact` (up to 32 characters when Lectern writes it); absent means unknown. */
  prefix?: string;
  /** Text just after `exact` (up to 32 characters when Lectern writes it); absent means unknown. */
  suffix?: string;
}

/** W3C TextPosition selector: offsets [start, end) into the canonical text when it was made. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** A rectangle on a page, in page units, for drawing PDF highlights. */
export interface PageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a PDF highlight is drawn: the page (from 1) and, when known, its rectangles there. */
export interface PageSelector {
  type: 'PageSelector';
  page: number;
  rects?: PageRect[];
}

/** Any selector a highlight may carry. */
export type AnnotationSelector = TextQuoteSelector | TextPositionSelector | PageSelector;

/** How an anchor was found, from cheapest and surest to most lenient. */
export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

/** Where a highlight sits in a text, and how sure Lectern is of it. */
export interface AnchorResult {
  /** Offsets [start, end) into the text that was searched. */
  start: number;
  end: number;
  /**
   * Agreement between the found text and the stored selectors, from 0 to 1: 1 means quote,
   * prefix and suffix all match exactly at (or as near as possible to) the stored position.
   */
  score: number;
  method: AnchorMethod;
}

/** The TextQuoteSelector among `selectors`, if any. */
export function quoteSelectorOf(selectors: readonly AnnotationSelector[]): TextQuoteSelector | undefined {
  return selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

/** The TextPositionSelector among `selectors`, if any. */
export function positionSelectorOf(selectors: readonly AnnotationSelector[]): TextPositionSelector | undefined {
  return selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}
