import { useMemo, useState } from 'react';
import type { DocumentSummary } from '../../../app/store/documents-repo';
import { sortDocuments, type SortKey } from '../../../app/store/documents-sort';
import { DOCUMENT_MIME } from '../highlights/drag';

const columns: { key: SortKey; label: string; className: string }[] = [
  { key: 'title', label: 'Title', className: 'col-title' },
  { key: 'author', label: 'Author', className: 'col-author' },
  { key: 'year', label: 'Year', className: 'col-year' },
  { key: 'format', label: 'Format', className: 'col-format' },
  { key: 'addedAt', label: 'Added', className: 'col-added' },
];

const addedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** Props of the library table. */
export interface LibraryViewProps {
  documents: DocumentSummary[];
  onOpen: (id: string) => void;
  /** Opens the document in a new pane beside those already open. */
  onOpenBeside: (id: string) => void;
  onImport: () => void;
}

/** The library: every document with its title, author, year and format, sortable by column. */
export function LibraryView({ documents, onOpen, onOpenBeside, onImport }: LibraryViewProps) {
  const [sort, setSort] = useState<{ key: SortKey; direction: 'asc' | 'desc' }>({ key: 'addedAt', direction: 'desc' });
  const sorted = useMemo(() => sortDocuments(documents, sort.key, sort.direction), [documents, sort]);

  if (documents.length === 0) return <EmptyLibrary onImport={onImport} />;

  const toggleSort = (key: SortKey) =>
    setSort((current) => ({ key, direction: current.key === key && current.direction === 'asc' ? 'desc' : 'asc' }));

  return (
    <main className="library" aria-label="Library">
      <table className="library-table">
        <caption className="visually-hidden">Your library, {documents.length} documents</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.className}
                aria-sort={sort.key === column.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" className="sort-button" onClick={() => toggleSort(column.key)}>
                  {column.label}
                  <span className="sort-indicator" aria-hidden="true">
                    {sort.key === column.key ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((doc) => (
            <tr
              key={doc.id}
              className="library-row"
              tabIndex={0}
              data-document-id={doc.id}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.setData(DOCUMENT_MIME, doc.id);
                event.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={(event) => (event.shiftKey ? onOpenBeside(doc.id) : onOpen(doc.id))}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  if (event.shiftKey) onOpenBeside(doc.id);
                  else onOpen(doc.id);
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
              </td>
              <td className="col-author">{doc.authorsLabel || <span className="muted">—</span>}</td>
              <td className="col-year">{doc.year ?? <span className="muted">—</span>}</td>
              <td className="col-format">
                <span className="format-badge">{doc.format.toUpperCase()}</span>
              </td>
              <td className="col-added">{addedFormat.format(doc.addedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

function EmptyLibrary({ onImport }: { onImport: () => void }) {
  return (
    <main className="empty-library" aria-label="Library">
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
    </main>
  );
}
