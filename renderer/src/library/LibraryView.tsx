import { useCallback, useEffect, useMemo, useState } from 'react';
import { deleteCollection, removeFromCollection } from '../../../app/store/collections-repo';
import type { DocumentSummary } from '../../../app/store/documents-repo';
import { filterDocuments } from '../../../app/store/library-filter';
import { useServices } from '../services/context';
import { DocumentTable } from './DocumentTable';
import { LibraryDialog, type LibraryDialogState } from './LibraryDialog';
import { addDocumentTo, deleteTrashed, guarded, restoreTrashed, trashDocument, trashQuestion, type LibraryFeedback, type LibraryWrites } from './library-actions';
import { useCollectionMembers, useCollections, useTags, useTrash, useTrashCount } from './library-hooks';
import { loadSelection, saveSelection, type LibrarySelection } from './library-selection';
import { LibrarySidebar } from './LibrarySidebar';
import { TrashList } from './TrashList';
import './library.css';

/** Props of the library view. */
export interface LibraryViewProps extends Pick<LibraryFeedback, 'onTrashed'> {
  documents: DocumentSummary[];
  onOpen: (id: string) => void;
  /** Opens the document in a new pane beside those already open. */
  onOpenBeside: (id: string) => void;
  onImport: () => void;
  onBackup: () => void;
  onRestore: () => void;
}

/**
 * The library: a filter column (all documents, collections, tags, trash, backups) beside the
 * document table, sortable by column and narrowed by the chosen tag or collection.
 */
