import { Fragment, useLayoutEffect, useRef, useState } from 'react';
import { Group, Panel, Separator, useGroupRef, type Layout, type LayoutChangedMeta } from 'react-resizable-panels';
import type { DocumentSummary } from '../../../app/store/documents-repo';
import { DOCUMENT_MIME } from '../highlights/drag';
import { NotebookPane } from '../notes/NotebookPane';
import { DocumentPane } from '../reader/DocumentPane';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { layoutForPanes, MAX_PANES, type Pane, type PaneContent, type WorkspaceAction, type WorkspaceState } from './workspace-state';

/** Props of the reading workspace. */
export interface WorkspaceProps {
  state: WorkspaceState;
  dispatch: (action: WorkspaceAction) => void;
  documents: DocumentSummary[];
  reveal: { paneId: string; annotationId: string; nonce: number } | null;
  onOpenCitation: (docId: string, annotationId: string) => void;
}

/** Two layouts of the same panes. */
function samePanes(a: Layout, b: Layout): boolean {
  const ids = Object.keys(a);
  return ids.length === Object.keys(b).length && ids.every((id) => id in b);
}

/** Two layouts of the same panes that give each the same width, to within a rounding. */
function sameSplit(a: Layout, b: Layout): boolean {
  return samePanes(a, b) && Object.keys(a).every((id) => Math.abs(a[id]! - b[id]!) < 0.5);
}

/**
 * One to four panes side by side, resizable; documents can be dragged onto any pane.
 *
 * The group stays mounted as panes come and go, so every open pane keeps what it holds in React
 * state (a selected highlight, an open find bar or citation card). Each Panel is registered by its
 * pane id; the group re-lays itself out when one is added or removed, taking the split that the
 * workspace state asks for (equal widths after adding, the closed pane's width shared out after
 * closing; see workspace-state.ts), which is also what a reload restores.
 */
export function Workspace({ state, dispatch, documents, reveal, onOpenCitation }: WorkspaceProps) {
  const groupRef = useGroupRef();
  const layout = layoutForPanes(state.layout, state.panes);
  // Read by onLayoutChanged, which the group calls from its own effects as it re-lays out after a
  // pane is added or removed: by then this render's split is the one wanted.
  const wanted = useRef(layout);
  const corrected = useRef<Layout | undefined>(undefined);
  useLayoutEffect(() => {
    wanted.current = layout;
  });

  const onLayoutChanged = (reported: Layout, meta: LayoutChangedMeta) => {
    const target = wanted.current;
    // The group remembers the last sizes it had for each set of panels and brings them back when
    // that set comes back (closing the pane just added). The workspace's split wins: apply it once
    // the group has finished re-laying out; it reports that layout in turn.
    if (!meta.isUserInteraction && target && corrected.current !== target && samePanes(reported, target) && !sameSplit(reported, target)) {
      corrected.current = target;
      queueMicrotask(() => groupRef.current?.setLayout(target));
      return;
    }
    dispatch({ type: 'layout', layout: reported });
  };

  return (
    <div className="workspace">
      <Group groupRef={groupRef} className="pane-group" orientation="horizontal" defaultLayout={layout} onLayoutChanged={onLayoutChanged}>
        {state.panes.map((pane, index) => (
          <Fragment key={pane.id}>
            {index > 0 ? <Separator className="pane-separator" /> : null}
            <Panel id={pane.id} minSize="18%" className="pane-panel">
              <PaneFrame
                pane={pane}
                active={pane.id === state.activePaneId}
                dispatch={dispatch}
                documents={documents}
                reveal={reveal?.paneId === pane.id ? reveal : undefined}
                onOpenCitation={onOpenCitation}
                canAddPane={state.panes.length < MAX_PANES}
              />
            </Panel>
          </Fragment>
        ))}
      </Group>
    </div>
  );
}

interface PaneFrameProps extends Omit<WorkspaceProps, 'state' | 'reveal'> {
  pane: Pane;
  active: boolean;
  reveal?: { annotationId: string; nonce: number };
  canAddPane: boolean;
}

function PaneFrame({ pane, active, dispatch, documents, reveal, onOpenCitation }: PaneFrameProps) {
  const [dropping, setDropping] = useState(false);
  const open = (content: PaneContent) => dispatch({ type: 'open', content, paneId: pane.id });
  const close = () => dispatch({ type: 'close-pane', paneId: pane.id });

  const onDragOver = (event: React.DragEvent) => {
    if (!event.dataTransfer.types.includes(DOCUMENT_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDropping(true);
  };
  const onDrop = (event: React.DragEvent) => {
    const docId = event.dataTransfer.getData(DOCUMENT_MIME);
    setDropping(false);
    if (!docId) return;
    event.preventDefault();
    event.stopPropagation();
    open({ kind: 'document', docId });
  };

  return (
    <section
      className={`pane${active ? ' active' : ''}${dropping ? ' dropping' : ''}`}
      aria-label={pane.content.kind === 'notebook' ? 'Notebook pane' : 'Document pane'}
      data-pane-id={pane.id}
      onFocusCapture={() => dispatch({ type: 'activate', paneId: pane.id })}
      onMouseDownCapture={() => dispatch({ type: 'activate', paneId: pane.id })}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      {/* A pane that throws shows why, with Reload and Close; the other panes go on. A new content is a new start. */}
      <ErrorBoundary key={contentKey(pane.content)} what="This pane" onClose={close}>
        {pane.content.kind === 'document' ? (
          <DocumentPane
            key={pane.content.docId}
            paneId={pane.id}
            docId={pane.content.docId}
            initialScroll={pane.reveal ? undefined : pane.scroll}
            revealOffset={pane.reveal}
            onScroll={(scroll) => dispatch({ type: 'scroll', paneId: pane.id, scroll })}
            sidebarChoice={pane.sidebar}
            onSidebarChoice={(open) => dispatch({ type: 'sidebar', paneId: pane.id, open })}
            onClose={close}
            reveal={reveal}
          />
        ) : pane.content.kind === 'notebook' ? (
          <NotebookPane key={pane.content.notebookId} notebookId={pane.content.notebookId} onClose={close} onOpenCitation={onOpenCitation} />
        ) : (
          <EmptyPane documents={documents} onOpen={(docId) => open({ kind: 'document', docId })} onClose={close} />
        )}
      </ErrorBoundary>
    </section>
  );
}

/** Names what a pane shows, so its error boundary starts afresh when it shows something else. */
function contentKey(content: PaneContent): string {
  return content.kind === 'document' ? `document:${content.docId}` : content.kind === 'notebook' ? `notebook:${content.notebookId}` : 'empty';
}

function EmptyPane({ documents, onOpen, onClose }: { documents: DocumentSummary[]; onOpen: (docId: string) => void; onClose: () => void }) {
  return (
    <div className="pane-body empty-pane">
      <div className="empty-pane-card">
        <p>Drag a document here from the sources list, or choose one:</p>
        <select className="pane-chooser" aria-label="Open a document in this pane" defaultValue="" onChange={(event) => event.target.value && onOpen(event.target.value)}>
          <option value="" disabled>
            Choose a document…
          </option>
          {documents.map((doc) => (
            <option key={doc.id} value={doc.id}>
              {doc.title}
            </option>
          ))}
        </select>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Close pane
        </button>
      </div>
    </div>
  );
}
