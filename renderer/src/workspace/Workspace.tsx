import { Fragment, useState } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import type { DocumentSummary } from '../../../app/store/documents-repo';
import { DOCUMENT_MIME } from '../highlights/drag';
import { NotebookPane } from '../notes/NotebookPane';
import { DocumentPane } from '../reader/DocumentPane';
import { MAX_PANES, type Pane, type PaneContent, type WorkspaceAction, type WorkspaceState } from './workspace-state';

/** Props of the reading workspace. */
export interface WorkspaceProps {
  state: WorkspaceState;
  dispatch: (action: WorkspaceAction) => void;
  documents: DocumentSummary[];
  reveal: { paneId: string; annotationId: string; nonce: number } | null;
  onOpenCitation: (docId: string, annotationId: string) => void;
  notify: (text: string, action?: { label: string; run: () => void }) => void;
  onError: (message: string) => void;
}

/** One to four panes side by side, resizable; documents can be dragged onto any pane. */
export function Workspace({ state, dispatch, documents, reveal, onOpenCitation, notify, onError }: WorkspaceProps) {
  const defaultLayout = state.layout && state.panes.every((pane) => pane.id in state.layout!) ? state.layout : undefined;
  return (
    <div className="workspace">
      <Group
        key={state.panes.map((pane) => pane.id).join('|')}
        className="pane-group"
        orientation="horizontal"
        defaultLayout={defaultLayout}
        onLayoutChanged={(layout) => dispatch({ type: 'layout', layout })}
      >
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
                notify={notify}
                onError={onError}
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

function PaneFrame({ pane, active, dispatch, documents, reveal, onOpenCitation, notify, onError }: PaneFrameProps) {
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
          notify={notify}
        />
      ) : pane.content.kind === 'notebook' ? (
        <NotebookPane key={pane.content.notebookId} notebookId={pane.content.notebookId} onClose={close} onOpenCitation={onOpenCitation} onError={onError} />
      ) : (
        <EmptyPane documents={documents} onOpen={(docId) => open({ kind: 'document', docId })} onClose={close} />
      )}
    </section>
  );
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
