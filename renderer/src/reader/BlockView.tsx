import type { Block } from '../../../app/documents/model';
import { renderInline } from './inline';

/** One block of a document, as the element a reader expects for its kind. */
export function BlockView({ block, text, index, ordinal }: { block: Block; text: string; index: number; ordinal?: number }) {
  const content = renderInline(text, block.start, block.end, block.marks);
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
          <span className="doc-list-marker" aria-hidden="true">
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
}
