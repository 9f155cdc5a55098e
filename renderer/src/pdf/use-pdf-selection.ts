import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { PageRect } from '../../../app/anchoring/selectors';
import type { ToolbarSpot } from '../highlights/SelectionToolbar';
import type { PageOffsets } from './page-offsets';
import { drawnLayer, itemPoint, rangeRects, scaleRects } from './text-layer-dom';

/** A selection on the page view waiting for a colour. */
export interface PendingSelection {
  start: number;
  end: number;
  page: number;
  rects: PageRect[];
  spot: ToolbarSpot;
}

/**
 * Text selected in the page view's text layers, mapped to the canonical text through the page
 * map (the selection's ends as item characters), with where the colour toolbar goes. The pane
 * shows the toolbar and takes the colour keys for it, as for every reading surface.
 */
export function usePdfSelection(rootRef: RefObject<HTMLDivElement | null>, offsets: PageOffsets | null, scale: number) {
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
      const startLayer = startPage?.querySelector('.textLayer');
      const endLayer = endPage?.querySelector('.textLayer');
      const first = startLayer && drawnLayer(startLayer);
      const last = endLayer && drawnLayer(endLayer);
      if (!offsets || !startPage || !first || !last) return setPending(null);
      const page = first.page;
      const located = offsets.selectionOffsets(itemPoint(first, range.startContainer, range.startOffset), itemPoint(last, range.endContainer, range.endOffset));
      if (!located) return setPending(null);
      const rects = scaleRects(rangeRects(range, startPage), 1 / scale);
      const box = range.getBoundingClientRect();
      const frame = root.getBoundingClientRect();
      const spot = { top: Math.max(4, box.top - frame.top - 44), left: Math.min(Math.max(4, box.left - frame.left + box.width / 2 - 90), frame.width - 190) };
      setPending({ ...located, page, rects, spot });
    });
  }, [rootRef, offsets, scale]);

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

  return { pending, onMouseUp };
}

function pageOf(node: Node, root: HTMLElement): HTMLElement | null {
  const element = node instanceof Element ? node : node.parentElement;
  const page = element?.closest<HTMLElement>('.pdf-page');
  return page && root.contains(page) && page.querySelector('.textLayer')?.contains(node) ? page : null;
}