export function LibraryView({ documents, onOpen, onOpenBeside, onImport, onBackup, onRestore, onTrashed }: LibraryViewProps) {
  const { database, search, notices } = useServices();
  const feedback = useMemo<LibraryWrites>(
    () => ({ notify: notices.info, onError: notices.error, onTrashed, database, search }),
    [notices, onTrashed, database, search],
  );
  const [selection, setSelectionState] = useState<LibrarySelection>(loadSelection);
  const [dialog, setDialog] = useState<LibraryDialogState | null>(null);
  const collections = useCollections();
  const tags = useTags();
  const trash = useTrash(selection.kind === 'trash');
  const trashCount = useTrashCount();
  const members = useCollectionMembers(selection.kind === 'collection' ? selection.id : null);
  const current = selection.kind === 'collection' ? collections?.find((c) => c.id === selection.id) : undefined;

  const select = useCallback((next: LibrarySelection) => {
    saveSelection(next);
    setSelectionState(next);
  }, []);

  // A remembered collection or tag that no longer exists falls back to everything.
  useEffect(() => {
    if (selection.kind === 'collection' && collections && !current) select({ kind: 'all' });
    const tag = selection.kind === 'tag' ? selection.tag.toLocaleLowerCase() : null;
    if (tag && tags && !tags.some((t) => t.tag.toLocaleLowerCase() === tag)) select({ kind: 'all' });
  }, [selection, collections, current, tags, select]);

  const shown = useMemo(() => {
    if (selection.kind === 'tag') return filterDocuments(documents, { tag: selection.tag });
    if (selection.kind === 'collection') return filterDocuments(documents, { collectionId: selection.id, collectionDocIds: members ?? [] });
    return documents;
  }, [documents, selection, members]);

  const askTrash = useCallback(
    (doc: DocumentSummary) =>
      void trashQuestion(feedback.database, doc).then((text) =>
        setDialog({ kind: 'confirm', title: 'Move to Trash?', text, confirmLabel: 'Move to Trash', run: () => void trashDocument(doc, feedback) }),
      ),
    [feedback],
  );

  const heading =
    selection.kind === 'tag' ? `Tagged “${selection.tag}”` : selection.kind === 'collection' ? (current?.name ?? 'Collection') : selection.kind === 'trash' ? 'Trash' : 'All documents';
  const count = selection.kind === 'trash' ? (trash?.length ?? 0) : shown.length;

  return (
    <main className="library library-layout" aria-label="Library">
      <LibrarySidebar
        selection={selection}
        onSelect={select}
        documentCount={documents.length}
        collections={collections ?? []}
        tags={tags ?? []}
        trashCount={trashCount ?? 0}
        onNewCollection={() => setDialog({ kind: 'new-collection' })}
        onRenameCollection={(collection) => setDialog({ kind: 'rename', collection })}
        onDeleteCollection={(collection) =>
          setDialog({
            kind: 'confirm',
            title: 'Delete collection?',
            text: `Delete the collection “${collection.name}”? Its ${collection.documentCount === 1 ? 'document stays' : 'documents stay'} in the library.`,
            confirmLabel: 'Delete collection',
            danger: true,
            run: () => void guarded(feedback, () => deleteCollection(database, collection.id)),
          })
        }
        onDropOnCollection={(collectionId, docId) => {
          const collection = collections?.find((c) => c.id === collectionId);
          const doc = documents.find((d) => d.id === docId);
          if (collection && doc) void addDocumentTo(collection, doc, feedback);
        }}
        onBackup={onBackup}
        onRestore={onRestore}
      />
      {documents.length === 0 && selection.kind !== 'trash' ? (
        <EmptyLibrary onImport={onImport} />
      ) : (
        <section className="library-content" aria-label={heading}>
          <div className="library-content-header">
            <h2>{heading}</h2>
            <span className="muted">
              {count} {selection.kind === 'trash' ? (count === 1 ? 'item' : 'items') : count === 1 ? 'document' : 'documents'}
            </span>
            {selection.kind !== 'all' && selection.kind !== 'trash' ? (
              <button type="button" className="button button-quiet button-small" onClick={() => select({ kind: 'all' })}>
                Show all
              </button>
            ) : null}
          </div>
          {selection.kind === 'trash' ? (
            <TrashList
              items={trash ?? []}
              onRestore={(item) => void restoreTrashed(item.id, feedback, item.title)}
              onDeleteForever={(item) =>
                setDialog({
                  kind: 'confirm',
                  title: 'Delete forever?',
                  text: `Delete “${item.title}”${item.annotationCount ? ` and its ${item.annotationCount === 1 ? 'highlight' : `${item.annotationCount} highlights`}` : ''} forever? This cannot be undone.`,
                  confirmLabel: 'Delete forever',
                  danger: true,
                  run: () => void deleteTrashed(item.id, feedback),
                })
              }
            />
          ) : shown.length === 0 ? (
            <p className="library-filter-empty">Nothing here yet. {selection.kind === 'collection' ? 'Drag documents onto the collection, or use “Add to collection” in a row’s menu.' : ''}</p>
          ) : (
            <DocumentTable
              documents={shown}
              collections={collections ?? []}
              current={current}
              onOpen={onOpen}
              onOpenBeside={onOpenBeside}
              onEditTags={(doc) => setDialog({ kind: 'tags', doc })}
              onFilterTag={(tag) => select({ kind: 'tag', tag })}
              onAddTo={(doc, id) => {
                const collection = collections?.find((c) => c.id === id);
                if (collection) void addDocumentTo(collection, doc, feedback);
              }}
              onNewCollectionFor={(doc) => setDialog({ kind: 'new-collection', doc })}
              onRemoveFromCurrent={(doc) => current && void guarded(feedback, () => removeFromCollection(database, current.id, [doc.id]))}
              onTrash={askTrash}
            />
          )}
        </section>
      )}
      {dialog ? <LibraryDialog dialog={dialog} known={(tags ?? []).map((t) => t.tag)} feedback={feedback} onClose={() => setDialog(null)} /> : null}
    </main>
  );
}

function EmptyLibrary({ onImport }: { onImport: () => void }) {
  return (
    <div className="empty-library">
      <div className="empty-card">
        <h2>Your library is empty</h2>
        <p>
          Import the articles, reviews and interviews you are reading: click <strong>Import</strong> (Ctrl+O) or drop files
          anywhere in this window. Lectern reads PDF, web pages (.html), EPUB, Word (.docx), Markdown and plain text files.
        </p>
        <button type="button" className="button button-primary" onClick={onImport}>
          Import files…
        </button>
      </div>
    </div>
  );
}
