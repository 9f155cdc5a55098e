import { forwardRef } from 'react';
import type { CheckReport } from '../../../app/check/report';
import { QuoteRow } from './QuoteRow';
import { count, summaryParts } from './report-text';

/** Props of the report. */
export interface CheckReportViewProps {
  report: CheckReport;
  onOpen: (docId: string, offset: number) => void;
  onCopy: (citation: string) => void;
  /** Checks the same draft again, against the library as it is now. */
  onCheckAgain: () => void;
  /** True while a check runs. */
  busy: boolean;
}

/** The draft's reference list against its in-text citations. */
function ReferenceSection({ references }: { references: CheckReport['references'] }) {
  if (!references.hasList) {
    return (
      <p className="check-note">
        The draft has no reference list (Works Cited, References or Bibliography), so its citations were not checked against one.
        {references.citedNotListed.length ? ` It cites ${count(references.citedNotListed.length, 'work')}.` : ''}
      </p>
    );
  }
  if (references.citedNotListed.length === 0 && references.listedNotCited.length === 0) {
    return <p className="check-note check-ok">Every in-text citation has an entry in the reference list, and every entry is cited.</p>;
  }
  return (
    <div className="check-references">
      {references.citedNotListed.length ? (
        <section aria-labelledby="check-cited-not-listed">
          <h3 id="check-cited-not-listed">Cited but not listed ({references.citedNotListed.length})</h3>
          <p className="muted">These in-text citations have no entry in the draft’s reference list.</p>
          <ul className="check-reference-list">
            {references.citedNotListed.map((citation) => (
              <li key={`${citation.start}-${citation.end}`}>{citation.text}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {references.listedNotCited.length ? (
        <section aria-labelledby="check-listed-not-cited">
          <h3 id="check-listed-not-cited">Listed but never cited ({references.listedNotCited.length})</h3>
          <p className="muted">No in-text citation points to these entries of the reference list.</p>
          <ul className="check-reference-list">
            {references.listedNotCited.map((entry) => (
              <li key={entry.index}>{entry.raw}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** The summary, a row per quotation, then the reference list. The summary takes focus when a report arrives. */
export const CheckReportView = forwardRef<HTMLHeadingElement, CheckReportViewProps>(function CheckReportView({ report, onOpen, onCopy, onCheckAgain, busy }, summaryRef) {
  const parts = summaryParts(report.summary);
  const differs = report.quotes.some((check) => check.verdict === 'differs');
  return (
    <div className="check-report">
      <h2 className="check-summary" ref={summaryRef} tabIndex={-1}>
        {parts.map((part, i) => (
          <span key={i} className="check-summary-part">
            {part}
            {i < parts.length - 1 ? '; ' : ''}
          </span>
        ))}
      </h2>
      <p className="check-meta">
        Checked against {count(report.sources, 'source')} in your library.{' '}
        <button type="button" className="button button-small" onClick={onCheckAgain} disabled={busy}>
          Check again
        </button>
      </p>
      {report.sources === 0 ? <p className="check-note">Your library has no sources yet: import the works you quote, then check the draft again.</p> : null}
      <h3 className="check-heading">Quotations</h3>
      {report.quotes.length === 0 ? (
        <p className="check-note">No quotations were found in this draft. Lectern looks for words in quotation marks (straight or curly) and for block quotes.</p>
      ) : (
        <>
          <p className="muted check-hint">
            {differs ? (
              <>
                In a diff, <del>struck-through words</del> are the source’s and <ins>marked words</ins> are your draft’s.{' '}
              </>
            ) : null}
            Arrow keys move between quotations; Enter opens a found one in its source.
          </p>
          <ol className="check-rows">
            {report.quotes.map((check, i) => (
              <QuoteRow key={`${check.quote.start}-${check.quote.end}`} check={check} index={i} onOpen={onOpen} onCopy={onCopy} />
            ))}
          </ol>
        </>
      )}
      <h3 className="check-heading">Reference list</h3>
      <ReferenceSection references={report.references} />
    </div>
  );
});
