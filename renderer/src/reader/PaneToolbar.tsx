import { useRef } from 'react';
import { OverflowMenu } from '../shell/OverflowMenu';
import { useNarrow } from '../shell/use-narrow';

/** Below this width the toolbar's text buttons (Page view, Details) go into its overflow menu. */
const COMPACT_WIDTH = 460;

/** Props of a document pane's toolbar. */
export interface PaneToolbarProps {
  title: string;
  /** PDFs and EPUB books offer a page view beside the reflowed text. */
  hasPages: boolean;
  pageView: boolean;
  onTogglePageView: () => void;
  onEditDetails: () => void;
  onFind: () => void;
  /** Which sidebar is showing, if any. */
  sidebar: 'highlights' | 'works-cited' | null;
  onToggleSidebar: (mode: 'highlights' | 'works-cited') => void;
  referenceCount: number;
  highlightCount: number;
  onClose: () => void;
}

/** The title and the pane's commands: page view, details, find, Works Cited, highlights, close. */
export function PaneToolbar(props: PaneToolbarProps) {
  const { title, hasPages, pageView, sidebar } = props;
  const bar = useRef<HTMLDivElement>(null);
  const compact = useNarrow(bar, COMPACT_WIDTH);
  const sidebarButton = (mode: 'highlights' | 'works-cited', label: string, glyph: string, count: number) => (
    <button
      type="button"
      className={`icon-button${sidebar === mode ? ' on' : ''}`}
      onClick={() => props.onToggleSidebar(mode)}
      title={label}
      // The name holds the visible count too, so a voice user can say what they see.
      aria-label={`${label} ${count}`}
      aria-pressed={sidebar === mode}
    >
      <span aria-hidden="true">{glyph}</span> <span className="count-badge">{count}</span>
    </button>
  );
  return (
    <div className="pane-toolbar" ref={bar}>
      <span className="pane-title" title={title}>
        {title}
      </span>
      {compact ? (
        <OverflowMenu
          label="More pane commands"
          items={[
            ...(hasPages ? [{ label: 'Page view', checked: pageView, onSelect: props.onTogglePageView }] : []),
            { label: 'Details…', onSelect: props.onEditDetails },
          ]}
        />
      ) : null}
      {hasPages && !compact ? (
        <button type="button" className="icon-button" aria-pressed={pageView} onClick={props.onTogglePageView} title="Switch between the pages and the reflowed text">
          {pageView ? 'Text view' : 'Page view'}
        </button>
      ) : null}
      {compact ? null : (
        <button type="button" className="icon-button" onClick={props.onEditDetails} title="Edit the document’s details (title, authors, date…)">
          Details
        </button>
      )}
      <button type="button" className="icon-button" onClick={props.onFind} title="Find in document (Ctrl+F)" aria-label="Find in document">
        ⌕
      </button>
      {sidebarButton('works-cited', 'Works Cited', '❞', props.referenceCount)}
      {sidebarButton('highlights', 'Show highlights', '☰', props.highlightCount)}
      <button type="button" className="icon-button" onClick={props.onClose} title="Close pane" aria-label="Close pane">
        ×
      </button>
    </div>
  );
}
