import type { KeyboardEvent, MouseEvent } from 'react';
import type { DiffPart, QuoteCheck } from '../../../app/check/report';
import { citationStatus, locatorText, problemText, rowLabel, verdictLabel } from './report-text';

/** Props of one quotation's row. */
export interface QuoteRowProps {
  check: QuoteCheck;
  index: number;
  onOpen: (docId: string, offset: number) => void;
  onCopy: (citation: string) => void;
}

const VERDICT_MARK = { verbatim: '✓', differs: '≠', 'not-found': '?' } as const;

/** Moves focus to the row `step` rows away (or the first / last), as arrow keys, Home and End do in a list. */
function focusRow(from: HTMLElement, to: 'next' | 'previous' | 'first' | 'last'): void {
  const rows = Array.from(from.closest('.check-rows')?.querySelectorAll<HTMLElement>(':scope > .check-row') ?? []);
  const at = rows.indexOf(from);
  const target = to === 'first' ? rows[0] : to === 'last' ? rows.at(-1) : rows[at + (to === 'next' ? 1 : -1)];
  target?.focus();
}

/** Adds a space between diff runs where neither side carries one. */
function spaced(parts: readonly DiffPart[]): { part: DiffPart; space: boolean }[] {
  return parts.map((part, i) => {
    const previous = parts[i - 1];
    return { part, space: previous !== undefined && !/\s$/u.test(previous.text) && !/^[\s,.;:!?)\]}’”]/u.test(part.text) };
  });
}

/** The draft's words against the source's: the source's struck through, the draft's own marked. */
export function WordDiff({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <p className="check-diff">
      {spaced(parts).map(({ part, space }, i) => (
        <span key={i}>
          {space ? ' ' : null}
          {part.kind === 'same' ? (
            part.text
          ) : part.kind === 'removed' ? (
            <del>
              <span className="visually-hidden">[the source has: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </del>
          ) : (
            <ins>
              <span className="visually-hidden">[the draft has: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </ins>
          )}
        </span>
      ))}
    </p>
  );
}

/** One quotation: verdict, words (or their diff), source and locator, the citation and what is wrong with it. */
export function QuoteRow({ check, index, onOpen, onCopy }: QuoteRowProps) {
  const source = check.source;
  const open = source ? () => onOpen(source.docId, source.start) : undefined;
  const where = locatorText(source?.locator);
  const problems = check.citation?.problems ?? [];

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    const to = { ArrowDown: 'next', ArrowUp: 'previous', Home: 'first', End: 'last' } as const;
    if (event.key in to) {
      event.preventDefault();
      focusRow(event.currentTarget, to[event.key as keyof typeof to]);
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      open();
    }
  };
  const onClick = (event: MouseEvent<HTMLLIElement>) => {
    // A click on a button, or one that ends a text selection, is not a request to open.
    if (!open || (event.target as Element).closest('button') || String(getSelection() ?? '') !== '') return;
    open();
  };

  return (
    <li className={`check-row verdict-${check.verdict}${open ? ' openable' : ''}`} tabIndex={0} aria-label={rowLabel(check, index)} onKeyDown={onKeyDown} onClick={onClick}>
      <div className="check-row-head">
        <span className={`verdict-badge verdict-badge-${check.verdict}`}>
          <span aria-hidden="true">{VERDICT_MARK[check.verdict]}</span> {verdictLabel(check.verdict)}
        </span>
        {source ? (
          <span className="check-source">
            <button type="button" className="link-button check-open" onClick={open} title="Open the source at the passage">
              {source.title}
            </button>
            {where ? <span className="check-locator">{where}</span> : null}
          </span>
        ) : (
          <span className="check-source muted">Not in your library</span>
        )}
      </div>
      {check.verdict === 'differs' && check.diff ? <WordDiff parts={check.diff} /> : <blockquote className="check-quote">“{check.quote.text}”</blockquote>}
      {check.citation ? (
        <dl className="check-citation">
          <div>
            <dt>Cite as</dt>
            <dd>
              <span className="check-expected">{check.citation.expected}</span>
              <button type="button" className="button button-small button-quiet" aria-label={`Copy ${check.citation.expected}`} onClick={() => onCopy(check.citation!.expected)}>
                Copy
              </button>
            </dd>
          </div>
          <div>
            <dt>Your draft</dt>
            <dd className={check.citation.found ? 'check-found' : 'check-found muted'}>{check.citation.found?.text ?? 'no citation'}</dd>
          </div>
        </dl>
      ) : null}
      {problems.length ? (
        <ul className="check-problems">
          {problems.map((problem) => (
            <li key={problem}>{problemText(problem, check)}</li>
          ))}
        </ul>
      ) : (
        <p className={`check-status${check.verdict === 'not-found' ? ' muted' : ' check-ok'}`}>{citationStatus(check)}</p>
      )}
    </li>
  );
}
