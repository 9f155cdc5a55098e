import { useCallback } from 'react';
import { getNotebook, putNotebook } from '../../../app/store/notebooks-repo';
import { useServices } from '../services/context';
import { useNotebook } from '../store/hooks';
import type { NoteState } from './durable-save';
import { QuoteDropPlugin } from './QuoteDropPlugin';
import { RichEditor } from './RichEditor';
import { isShortcut } from '../shell/keymap';

/** Props of a pane showing a notebook. */
export interface NotebookPaneProps {
  notebookId: string;
  onClose: () => void;
  /** Opens a citation's source at its highlight. */
  onOpenCitation: (docId: string, annotationId: string) => void;
}

/** A notebook: free writing, with quotes dragged in from the sources keeping their citations. */
export function NotebookPane({ notebookId, onClose, onOpenCitation }: NotebookPaneProps) {
  const notebook = useNotebook(notebookId);
  const { database, notices, search } = useServices();
  const save = useCallback(
    async (state: NoteState) => {
      try {
        const current = await getNotebook(database, notebookId);
        if (current) await putNotebook(database, { ...current, content: state.json, updatedAt: Date.now() });
        search.changed({ kind: 'notebook', id: notebookId });
      } catch (error) {
        // Reported, then rethrown so the durable saver keeps the draft for the next attempt.
        notices.storageError(error);
        throw error;
      }
    },
    [database, notices, search, notebookId],
  );
  const rename = async (title: string) => {
    try {
      const current = await getNotebook(database, notebookId);
      if (!current || !title.trim() || title === current.title) return;
      await putNotebook(database, { ...current, title: title.trim(), updatedAt: Date.now() });
      search.changed({ kind: 'notebook', id: notebookId });
    } catch (error) {
      notices.storageError(error);
    }
  };

  if (notebook === undefined) return <div className="pane-body pane-loading" aria-busy="true" />;
  if (notebook === null) {
    return (
      <div className="pane-body pane-missing">
        <p>This notebook no longer exists.</p>
        <button type="button" className="button" onClick={onClose}>
          Close pane
        </button>
      </div>
    );
  }

  const onClick = (event: React.MouseEvent) => {
    const citation = (event.target as Element).closest<HTMLElement>('.note-citation');
    if (citation?.dataset.docId && citation.dataset.annotationId) onOpenCitation(citation.dataset.docId, citation.dataset.annotationId);
  };

  return (
    <div className="pane-body notebook-pane" data-notebook-id={notebookId}>
      <div className="pane-toolbar">
        <input
          className="notebook-title"
          defaultValue={notebook.title}
          aria-label="Notebook title"
          onBlur={(event) => void rename(event.target.value)}
          onKeyDown={(event) => {
            if (isShortcut('notebook-title-done', event)) event.currentTarget.blur();
          }}
        />
        <button type="button" className="icon-button" onClick={onClose} title="Close pane" aria-label="Close pane">
          ×
        </button>
      </div>
      <div className="notebook-scroll" onClick={onClick}>
        <RichEditor
          id={`notebook-${notebookId}`}
          noteKey={`notebook:${notebookId}`}
          initialJson={notebook.content}
          savedAt={notebook.updatedAt}
          onSave={save}
          placeholder="Write here. Drag highlights in to quote them with their citation."
          label="Notebook"
          className="notebook-editor"
        >
          <QuoteDropPlugin notebookId={notebookId} />
        </RichEditor>
      </div>
    </div>
  );
}
