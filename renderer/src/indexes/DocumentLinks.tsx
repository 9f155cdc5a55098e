import type { DocumentLink } from './index-data';

/** Props of a run of links to documents. */
export interface DocumentLinksProps {
  /** Says what the links are ("Cited in"). */
  label: string;
  links: readonly DocumentLink[];
  titles: ReadonlyMap<string, string>;
  /** Shown after a link's title: " (2 citations)", "2×". */
  countLabel: (count: number) => string;
  /** Counts below this are not shown (a single citation needs no number). */
  countFrom?: number;
  onOpenDocument: (docId: string, offset?: number) => void;
}

/** "Cited in: Title A (2 citations) · Title B": each title opens the document at its link's offset. */
export function DocumentLinks({ label, links, titles, countLabel, countFrom = 1, onOpenDocument }: DocumentLinksProps) {
  if (links.length === 0) return null;
  return (
    <p className="index-links">
      <span className="index-links-label">{label}</span>{' '}
      {links.map((link, index) => (
        <span key={link.docId} className="index-link-item">
          {index > 0 ? <span className="index-link-sep" aria-hidden="true"> · </span> : null}
          <button type="button" className="index-doc-link" onClick={() => onOpenDocument(link.docId, link.offset)} title={`Open “${titles.get(link.docId) ?? 'Untitled document'}” here`}>
            {titles.get(link.docId) ?? 'Untitled document'}
          </button>
          {link.count >= countFrom ? <span className="index-link-count">{countLabel(link.count)}</span> : null}
        </span>
      ))}
    </p>
  );
}

/** "1 citation", "3 citations". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
