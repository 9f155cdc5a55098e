import { useEffect, useRef } from 'react';
import { useDocumentContent, useDocumentSummary } from '../store/hooks';
import { BlockView } from './BlockView';
import { listOrdinals } from './list-ordinals';

/** Reads one document: its title, byline and blocks, in a comfortable measure. */
export function ReaderView({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const summary = useDocumentSummary(documentId);
  const content = useDocumentContent(documentId);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    scroller.current?.focus();
  }, [documentId]);

  if (summary === undefined || content === undefined) {
    return <main className="reader reader-loading" aria-busy="true" aria-label="Reader" />;
  }
  if (summary === null || content === null) {
    return (
      <main className="reader" aria-label="Reader">
        <p className="reader-missing">This document is no longer in your library.</p>
      </main>
    );
  }

  const ordinals = listOrdinals(content.blocks);
  const byline = [summary.authorsLabel, summary.year].filter(Boolean).join(', ');
  // The header already shows the title; the document's own title heading would repeat it.
  const titleBlock = content.blocks.findIndex(
    (block) => block.kind === 'heading' && content.text.slice(block.start, block.end).trim() === summary.title,
  );
  return (
    <main className="reader" aria-label="Reader">
      <div className="reader-toolbar">
        <button type="button" className="button button-quiet" onClick={onClose} title="Back to the library (Esc)">
          ← Library
        </button>
        <span className="reader-toolbar-title">{summary.title}</span>
      </div>
      <div className="reader-scroll" ref={scroller} tabIndex={-1}>
        <article className="reader-article" lang={summary.metadata.language ?? undefined}>
          <header className="reader-header">
            <h1 className="reader-title">
              {summary.title}
              {summary.provenance?.titleIsFallback ? (
                <span className="doc-flag" title="The document states no title; this is its file name.">
                  file name
                </span>
              ) : null}
            </h1>
            {byline ? <p className="reader-byline">{byline}</p> : null}
          </header>
          {content.blocks.map((block, index) =>
            index === titleBlock ? null : (
              <BlockView key={`${block.start}-${index}`} block={block} text={content.text} index={index} ordinal={ordinals[index]} />
            ),
          )}
        </article>
      </div>
    </main>
  );
}
