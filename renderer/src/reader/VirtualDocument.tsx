import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { flushSync } from 'react-dom';
import type { Block } from '../../../app/documents/model';
import type { ScrollSpot } from '../workspace/workspace-state';
import { BlockView } from './BlockView';
import { listOrdinals } from './list-ordinals';
import { offsetInto, placeIn, widthChanged, type ReadingPlace } from './reading-place';
import type { BlockOverlays } from './use-overlays';

/** Props of the virtualized reading view. */
export interface VirtualDocumentProps {
  title: string;
  titleIsFallback: boolean;
  byline: string;
  language?: string;
  text: string;
  blocks: readonly Block[];
  overlays: BlockOverlays;
  initialScroll?: ScrollSpot;
  onScroll: (spot: ScrollSpot) => void;
  onMouseUp: () => void;
  onClick: (event: React.MouseEvent) => void;
}

/** What the pane can ask of the view. */
export interface VirtualDocumentHandle {
  scrollToBlock: (index: number, align: 'start' | 'center') => void;
  /** The scrolling element, with the rendered blocks inside it. */
  element: () => HTMLElement | null;
}

/** Blocks kept rendered beyond the viewport, so a selection can reach a little past the edge. */
const OVERSCAN = 8;

/** The place the view keeps when the text column changes width. */
interface HeldPlace extends ReadingPlace {
  align: 'start' | 'center';
  /**
   * Set by a jump (find, a highlight or citation revealed, the place restored on open) until the
   * student scrolls the view herself: the jump's target is kept, not whatever row passes the top
   * edge while the virtualizer is still landing on it.
   */
  jump: boolean;
}

/**
 * The reading view. Only the blocks near the viewport are in the DOM (item 0 is the header,
 * block i is item i + 1), so a book of half a million words scrolls like a short article.
 */
