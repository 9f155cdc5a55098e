import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import type { Block } from '../../../app/documents/model';
import type { ScrollSpot } from '../workspace/workspace-state';
import { BlockView } from './BlockView';
import type { RenderMark } from './inline';
import { listOrdinals } from './list-ordinals';

/** Props of the virtualized reading view. */
export interface VirtualDocumentProps {
  title: string;
  titleIsFallback: boolean;
  byline: string;
  language?: string;
  text: string;
  blocks: readonly Block[];
  overlays: Map<number, RenderMark[]>;
  initialScroll?: ScrollSpot;
  onScroll: (spot: ScrollSpot) => void;
  onMouseUp: () => void;
  onClick: (event: React.MouseEvent) => void;
}

/** What the pane can ask of the view. */
export interface VirtualDocumentHandle {
  scrollToBlock: (index: number, align: 'start' | 'center') => void;
}

/** Blocks kept rendered beyond the viewport, so a selection can reach a little past the edge. */
const OVERSCAN = 8;

/**
 * The reading view. Only the blocks near the viewport are in the DOM (item 0 is the header,
 * block i is item i + 1), so a book of half a million words scrolls like a short article.
 */
export const VirtualDocument = forwardRef<VirtualDocumentHandle, VirtualDocumentProps>(function VirtualDocument(props, ref) {
  const { title, titleIsFallback, byline, language, text, blocks, overlays, initialScroll, onScroll, onMouseUp, onClick } = props;
  const scroller = useRef<HTMLDivElement>(null);
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

  useImperativeHandle(ref, () => ({
    scrollToBlock: (index, align) => virtualizer.scrollToIndex(index + 1, { align }),
  }), [virtualizer]);

  // Restore where the student left off, once.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !initialScroll || blocks.length === 0) return;
    restored.current = true;
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
    <div className="pane-scroll" ref={scroller} onScroll={reportScroll} tabIndex={-1}>
      <article className="pane-article reader-article" lang={language} onMouseUp={onMouseUp} onClick={onClick} style={{ height: virtualizer.getTotalSize() + 96 }}>
        <div className="virtual-window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
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
