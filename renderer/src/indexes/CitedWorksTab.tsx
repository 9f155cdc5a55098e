import { useMemo } from 'react';
import { RemoveFromBibliography } from '../bibliography/RemoveFromBibliography';
import { cslHtmlToReact } from './csl-html';
import { DocumentLinks, plural } from './DocumentLinks';
import { matchesFilter, type WorkEntry } from './index-data';
import { IndexList } from './IndexList';
import { useFormattedWorks } from './use-formatted-works';
import { CiteMenu } from '../writing/CiteMenu';

/** Props of the Cited Works tab. */
export interface CitedWorksTabProps {
  works: readonly WorkEntry[];
  filter: string;
  /** Citation style id for the formatted references. */
  style: string;
  titles: ReadonlyMap<string, string>;
  /** Each work's citation key, by WorkEntry.key, once read. */
  citekeys?: ReadonlyMap<string, string>;
  onOpenDocument: (docId: string, offset?: number) => void;
}

/** Every work the library's documents cite, as a bibliography, with where each is cited and mentioned. */
export function CitedWorksTab({ works, filter, style, titles, citekeys, onOpenDocument }: CitedWorksTabProps) {
  const formatted = useFormattedWorks(works, style);
  const shown = useMemo(() => works.filter((work) => matchesFilter(work.search, filter)), [works, filter]);

  if (works.length === 0) {
    return <p className="index-empty">Import a source with a Works Cited or References list to see the works it cites. Your own bibliography (BibTeX, RIS, CSL-JSON) imports from the Library.</p>;
  }
  return (
    <IndexList
      items={shown}
      total={works.length}
      noun="work"
      filter={filter}
      render={(work) => <WorkRow key={work.key} work={work} html={formatted.get(work.key)} citekey={citekeys?.get(work.key)} titles={titles} onOpenDocument={onOpenDocument} />}
    />
  );
}

/** "Anderson 1983", how a notice or a button names the work. */
function workLabel(work: WorkEntry): string {
  const first = work.csl.author?.[0] ?? work.csl.editor?.[0];
  const year = work.csl.issued?.['date-parts']?.[0]?.[0];
  return [first?.family ?? first?.literal ?? work.csl.title ?? 'this work', year].filter((part) => part !== undefined).join(' ');
}

function WorkRow({
  work,
  html,
  citekey,
  titles,
  onOpenDocument,
}: {
  work: WorkEntry;
  html: string | undefined;
  citekey: string | undefined;
  titles: ReadonlyMap<string, string>;
  onOpenDocument: (docId: string, offset?: number) => void;
}) {
  return (
    <li className="index-row work-row" data-work-key={work.key}>
      <p className="work-reference">{html ? cslHtmlToReact(html) : work.raw}</p>
      <div className="index-row-meta">
        {citekey ? (
          <code className="work-citekey" title="Citation key: what you type after @ in pandoc or in \cite{} in LaTeX">
            {citekey}
          </code>
        ) : null}
        {work.citationCount > 0 || work.citedIn.length > 0 ? (
          <span className="work-count" title="In-text citations across the library">
            {work.citationCount > 0 ? plural(work.citationCount, 'citation') : 'listed only'}
          </span>
        ) : null}
        {work.workIds ? (
          <span className="work-in-bibliography" title="Imported from your bibliography file">
            In your bibliography
          </span>
        ) : null}
        {work.workIds ? <RemoveFromBibliography workIds={work.workIds} label={workLabel(work)} /> : null}
        <DocumentLinks label="Cited in" links={work.citedIn} titles={titles} countLabel={(n) => ` (${plural(n, 'citation')})`} countFrom={2} onOpenDocument={onOpenDocument} />
        <DocumentLinks label="Mentioned in" links={work.mentionedIn} titles={titles} countLabel={(n) => ` (${plural(n, 'mention')})`} countFrom={2} onOpenDocument={onOpenDocument} />
        {work.libraryDocId ? (
          <p className="index-links">
            <button type="button" className="index-doc-link" onClick={() => onOpenDocument(work.libraryDocId ?? '')}>
              In your library: open it
            </button>
          </p>
        ) : null}
        {/* A work imported alone is keyed by its own id; any other by its first reference's. */}
        <CiteMenu target={{ kind: 'work', owner: work.workIds?.includes(work.key) ? `work:${work.key}` : `ref:${work.key}` }} label="Cite" className="button button-quiet button-small work-cite" />
      </div>
      {work.spellings.length > 0 ? (
        <details className="work-spellings">
          <summary>{plural(work.spellings.length, 'spelling')}</summary>
          <ul>
            {work.spellings.map((raw) => (
              <li key={raw}>{raw}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}
