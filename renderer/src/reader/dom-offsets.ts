/**
 * Maps DOM positions inside the reader to offsets in the document's canonical text. Every block
 * element carries `data-start` (its offset in the text); its text nodes, minus decorations
 * marked `data-nontext` (list markers), spell exactly text.slice(start, end).
 */

function blockOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>('[data-start]') ?? null;
}

/** The text offset of a DOM point, or null when it is not inside a block. */
export function pointToOffset(container: Node, offset: number): number | null {
  const block = blockOf(container);
  if (!block) return null;
  const base = Number(block.dataset.start);
  if (!Number.isFinite(base)) return null;
  // Measure the text between the block's start and the point, leaving out decorations.
  const range = document.createRange();
  range.setStart(block, 0);
  range.setEnd(container, offset);
  const fragment = range.cloneContents();
  fragment.querySelectorAll('[data-nontext]').forEach((node) => node.remove());
  return base + (fragment.textContent ?? '').length;
}

/** The text range of the current selection inside `root`, or null when empty or outside. */
export function selectionToRange(selection: Selection | null, root: HTMLElement): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = pointToOffset(range.startContainer, range.startOffset);
  const end = pointToOffset(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
