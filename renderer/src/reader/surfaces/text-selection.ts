/**
 * The text view's selection as the pane needs it: canonical offsets, and where the colour toolbar
 * goes. Blocks carry their offset in `data-start` (see dom-offsets), so no text is searched.
 */
import type { Block } from '../../../../app/documents/model';
import { pointToOffset, selectionToRange } from '../dom-offsets';
import type { SurfaceSelection } from './surface';

/** Height of the colour toolbar plus a gap: it sits above the selection. */
const ABOVE = 44;
/** How far below the view's top edge the first visible line is looked for, in CSS pixels. */
const LINE_PROBE = 12;
/** Half the toolbar's width, so it is centred over the selection. */
const HALF_WIDTH = 90;

/**
 * The selection inside `article` as canonical offsets, with the toolbar's spot measured from
 * `frame` (the element the toolbar is positioned in); null when nothing there is selected.
 */
export function textSelectionOf(selection: Selection | null, article: HTMLElement, frame: Element): SurfaceSelection | null {
  const range = selectionToRange(selection, article);
  if (!range || !selection) return null;
  const rect = selection.getRangeAt(0).getBoundingClientRect();
  const box = frame.getBoundingClientRect();
  return { ...range, spot: { top: Math.max(4, rect.top - box.top - ABOVE), left: Math.max(4, rect.left - box.left + rect.width / 2 - HALF_WIDTH) } };
}

/**
 * The canonical text of the blocks rendered inside `scroller` that are at least partly in its
 * view, or null when none is.
 */
export function visibleTextRange(scroller: HTMLElement, blocks: readonly Block[]): { start: number; end: number } | null {
  const view = scroller.getBoundingClientRect();
  let first = -1;
  let last = -1;
  for (const element of scroller.querySelectorAll<HTMLElement>('[data-block]')) {
    const box = element.getBoundingClientRect();
    if (box.bottom <= view.top || box.top >= view.bottom) continue;
    const index = Number(element.dataset.block);
    if (!blocks[index]) continue;
    if (first < 0 || index < first) first = index;
    if (index > last) last = index;
  }
  if (first < 0) return null;
  return { start: topOffset(scroller, view, blocks[first]!), end: blocks[last]!.end };
}

/**
 * The offset of the first line in view: inside a long paragraph cut by the top of the view, the
 * words on its first visible line rather than its opening (the block's start when the browser
 * cannot say which character is there).
 */
function topOffset(scroller: HTMLElement, view: DOMRect, block: Block): number {
  const element = scroller.querySelector<HTMLElement>(`[data-start="${block.start}"]`);
  const box = element?.getBoundingClientRect();
  if (!element || !box || box.top >= view.top || typeof document.caretRangeFromPoint !== 'function') return block.start;
  const caret = document.caretRangeFromPoint(box.left + 2, view.top + LINE_PROBE);
  if (!caret || !element.contains(caret.startContainer)) return block.start;
  const offset = pointToOffset(caret.startContainer, caret.startOffset);
  return offset !== null && offset >= block.start && offset <= block.end ? offset : block.start;
}
