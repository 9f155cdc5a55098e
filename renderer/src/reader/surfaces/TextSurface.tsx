import { useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { blockIndexAt } from '../../../../app/documents/locator';
import { centerOffset, topOffset } from '../offset-point';
import { useOverlays } from '../use-overlays';
import { VirtualDocument, type VirtualDocumentHandle } from '../VirtualDocument';
import type { ReadingSurfaceProps, ScrollHow } from './surface';
import { textSelectionOf, visibleTextRange } from './text-selection';

/** How long a jump takes to land before the entry it went to is pointed at. */
const FLASH_DELAY_MS = 120;

/**
 * The reflowed text of any document, virtualized (VirtualDocument): highlights, citations and find
 * matches drawn in the blocks; a selection read back to offsets from the blocks' `data-start`.
 */
export function TextSurface(props: ReadingSurfaceProps) {
  const { summary, text, blocks, placed, citations, selectedId, find, initialScroll, onScroll, onSelectHighlight, onSelection, toolbar, ref } = props;
  const view = useRef<VirtualDocumentHandle>(null);
  // A selection has been reported and not yet withdrawn.
  const [selected, setSelected] = useState(false);
  // Highlights that change while the student holds a selection (one arriving from another machine
  // through sync) would redraw the blocks under it and drop it with its toolbar: they are drawn
  // once the selection is done.
  const [held, setHeld] = useState(placed);
  useEffect(() => {
    if (!selected) setHeld(placed);
  }, [selected, placed]);
  const overlays = useOverlays(blocks, selected ? held : placed, selectedId, find.matches, find.current, citations);

  const scrollToOffset = useCallback(
    (offset: number, how: ScrollHow) => {
      const scroller = view.current?.element();
      if (how === 'line' || how === 'top-line') {
        if (scroller) (how === 'line' ? centerOffset : topOffset)(scroller, offset);
        return;
      }
      const index = blockIndexAt(blocks, offset);
      if (index >= 0) view.current?.scrollToBlock(index, how);
    },
    [blocks],
  );

  useImperativeHandle(
    ref,
    () => ({
      scrollToOffset,
      revealOffset: (offset) => {
        scrollToOffset(offset, 'center');
        // Point the eye at the entry once the view has scrolled there.
        window.setTimeout(() => {
          const index = blockIndexAt(blocks, offset);
          const element = view.current?.element()?.querySelector<HTMLElement>(`[data-block="${index}"]`);
          element?.classList.remove('flash-block');
          void element?.offsetWidth;
          element?.classList.add('flash-block');
        }, FLASH_DELAY_MS);
      },
      visibleRange: () => {
        const scroller = view.current?.element();
        return scroller ? visibleTextRange(scroller, blocks) : null;
      },
      clearSelection: () => window.getSelection()?.removeAllRanges(),
    }),
    [scrollToOffset, blocks],
  );

  const report = useCallback(
    (found: ReturnType<typeof textSelectionOf>) => {
      setSelected(found !== null);
      onSelection(found);
    },
    [onSelection],
  );

  const onMouseUp = () => {
    // Let the browser settle the selection first.
    requestAnimationFrame(() => {
      const scroller = view.current?.element();
      const article = scroller?.querySelector<HTMLElement>('.pane-article');
      // The toolbar is drawn beside the scroller, so it is placed from their positioned parent.
      const frame = scroller?.offsetParent ?? scroller?.parentElement;
      if (!article || !frame) return;
      report(textSelectionOf(window.getSelection(), article, frame));
    });
  };

  // A selection made elsewhere (another pane) retires this one's toolbar.
  useEffect(() => {
    if (!selected) return;
    const onSelectionChange = () => {
      const article = view.current?.element()?.querySelector('.pane-article');
      const selection = window.getSelection();
      if (!article || !selection || selection.isCollapsed || !article.contains(selection.anchorNode)) report(null);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [selected, report]);

  const onClick = (event: React.MouseEvent) => {
    const mark = (event.target as Element).closest('mark[data-annotation-id]');
    const id = mark?.getAttribute('data-annotation-id');
    if (id && window.getSelection()?.isCollapsed !== false) onSelectHighlight(id);
  };

  return (
    <>
      <VirtualDocument
        ref={view}
        title={summary.title}
        titleIsFallback={summary.provenance?.titleIsFallback ?? false}
        byline={[summary.authorsLabel, summary.year].filter(Boolean).join(', ')}
        language={summary.metadata.language}
        text={text}
        blocks={blocks}
        overlays={overlays}
        initialScroll={initialScroll}
        onScroll={onScroll}
        onMouseUp={onMouseUp}
        onClick={onClick}
      />
      {toolbar}
    </>
  );
}
