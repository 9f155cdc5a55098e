import { useState, type ReactNode } from 'react';
import type { CollectionListItem } from '../../../app/store/collections-repo';
import { DOCUMENT_MIME } from '../highlights/drag';
import { sameSelection, type LibrarySelection } from './library-selection';
import { BibliographyImportButton } from '../bibliography/BibliographyImportButton';
import { BibliographyFileButton } from '../writing/BibliographyDialog';
import { SyncSettingsButton } from '../sync/SyncRoot';

/** Props of the library's filter column. */
export interface LibrarySidebarProps {
  selection: LibrarySelection;
  onSelect: (selection: LibrarySelection) => void;
  documentCount: number;
  collections: readonly CollectionListItem[];
  tags: readonly { tag: string; count: number }[];
  trashCount: number;
  onNewCollection: () => void;
  onRenameCollection: (collection: CollectionListItem) => void;
  onDeleteCollection: (collection: CollectionListItem) => void;
  /** A library row was dropped on a collection. */
  onDropOnCollection: (collectionId: string, docId: string) => void;
  onBackup: () => void;
  onRestore: () => void;
}

/** The library's left column: all documents, collections, tags, the trash, and backups. */
export function LibrarySidebar(props: LibrarySidebarProps) {
  const { selection, onSelect, collections, tags } = props;
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const item = (target: LibrarySelection, label: string, count: number, extra = '', icon: ReactNode = null) => (
    <button
      type="button"
      className={`filter-item${sameSelection(selection, target) ? ' selected' : ''}${extra}`}
      aria-current={sameSelection(selection, target) ? 'true' : undefined}
      onClick={() => onSelect(target)}
    >
      {icon ? (
        <span className="filter-icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      <span className="filter-label">{label}</span>
      <span className="filter-count">{count}</span>
    </button>
  );

  return (
    <aside className="library-filters" aria-label="Library filters">
      <nav className="filter-scroll">
        {item({ kind: 'all' }, 'All documents', props.documentCount)}

        <div className="filter-heading">
          <h2>Collections</h2>
          <button type="button" className="icon-button" onClick={props.onNewCollection} aria-label="New collection" title="New collection">
            +
          </button>
        </div>
        {collections.length === 0 ? <p className="filter-empty">Group documents by course or chapter: create a collection, then drag rows onto it.</p> : null}
        <ul className="filter-list">
          {collections.map((collection) => (
            <li
              key={collection.id}
              className={`filter-collection${dropTarget === collection.id ? ' dropping' : ''}`}
              onDragOver={(event) => {
                if (!event.dataTransfer.types.includes(DOCUMENT_MIME)) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'copy';
                setDropTarget(collection.id);
              }}
              onDragLeave={() => setDropTarget(null)}
              onDrop={(event) => {
                setDropTarget(null);
                const docId = event.dataTransfer.getData(DOCUMENT_MIME);
                if (!docId) return;
                event.preventDefault();
                event.stopPropagation();
                props.onDropOnCollection(collection.id, docId);
              }}
            >
              {item({ kind: 'collection', id: collection.id }, collection.name, collection.documentCount)}
              <span className="filter-item-actions">
                <button type="button" className="icon-button" onClick={() => props.onRenameCollection(collection)} aria-label={`Rename “${collection.name}”`} title="Rename">
                  ✎
                </button>
                <button type="button" className="icon-button" onClick={() => props.onDeleteCollection(collection)} aria-label={`Delete “${collection.name}”`} title="Delete collection">
                  ×
                </button>
              </span>
            </li>
          ))}
        </ul>

        <div className="filter-heading">
          <h2>Tags</h2>
        </div>
        {tags.length === 0 ? <p className="filter-empty">No tags yet: use “Tags…” in a row’s menu.</p> : null}
        <ul className="filter-list">
          {tags.map(({ tag, count }) => (
            <li key={tag}>{item({ kind: 'tag', tag }, tag, count, ' filter-tag', '#')}</li>
          ))}
        </ul>

        <div className="filter-trash">{item({ kind: 'trash' }, 'Trash', props.trashCount, ' filter-trash-item', <TrashIcon />)}</div>
      </nav>
      <footer className="filter-footer">
        <BibliographyImportButton />
        <BibliographyFileButton />
        <button type="button" className="button button-small" onClick={props.onBackup} title="Save the whole library, notes included, to one file">
          Back up library…
        </button>
        <button type="button" className="button button-small button-quiet" onClick={props.onRestore} title="Bring back a library from a backup file">
          Restore library…
        </button>
        <SyncSettingsButton />
      </footer>
    </aside>
  );
}

/** A bin, drawn with the text colour so it follows the theme (no emoji font needed). */
function TrashIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round">
      <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.8 6.5v4.5M9.2 6.5v4.5" />
    </svg>
  );
}
