import { foldOnlyForLayout, type FoldedText } from '../../../app/text/fold';
import { findWithContext, sourceRange } from './text-match';

/** The text of a chapter as shown, with the text nodes it came from. */
export interface SectionText {
  /** The text nodes under the body, in order, joined with nothing between them. */
  text: string;
  nodes: Text[];
  /** Where each node starts in `text`. */
  starts: number[];
}

/** Reads the text of a chapter's body (scripts and styles do not show, so they are skipped). */
export function readSectionText(doc: Document): SectionText {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  if (!doc.body) return { text, nodes, starts };
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('style, script, head') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    nodes.push(node as Text);
    starts.push(text.length);
    text += data;
  }
  return { text, nodes, starts };
}

/** The DOM range of [start, end) of a section's text. */
export function domRange(doc: Document, section: SectionText, start: number, end: number): Range | null {
  const from = pointAt(section, start, false);
  const to = pointAt(section, end, true);
  if (!from || !to) return null;
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

function pointAt(section: SectionText, offset: number, isEnd: boolean): { node: Text; offset: number } | null {
  // The last node starting at or before the offset (for an end, strictly before, so a range never ends at a node's start).
  let low = 0;
  let high = section.starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = section.starts[mid]!;
    if (at < offset || (!isEnd && at === offset)) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  const node = section.nodes[found];
  if (!node) return null;
  return { node, offset: Math.min(node.data.length, offset - section.starts[found]!) };
}

/** A section placed in the canonical text: [start, end) in canonical offsets. */
export interface SectionSpan {
  start: number;
  end: number;
}

/** How many folded characters of a section's head and tail are looked for in the canonical text. */
const PROBE = 48;

/**
 * Where a chapter's text lies in the document's canonical text, found by its first and last
 * characters (folded, so spacing and hyphens do not matter), at or after `from`. Null when the
 * chapter has no text or cannot be found.
 */
export function locateSection(canonical: FoldedText, sectionText: string, from = 0): SectionSpan | null {
  const folded = foldOnlyForLayout(sectionText);
  if (folded.length === 0) return null;
  const head = folded.slice(0, PROBE);
  const tail = folded.slice(-PROBE);
  const firstFolded = lowerBound(canonical.starts, from);
  const headAt = canonical.folded.indexOf(head, firstFolded);
  if (headAt < 0) return null;
  const tailAt = canonical.folded.indexOf(tail, headAt);
  const endFolded = tailAt >= 0 ? tailAt + tail.length : Math.min(canonical.folded.length, headAt + folded.length);
  return sourceRange(canonical, { start: headAt, end: endFolded });
}

/** The folded ranges of a section's text that a highlight [start, end) of the canonical text covers, as section offsets. */
export function highlightInSection(text: string, start: number, end: number, section: FoldedText): { start: number; end: number } | null {
  const wanted = foldOnlyForLayout(text.slice(start, end));
  if (wanted === '') return null;
  const before = foldOnlyForLayout(text.slice(Math.max(0, start - 80), start)).slice(-32);
  const after = foldOnlyForLayout(text.slice(end, end + 80)).slice(0, 32);
  const found = findWithContext(section.folded, wanted, before, after);
  return found ? sourceRange(section, found) : null;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
