import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CollectionListItem } from '../../../app/store/collections-repo';
import type { DocumentSummary } from '../../../app/store/documents-repo';
import { sortDocuments, type SortKey } from '../../../app/store/documents-sort';
import { DOCUMENT_MIME } from '../highlights/drag';
import { whichShortcut } from '../shell/keymap';
import { gridTarget } from './grid-keys';
import { RowMenu } from './RowMenu';
import { useServices } from '../services/context';

const columns: { key: SortKey; label: string; className: string }[] = [
  { key: 'title', label: 'Title', className: 'col-title' },
  { key: 'author', label: 'Author', className: 'col-author' },
  { key: 'year', label: 'Year', className: 'col-year' },
  { key: 'format', label: 'Format', className: 'col-format' },
  { key: 'addedAt', label: 'Added', className: 'col-added' },
];

const addedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** Props of the document table. */
export interface DocumentTableProps {
  documents: DocumentSummary[];
  collections: readonly CollectionListItem[];
  /** The collection being shown, if any. */
  current?: CollectionListItem;
  onOpen: (id: string) => void;
  onOpenBeside: (id: string) => void;
  onEditTags: (doc: DocumentSummary) => void;
  onFilterTag: (tag: string) => void;
  onAddTo: (doc: DocumentSummary, collectionId: string) => void;
  onNewCollectionFor: (doc: DocumentSummary) => void;
  onRemoveFromCurrent: (doc: DocumentSummary) => void;
  onTrash: (doc: DocumentSummary) => void;
}

/**
 * The library's documents, sortable by column. Each row shows its tags and has a menu; rows can
 * be dragged onto a pane or a collection, and Delete moves the focused row to the trash.
 */
export function DocumentTable(props: DocumentTableProps) {
  const { documents, collections, current, onOpen, onOpenBeside, onEditTags, onFilterTag, onTrash } = props;
  const [sort, setSort] = useState<{ key: SortKey; direction: 'asc' | 'desc' }>({ key: 'addedAt', direction: 'desc' });
  const [menu, setMenu] = useState<{ docId: string; anchor: DOMRect } | null>(null);
  const services = useServices();
  const sorted = useMemo(() => sortDocuments(documents, sort.key, sort.direction), [documents, sort]);
  const toggleSort = (key: SortKey) => setSort((was) => ({ key, direction: was.key === key && was.direction === 'asc' ? 'desc' : 'asc' }));
  // One row is in the Tab order (the last focused, else the first); arrows move between rows.
  const [activeId, setActiveId] = useState<string | null>(null);
  const tabStop = sorted.some((doc) => doc.id === activeId) ? activeId : (sorted[0]?.id ?? null);
  const body = useRef<HTMLTableSectionElement>(null);
  const moveFocus = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const target = gridTarget(event, index, sorted.length);
    if (target === null) return false;
    event.preventDefault();
    body.current?.querySelectorAll<HTMLTableRowElement>('tr.library-row')[target]?.focus();
    return true;
  };

  return (
    <table className="library-table" role="grid">
      <caption className="visually-hidden">Your library, {documents.length} documents</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={column.className} aria-sort={sort.key === column.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" className="sort-button" onClick={() => toggleSort(column.key)}>
                {column.label}
                <span className="sort-indicator" aria-hidden="true">
                  {sort.key === column.key ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </th>
          ))}
          <th scope="col" className="col-actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody ref={body}>
        {sorted.map((doc, index) => (
          <tr
            key={doc.id}
            className="library-row"
            tabIndex={doc.id === tabStop ? 0 : -1}
            onFocus={() => setActiveId(doc.id)}
            data-document-id={doc.id}
            draggable
            onDragStart={(event) => {
              event.dataTransfer.setData(DOCUMENT_MIME, doc.id);
              event.dataTransfer.effectAllowed = 'copy';
            }}
            onClick={(event) => (event.shiftKey ? onOpenBeside(doc.id) : onOpen(doc.id))}
            onKeyDown={(event) => {
              if (event.target !== event.currentTarget) return;
              if (moveFocus(event, index)) return;
              const shortcut = whichShortcut(['library-open', 'library-open-beside', 'library-trash'], event);
              if (shortcut === 'library-open-beside') onOpenBeside(doc.id);
              else if (shortcut === 'library-open') onOpen(doc.id);
              else if (shortcut === 'library-trash') {
                event.preventDefault();
                onTrash(doc);
              }
            }}
            title="Open (Shift+click: open in a new pane)"
          >
            <td className="col-title">
              <span className="doc-title">{doc.title}</span>
              {doc.provenance?.titleIsFallback ? (
                <span className="doc-flag" title="The document states no title; this is its file name.">
                  file name
                </span>
              ) : null}
              {doc.tags?.length ? (
                <span className="row-tags">
                  {doc.tags.map((tag) => (
                    <button
                      key={tag}
                      type="button"
                      className="tag-chip tag-chip-button"
                      title={`Show documents tagged “${tag}”`}
                      onClick={(event) => {
                        event.stopPropagation();
                        onFilterTag(tag);
                      }}
                    >
                      {tag}
                    </button>
                  ))}
                </span>
              ) : null}
            </td>
            <td className="col-author">{doc.authorsLabel || <span className="muted">—</span>}</td>
            <td className="col-year">{doc.year ?? <span className="muted">—</span>}</td>
            <td className="col-format">
              <span className="format-badge">{doc.format.toUpperCase()}</span>
            </td>
            <td className="col-added">{addedFormat.format(doc.addedAt)}</td>
            <td className="col-actions" onClick={(event) => event.stopPropagation()}>
              <button
                type="button"
                className="icon-button row-menu-button"
                aria-label={`Actions for “${doc.title}”`}
                aria-haspopup="menu"
                aria-expanded={menu?.docId === doc.id}
                title="Tags, collections, trash"
                onClick={(event) => {
                  const anchor = event.currentTarget.getBoundingClientRect();
                  setMenu((open) => (open?.docId === doc.id ? null : { docId: doc.id, anchor }));
                }}
              >
                ⋯
              </button>
              {menu?.docId === doc.id ? (
                <RowMenu
                  anchor={menu.anchor}
                  collections={collections}
                  current={current}
                  onTags={() => onEditTags(doc)}
                  onOpenBeside={() => onOpenBeside(doc.id)}
                  onAddTo={(id) => props.onAddTo(doc, id)}
                  onNewCollection={() => props.onNewCollectionFor(doc)}
                  onRemoveFromCurrent={() => props.onRemoveFromCurrent(doc)}
                  onTrash={() => onTrash(doc)}
                  // Loaded on use: the styles stay out of the library's first paint.
                  onCopyCitation={(tool) => void import('../writing/copy-document-citation').then(({ copyDocumentCitation }) => copyDocumentCitation(services, doc.id, tool))}
                  onClose={() => setMenu(null)}
                />
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
