import type { DocumentSummary } from '../../../app/store/documents-repo';
import type { StoredNotebook } from '../../../app/store/notebooks-repo';
import { DOCUMENT_MIME } from '../highlights/drag';

/** Props of the sources list beside the panes. */
export interface SourcesSidebarProps {
  documents: DocumentSummary[];
  notebooks: StoredNotebook[];
  openDocIds: Set<string>;
  canAddPane: boolean;
  onOpen: (docId: string, newPane: boolean) => void;
  onOpenNotebook: (notebookId: string, newPane: boolean) => void;
  onNewNotebook: () => void;
}

/** Documents and notebooks, to open in the active pane, in a new pane, or drag onto a pane. */
export function SourcesSidebar({ documents, notebooks, openDocIds, canAddPane, onOpen, onOpenNotebook, onNewNotebook }: SourcesSidebarProps) {
  return (
    <nav className="sources" aria-label="Sources">
      <h2 className="sources-heading">Sources</h2>
      <ul className="sources-list">
        {documents.map((doc) => (
          <li
            key={doc.id}
            className={`source-item${openDocIds.has(doc.id) ? ' open' : ''}`}
            draggable
            onDragStart={(event) => {
              event.dataTransfer.setData(DOCUMENT_MIME, doc.id);
              event.dataTransfer.effectAllowed = 'copy';
            }}
          >
            <button type="button" className="source-open" onClick={() => onOpen(doc.id, false)} title={`Open in the active pane: ${doc.title}`}>
              <span className="source-title">{doc.title}</span>
              <span className="source-meta">{[doc.authorsLabel, doc.year].filter(Boolean).join(' · ')}</span>
            </button>
            <button type="button" className="icon-button source-new-pane" disabled={!canAddPane} onClick={() => onOpen(doc.id, true)} title="Open beside (new pane)" aria-label={`Open ${doc.title} in a new pane`}>
              ⊞
            </button>
          </li>
        ))}
      </ul>
      <h2 className="sources-heading">
        Notebooks
        <button type="button" className="icon-button" onClick={onNewNotebook} title="New notebook" aria-label="New notebook">
          +
        </button>
      </h2>
      <ul className="sources-list">
        {notebooks.length === 0 ? <li className="sources-empty">No notebooks yet.</li> : null}
        {notebooks.map((notebook) => (
          <li key={notebook.id} className="source-item">
            <button type="button" className="source-open" onClick={() => onOpenNotebook(notebook.id, false)}>
              <span className="source-title">{notebook.title}</span>
            </button>
            <button type="button" className="icon-button source-new-pane" disabled={!canAddPane} onClick={() => onOpenNotebook(notebook.id, true)} title="Open beside (new pane)" aria-label={`Open ${notebook.title} in a new pane`}>
              ⊞
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
