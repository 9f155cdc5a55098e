import { useEffect, useRef, useState } from 'react';
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
  onGoToPage: (page: number) => void;
  /** Zoom as a percentage of actual size. */
  percent: number;
  fitWidth: boolean;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFitWidth: () => void;
}

/** Page navigation (previous, next, a page number to type, "of N") and zoom (−, +, fit width). */
export function PdfToolbar({ current, pageCount, onGoToPage, percent, fitWidth, onZoomIn, onZoomOut, onFitWidth }: PdfToolbarProps) {
  const [draft, setDraft] = useState(String(current));
  const [editing, setEditing] = useState(false);
  const bar = useRef<HTMLDivElement>(null);
  const compact = useNarrow(bar, COMPACT_WIDTH);
  useEffect(() => {
    if (!editing) setDraft(String(current));
  }, [current, editing]);

  const commit = () => {
    const page = Number.parseInt(draft, 10);
    if (Number.isFinite(page)) onGoToPage(Math.min(pageCount, Math.max(1, page)));
    else setDraft(String(current));
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
          inputMode="numeric"
          value={draft}
          size={Math.max(1, String(pageCount).length)}
          onFocus={(event) => {
            setEditing(true);
            event.currentTarget.select();
          }}
          onBlur={() => {
            setEditing(false);
            commit();
          }}
          onChange={(event) => setDraft(event.target.value.replace(/\D/g, ''))}
          onKeyDown={(event) => {
            if (isShortcut('pdf-go-to-page', event)) {
              commit();
              event.currentTarget.select();
            } else if (isShortcut('pdf-page-cancel', event)) {
              setDraft(String(current));
              event.currentTarget.blur();
            }
          }}
        />
        <span className="pdf-page-count">of {pageCount}</span>
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
