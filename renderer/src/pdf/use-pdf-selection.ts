import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { Block } from '../../../app/documents/model';
import type { PageRect } from '../../../app/anchoring/selectors';
import { type HighlightColor } from '../highlights/colors';
import { useColorKeys } from '../highlights/use-color-keys';
import type { ToolbarSpot } from '../highlights/SelectionToolbar';
import { locateSelection, pageRegion } from './page-map';
import { rangeRects, scaleRects } from './text-layer-dom';

/** Called to make a highlight: canonical offsets, colour, the page it starts on and its rectangles there in PDF points. */
export type CreatePdfHighlight = (start: number, end: number, color: HighlightColor, page: number, rects: PageRect[]) => void;

/** A selection on the page view waiting for a colour. */
export interface PendingSelection {
  start: number;
  end: number;
  page: number;
  rects: PageRect[];
  spot: ToolbarSpot;
}

/** Characters of page text before a selection used to tell repeated passages apart. */
const CONTEXT = 40;

/**
 * Text selected in the page view's text layers, mapped to the canonical text, with the colour
 * toolbar's state. While a selection waits, keys 1–5 (or H for yellow) highlight it.
 */
export function usePdfSelection(rootRef: RefObject<HTMLDivElement | null>, text: string, blocks: readonly Block[], scale: number, onCreate: CreatePdfHighlight) {
  const [pending, setPending] = useState<PendingSelection | null>(null);

  const onMouseUp = useCallback(() => {
    // Let the browser settle the selection first.
    requestAnimationFrame(() => {
      const root = rootRef.current;
      const selection = window.getSelection();
      if (!root || !selection || selection.isCollapsed || selection.rangeCount === 0) return setPending(null);
      const range = selection.getRangeAt(0);
      const startPage = pageOf(range.startContainer, root);
      const endPage = pageOf(range.endContainer, root) ?? startPage;
      const layer = startPage?.querySelector('.textLayer');
      if (!startPage || !endPage || !layer) return setPending(null);
      const page = Number(startPage.dataset.pageNumber);
      const lastPage = Number(endPage.dataset.pageNumber);
      const lead = document.createRange();
      lead.setStart(layer, 0);
      lead.setEnd(range.startContainer, range.startOffset);
      const located = locateSelection(text, pageRegion(blocks, text.length, page, lastPage), range.toString(), lead.toString().slice(-CONTEXT));
      if (!located) return setPending(null);
      const rects = scaleRects(rangeRects(range, startPage), 1 / scale);
      const box = range.getBoundingClientRect();
      const frame = root.getBoundingClientRect();
      const spot = { top: Math.max(4, box.top - frame.top - 44), left: Math.min(Math.max(4, box.left - frame.left + box.width / 2 - 90), frame.width - 190) };
      setPending({ ...located, page, rects, spot });
    });
  }, [rootRef, text, blocks, scale]);

  const highlight = useCallback(
    (color: HighlightColor) => {
      if (!pending) return;
      onCreate(pending.start, pending.end, color, pending.page, pending.rects);
      window.getSelection()?.removeAllRanges();
      setPending(null);
    },
    [pending, onCreate],
  );

  useColorKeys(pending !== null, highlight);

  useEffect(() => {
    if (!pending) return;
    // A selection made elsewhere (another pane) retires this view's toolbar.
    const onSelectionChange = () => {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || !rootRef.current?.contains(selection.anchorNode)) setPending(null);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [pending, rootRef]);

  return { pending, onMouseUp, highlight };
}

function pageOf(node: Node, root: HTMLElement): HTMLElement | null {
  const element = node instanceof Element ? node : node.parentElement;
  const page = element?.closest<HTMLElement>('.pdf-page');
  return page && root.contains(page) && page.querySelector('.textLayer')?.contains(node) ? page : null;
}