export const VirtualDocument = forwardRef<VirtualDocumentHandle, VirtualDocumentProps>(function VirtualDocument(props, ref) {
  const { title, titleIsFallback, byline, language, text, blocks, overlays, initialScroll, onScroll, onMouseUp, onClick } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const column = useRef<HTMLDivElement>(null);
  const ordinals = useMemo(() => listOrdinals(blocks), [blocks]);
  // The header already shows the title; the document's own title heading would repeat it.
  const titleBlock = useMemo(
    () => blocks.findIndex((block) => block.kind === 'heading' && text.slice(block.start, block.end).trim() === title),
    [blocks, text, title],
  );

  const virtualizer = useVirtualizer({
    count: blocks.length + 1,
    getScrollElement: () => scroller.current,
    // About 95 characters a line at 28px per line: a first guess, corrected as blocks are measured.
    estimateSize: (index) => (index === 0 ? 140 : Math.max(32, Math.ceil((blocks[index - 1]!.end - blocks[index - 1]!.start) / 62) * 30 + 18)),
    overscan: OVERSCAN,
  });

  // Where the student is reading, noted on every scroll. Paragraphs reflow when the column's width
  // changes, and the heights measured at the old width (kept for the rows out of view) would move
  // the text under her: the view puts this place back at the top instead.
  const held = useRef<HeldPlace | null>(null);
  // Bumped by every re-placing, and by the student taking over, which abandons one under way.
  const placing = useRef(0);
  // A re-placing is under way: its own scroll events are not the student's.
  const settling = useRef(false);
  // The primary button is down in the view (drag-selecting, or dragging the scrollbar).
  const selecting = useRef(false);

  // Read from the rows on screen, not the virtualizer's layout: that can lag a reflow by a frame.
  const notePlace = () => {
    const element = scroller.current;
    if (!element || !column.current) return;
    const top = element.getBoundingClientRect().top;
    for (const row of column.current.querySelectorAll<HTMLElement>(':scope > [data-index]')) {
      const box = row.getBoundingClientRect();
      if (box.bottom <= top) continue;
      const at = { index: Number(row.dataset.index), start: element.scrollTop + box.top - top, size: Math.round(box.height) };
      held.current = { ...placeIn(at, element.scrollTop), align: 'start', jump: false };
      return;
    }
  };

  // The student scrolls, clicks or types in the view: her place counts from here.
  const takeOver = () => {
    placing.current++;
    settling.current = false;
    notePlace();
  };

  useImperativeHandle(ref, () => ({
    scrollToBlock: (index, align) => {
      placing.current++;
      settling.current = false;
      held.current = { index: index + 1, offset: 0, size: 0, align, jump: true };
      virtualizer.scrollToIndex(index + 1, { align });
    },
    element: () => scroller.current,
  }), [virtualizer]);

  useEffect(() => {
    const release = () => {
      selecting.current = false;
    };
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
    return () => {
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
    };
  }, []);

  // Follow the width of the text column (not the pane's: past the column's greatest width the text
  // does not reflow). On a change, every stored height is dropped, the rows on screen are measured
  // at the new width and the held place goes back to the top of the view, in the same frame; two
  // frames later, once rows that came into view have been measured, it is put right again (as the
  // restore below does).
  useEffect(() => {
    const element = scroller.current;
    const rows = column.current;
    if (!element || !rows) return;
    let width = rows.getBoundingClientRect().width;
    const heightOf = (index: number) => {
      const row = rows.querySelector(`:scope > [data-index="${index}"]`);
      return row ? Math.round(row.getBoundingClientRect().height) : 0;
    };
    const put = (place: HeldPlace, remeasure: boolean) => {
      const index = Math.min(place.index, virtualizer.options.count - 1);
      const target = () => {
        if (place.align === 'center') return virtualizer.getOffsetForIndex(index, 'center')?.[0];
        const start = virtualizer.getOffsetForIndex(index, 'start')?.[0];
        return start === undefined ? undefined : start + offsetInto(place, heightOf(index));
      };
      // Flushing the render also commits updates already waiting for one (the highlights sidebar
      // opening as the pane crosses its width threshold), which can reflow the column again:
      // measure again until its width holds.
      for (let pass = 0; remeasure && pass < 3; pass++) {
        flushSync(() => {
          virtualizer.measure();
          // Lay the rows out again from the estimates now: a row is only stored when its size
          // differs from the one laid out, which must not be the size measured at the old width.
          virtualizer.getTotalSize();
          // The view is placed below, so measuring a row must not scroll it meanwhile.
          const adjust = virtualizer.shouldAdjustScrollPositionOnItemSizeChange;
          virtualizer.shouldAdjustScrollPositionOnItemSizeChange = () => false;
          try {
            for (const row of rows.querySelectorAll<HTMLElement>(':scope > [data-index]')) {
              virtualizer.resizeItem(Number(row.dataset.index), Math.round(row.getBoundingClientRect().height));
            }
          } finally {
            virtualizer.shouldAdjustScrollPositionOnItemSizeChange = adjust;
          }
          // Render the rows of the new position now, not after the scroll event, so no frame shows
          // the rows of the old one.
          const offset = target();
          if (offset !== undefined) virtualizer.scrollOffset = offset;
        });
        const now = rows.getBoundingClientRect().width;
        if (!widthChanged(width, now)) break;
        width = now;
      }
      const offset = target();
      if (offset === undefined) return;
      if (place.align === 'center') virtualizer.scrollToIndex(index, { align: 'center' });
      else if (remeasure || Math.abs(element.scrollTop - offset) > 1) virtualizer.scrollToOffset(offset);
    };
    const observer = new ResizeObserver(() => {
      const next = rows.getBoundingClientRect().width;
      if (!widthChanged(width, next)) return;
      width = next;
      // Never move the text under a student selecting it.
      if (selecting.current) return;
      if (!held.current) notePlace();
      const place = held.current;
      if (!place) return;
      const run = ++placing.current;
      settling.current = true;
      put(place, true);
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (run !== placing.current) return;
          put(place, false);
          settling.current = false;
        }),
      );
    });
    observer.observe(rows);
    return () => observer.disconnect();
  }, [virtualizer]);

  // Restore where the student left off, once, on open. (Not later: the place saved as she scrolls
  // a document opened without one comes back as `initialScroll` and is not a place to go back to.)
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || blocks.length === 0) return;
    restored.current = true;
    if (!initialScroll) return;
    held.current = { index: Math.min(initialScroll.block, blocks.length), offset: initialScroll.offset, size: 0, align: 'start', jump: true };
    virtualizer.scrollToIndex(Math.min(initialScroll.block, blocks.length), { align: 'start' });
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        virtualizer.scrollToIndex(Math.min(initialScroll.block, blocks.length), { align: 'start' });
        if (scroller.current) scroller.current.scrollTop += initialScroll.offset;
      }),
    );
  }, [initialScroll, blocks.length, virtualizer]);

  const saveTimer = useRef<number | undefined>(undefined);
  const reportScroll = () => {
    window.clearTimeout(saveTimer.current);
    saveTimer.current = window.setTimeout(() => {
      const top = scroller.current?.scrollTop ?? 0;
      const item = virtualizer.getVirtualItems().find((candidate) => candidate.end > top);
      if (item) onScroll({ block: item.index, offset: Math.round(top - item.start) });
    }, 250);
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div
      className="pane-scroll"
      ref={scroller}
      onScroll={() => {
        if (!held.current?.jump && !settling.current) notePlace();
        reportScroll();
      }}
      onWheel={takeOver}
      onTouchStart={takeOver}
      onKeyDown={takeOver}
      onPointerDown={(event) => {
        if (event.button === 0) selecting.current = true;
        takeOver();
      }}
      tabIndex={-1}
    >
      <article className="pane-article reader-article" lang={language} onMouseUp={onMouseUp} onClick={onClick} style={{ height: virtualizer.getTotalSize() + 96 }}>
        <div className="virtual-window" ref={column} style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
          {items.map((item) => (
            <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="virtual-item">
              {item.index === 0 ? (
                <header className="reader-header">
                  <h1 className="reader-title">
                    {title}
                    {titleIsFallback ? (
                      <span className="doc-flag" title="The document states no title; this is its file name.">
                        file name
                      </span>
                    ) : null}
                  </h1>
                  {byline ? <p className="reader-byline">{byline}</p> : null}
                </header>
              ) : item.index - 1 === titleBlock ? (
                <div className="title-block-placeholder" />
              ) : (
                <BlockView block={blocks[item.index - 1]!} text={text} index={item.index - 1} ordinal={ordinals[item.index - 1]} overlays={overlays.get(item.index - 1)} />
              )}
            </div>
          ))}
        </div>
      </article>
    </div>
  );
});
