/**
 * The text view's selection as the pane needs it: canonical offsets, and where the colour toolbar
 * goes. Blocks carry their offset in `data-start` (see dom-offsets), so no text is searched.
 */
import type { Block } from '../../../../app/documents/model';
import { selectionToRange } from '../dom-offsets';
import type { SurfaceSelection } from './surface';

/** Height of the colour toolbar plus a gap: it sits above the selection. */
const ABOVE = 44;
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
  return { start: blocks[first]!.start, end: blocks[last]!.end };
}
