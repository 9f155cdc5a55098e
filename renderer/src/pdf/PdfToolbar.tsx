import { useEffect, useMemo, useRef, useState } from 'react';
import { MAX_PAGE_LABEL_LENGTH, pageOfLabel, printedPage } from '../../../app/documents/page-labels';
import { isShortcut } from '../shell/keymap';
import { OverflowMenu } from '../shell/OverflowMenu';
import { useNarrow } from '../shell/use-narrow';

/** Below this width the zoom controls go into the toolbar's overflow menu. */
const COMPACT_WIDTH = 400;

/** Props of the page view's toolbar. */
export interface PdfToolbarProps {
  /** The page in view, from 1. */
  current: number;
  pageCount: number;
  /** The printed page labels, one per page: shown in place of the number, and accepted when typed. */
  labels?: readonly string[] | null;
  onGoToPage: (page: number) => void;
  /** Zoom as a percentage of actual size. */
  percent: number;
  fitWidth: boolean;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFitWidth: () => void;
}

/**
 * Page navigation (previous, next, a page to type, "of N") and zoom (−, +, fit width). A PDF
 * with printed page labels shows the label ("ii", then "(3 of 179)") and takes a typed label
 * ("xii") or, where no label matches, a page number.
 */
export function PdfToolbar({ current, pageCount, labels: given, onGoToPage, percent, fitWidth, onZoomIn, onZoomOut, onFitWidth }: PdfToolbarProps) {
  const labels = given && given.length === pageCount ? given : null;
  const shown = printedPage(labels, current);
  const [draft, setDraft] = useState(shown);
  const [editing, setEditing] = useState(false);
  const bar = useRef<HTMLDivElement>(null);
  const compact = useNarrow(bar, COMPACT_WIDTH);
  const width = useMemo(() => Math.min(8, Math.max(1, String(pageCount).length, ...(labels ?? []).map((label) => label.length))), [labels, pageCount]);
  useEffect(() => {
    if (!editing) setDraft(shown);
  }, [shown, editing]);

  const commit = () => {
    const page = labels ? pageOfLabel(labels, draft, pageCount) : null;
    const number = Number.parseInt(draft, 10);
    if (page !== null) {
      onGoToPage(page);
      // "II" or "2" typed, the label as printed shown.
      setDraft(printedPage(labels, page));
    }
    else if (/^\s*\d+\s*$/.test(draft) && Number.isFinite(number)) onGoToPage(Math.min(pageCount, Math.max(1, number)));
    else setDraft(shown);
  };

  return (
    <div className="pdf-toolbar" role="toolbar" aria-label="Page view controls" ref={bar}>
      <button type="button" className="icon-button" onClick={() => onGoToPage(current - 1)} disabled={current <= 1} title="Previous page" aria-label="Previous page">
        ‹
      </button>
      <span className="pdf-page-counter">
        <input
          className="pdf-page-input"
          aria-label="Page number"
          inputMode={labels ? 'text' : 'numeric'}
          title={labels ? 'The page as printed: type a label such as ii or 12' : undefined}
          value={draft}
          size={width}
          onFocus={(event) => {
            setEditing(true);
            event.currentTarget.select();
          }}
          onBlur={() => {
            setEditing(false);
            commit();
          }}
          onChange={(event) => setDraft(labels ? event.target.value.replace(/\p{Cc}/gu, '').slice(0, MAX_PAGE_LABEL_LENGTH) : event.target.value.replace(/\D/g, ''))}
          onKeyDown={(event) => {
            if (isShortcut('pdf-go-to-page', event)) {
              commit();
              event.currentTarget.select();
            } else if (isShortcut('pdf-page-cancel', event)) {
              setDraft(shown);
              event.currentTarget.blur();
            }
          }}
        />
        <span className="pdf-page-count">{labels ? `(${current} of ${pageCount})` : `of ${pageCount}`}</span>
      </span>
      <button
        type="button"
        className="icon-button"
        onClick={() => onGoToPage(current + 1)}
        disabled={current >= pageCount}
        title="Next page"
        aria-label="Next page"
      >
        ›
      </button>
      <span className="pdf-toolbar-gap" />
      {compact ? (
        <OverflowMenu
          label={`Zoom ${percent}%`}
          items={[
            { label: 'Zoom out', onSelect: onZoomOut },
            { label: 'Zoom in', onSelect: onZoomIn },
            { label: 'Fit width', checked: fitWidth, onSelect: onFitWidth },
          ]}
        />
      ) : (
        <>
          <button type="button" className="icon-button" onClick={onZoomOut} title="Zoom out (Ctrl+−)" aria-label="Zoom out">
            −
          </button>
          <span className="pdf-zoom-value" aria-live="polite" aria-label={`Zoom ${percent}%`}>
            {percent}%
          </span>
          <button type="button" className="icon-button" onClick={onZoomIn} title="Zoom in (Ctrl+=)" aria-label="Zoom in">
            +
          </button>
          <button type="button" className={`pdf-fit-button${fitWidth ? ' on' : ''}`} onClick={onFitWidth} aria-pressed={fitWidth} title="Fit the page to the width (Ctrl+0)">
            Fit width
          </button>
        </>
      )}
    </div>
  );
}
