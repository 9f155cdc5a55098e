/**
 * The reverse of dom-offsets' pointToOffset: where a text offset sits in the rendered reader,
 * so a search hit deep inside a long paragraph can be scrolled into view itself, not only its
 * paragraph.
 */

/** The DOM point of a text offset inside `root`, or null when its block is not rendered. */
export function offsetToPoint(root: ParentNode, offset: number): { node: Text; offset: number } | null {
  let block: HTMLElement | null = null;
  for (const candidate of root.querySelectorAll<HTMLElement>('[data-start]')) {
    const start = Number(candidate.dataset.start);
    if (Number.isFinite(start) && start <= offset && (!block || start >= Number(block.dataset.start))) block = candidate;
  }
  if (!block) return null;
  let left = offset - Number(block.dataset.start);
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    // Decorations (list markers) are not part of the document's text.
    if (node.parentElement?.closest('[data-nontext]')) continue;
    if (left <= node.data.length) return { node, offset: left };
    left -= node.data.length;
  }
  return null;
}

/** Room left above a line brought to the top of the view, in CSS pixels. */
const TOP_MARGIN = 4;

/** Scrolls `scroller` so the text at `offset` sits mid-view; false when it is not rendered yet. */
export function centerOffset(scroller: HTMLElement, offset: number): boolean {
  return placeOffset(scroller, offset, 'middle');
}

/** Scrolls `scroller` so the line holding `offset` is the first in view; false when it is not rendered yet. */
export function topOffset(scroller: HTMLElement, offset: number): boolean {
  return placeOffset(scroller, offset, 'top');
}

function placeOffset(scroller: HTMLElement, offset: number, where: 'middle' | 'top'): boolean {
  const point = offsetToPoint(scroller, offset);
  if (!point) return false;
  const range = document.createRange();
  range.setStart(point.node, point.offset);
  range.setEnd(point.node, Math.min(point.node.data.length, point.offset + 1));
  const rect = range.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (rect.height === 0 && rect.width === 0) return false;
  scroller.scrollBy({ top: rect.top - (where === 'middle' ? view.top + view.height / 2 : view.top + TOP_MARGIN) });
  return true;
}
