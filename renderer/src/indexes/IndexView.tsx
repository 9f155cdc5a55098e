import { useMemo, useState } from 'react';
import { setCitationStyle, useCitationStyle } from '../citations/citation-style';
import { CITATION_STYLES, type CitationStyleId } from '../citations/styles';
import { useDocuments } from '../store/hooks';
import { CitedWorksTab } from './CitedWorksTab';
import { PeopleTab } from './PeopleTab';
import { useIndexFocus } from './use-index-focus';
import { useIndexRevision, useLibraryIndexes } from './use-library-indexes';
import { useWorkCitekeys } from './use-work-citekeys';
import './indexes.css';

type Tab = 'works' | 'people';
const TAB_KEY = 'lectern.indexTab';

const TABS: { id: Tab; label: string; filterLabel: string; placeholder: string }[] = [
  { id: 'works', label: 'Cited Works', filterLabel: 'Filter cited works', placeholder: 'Filter by author or title' },
  { id: 'people', label: 'People', filterLabel: 'Filter people', placeholder: 'Filter by name, any spelling' },
];

/** Props of the Index view. */
export interface IndexViewProps {
  /** Opens a document in the reader, at a character offset of its text when given. */
  onOpenDocument: (docId: string, offset?: number) => void;
}

/**
 * The library-wide Index: the works the documents cite (merged across documents and spellings,
 * as a bibliography in the chosen style) and the people they are by, cite or name. Built in a
 * worker whenever the library changes; each entry links to the places it comes from.
 */
export function IndexView({ onOpenDocument }: IndexViewProps) {
  const documents = useDocuments();
  const revision = useIndexRevision(documents);
  const { indexes, busy, error } = useLibraryIndexes(revision);
  const citekeys = useWorkCitekeys(indexes?.works);
  const titles = useMemo(() => new Map((documents ?? []).map((d) => [d.id, d.title])), [documents]);
  const style = useCitationStyle();
  const [tab, setTabState] = useState<Tab>(() => (localStorage.getItem(TAB_KEY) === 'people' ? 'people' : 'works'));
  const [filters, setFilters] = useState<Record<Tab, string>>({ works: '', people: '' });
  const [onlyBibliography, setOnlyBibliography] = useState(false);
  const hasImported = indexes?.works.some((w) => w.workIds) ?? false;
  const current = TABS.find((t) => t.id === tab) ?? TABS[0]!;

  const setTab = (next: Tab) => {
    localStorage.setItem(TAB_KEY, next);
    setTabState(next);
  };
  useIndexFocus(indexes !== null, tab, setTab, (t, value) => setFilters((all) => ({ ...all, [t]: value })));

  return (
    <main className="index-view" aria-label="Index" aria-busy={busy} data-documents={documents?.length}>
      <div className="index-inner">
        <div className="index-toolbar">
          <div className="index-tabs" role="tablist" aria-label="Index">
            {TABS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`index-tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls="index-panel"
                className={`index-tab${tab === t.id ? ' selected' : ''}`}
                onClick={() => setTab(t.id)}
              >
                {t.label}
                {indexes ? <span className="index-tab-count">{t.id === 'works' ? indexes.works.length : indexes.people.length}</span> : null}
              </button>
            ))}
          </div>
          {busy && indexes ? <span className="index-updating">Updating…</span> : null}
          <input
            type="search"
            className="index-filter"
            aria-label={current.filterLabel}
            placeholder={current.placeholder}
            value={filters[tab]}
            onChange={(event) => setFilters((all) => ({ ...all, [tab]: event.target.value }))}
          />
          {tab === 'works' && (hasImported || onlyBibliography) ? (
            <label className="index-style">
              Show{' '}
              <select value={onlyBibliography ? 'bibliography' : 'all'} onChange={(event) => setOnlyBibliography(event.target.value === 'bibliography')}>
                <option value="all">All works</option>
                <option value="bibliography">In my bibliography</option>
              </select>
            </label>
          ) : null}
          {tab === 'works' ? (
            <label className="index-style">
              Style{' '}
              <select value={style} onChange={(event) => setCitationStyle(event.target.value as CitationStyleId)}>
                {CITATION_STYLES.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
        <section id="index-panel" role="tabpanel" aria-labelledby={`index-tab-${tab}`} className="index-panel">
          {error ? <p className="index-error">{error}</p> : null}
          {!indexes ? (
            error ? null : <p className="index-loading">Reading the library…</p>
          ) : tab === 'works' ? (
            <CitedWorksTab works={onlyBibliography ? indexes.works.filter((w) => w.workIds) : indexes.works} filter={filters.works} style={style} titles={titles} citekeys={citekeys} onOpenDocument={onOpenDocument} />
          ) : (
            <PeopleTab people={indexes.people} filter={filters.people} titles={titles} onOpenDocument={onOpenDocument} />
          )}
        </section>
      </div>
    </main>
  );
}
