import { memo } from 'react';
import type { Block } from '../../../app/documents/model';
import { renderInline, type RenderMark } from './inline';

/** Props of one rendered block. */
export interface BlockViewProps {
  block: Block;
  text: string;
  index: number;
  /** Number shown by an ordered list item. */
  ordinal?: number;
  /** Highlights and find hits over this block (any that overlap it). */
  overlays?: readonly RenderMark[];
}

/** One block of a document, as the element a reader expects for its kind. */
export const BlockView = memo(function BlockView({ block, text, index, ordinal, overlays }: BlockViewProps) {
  const marks = overlays?.length ? [...(block.marks ?? []), ...overlays] : block.marks;
  const content = renderInline(text, block.start, block.end, marks);
  const common = { 'data-block': index, 'data-start': block.start };
  switch (block.kind) {
    case 'heading': {
      // The document title is the page's h1, so document headings start one level down.
      const level = Math.min(6, Math.max(2, (block.level ?? 1) + 1));
      const Tag = `h${level}` as 'h2';
      return (
        <Tag className="doc-heading" {...common}>
          {content}
        </Tag>
      );
    }
    case 'quote':
      return (
        <blockquote className="doc-quote" {...common}>
          {content}
        </blockquote>
      );
    case 'list-item':
      return (
        <div
          className={`doc-list-item${block.ordered ? ' ordered' : ''}`}
          role="listitem"
          style={{ marginInlineStart: `${1.5 * (block.level ?? 0) + 1.25}rem` }}
          {...common}
        >
          <span className="doc-list-marker" aria-hidden="true" data-nontext="">
            {ordinal !== undefined ? `${ordinal}.` : '•'}
          </span>
          {content}
        </div>
      );
    case 'code':
      return (
        <pre className="doc-code" {...common}>
          {content}
        </pre>
      );
    case 'rule':
      return <hr className="doc-rule" {...common} />;
    default:
      return (
        <p className="doc-paragraph" {...common}>
          {content}
        </p>
      );
  }
});
