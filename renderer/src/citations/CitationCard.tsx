import { useEffect, useState } from 'react';
import type { StoredCitation, StoredReference } from '../../../app/store/records';
import { findReferencesByCitekey } from '../../../app/store/references-repo';
import { getDocument } from '../../../app/store/documents-repo';
import { useDatabase } from '../store/hooks';
import { setCitationStyle, useCitationStyle } from './citation-style';
import { CITATION_STYLES, loadExport, type CitationStyleId } from './styles';

/** Where the card sits, relative to the pane. */
export interface CardSpot {
  top: number;
  left: number;
}

/** Props of the card shown on hover or keyboard focus of a citation. */
export interface CitationCardProps {
  citation: StoredCitation;
  references: readonly StoredReference[];
  /** Other citations of the same entries in this document, by offset. */
  siblings: readonly StoredCitation[];
  spot: CardSpot;
  onJump: (reference: StoredReference) => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

function useFormatted(references: readonly StoredReference[], style: string): string[] | null {
  const [formatted, setFormatted] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadExport().then((exporter) => {
      if (!live) return;
      setFormatted(references.map((reference) => {
        const result = exporter.formatBibliography([reference.csl], style);
        return result.ok ? result.value.trim() : reference.raw;
      }));
    });
    return () => {
      live = false;
    };
  }, [references, style]);
  return formatted;
}

function useCitedElsewhere(references: readonly StoredReference[], docId: string): string[] {
  const database = useDatabase();
  const [titles, setTitles] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const others = new Set<string>();
      for (const reference of references) {
        for (const match of await findReferencesByCitekey(database, reference.csl.id)) if (match.docId !== docId) others.add(match.docId);
      }
      const docs = await Promise.all([...others].map((id) => getDocument(database, id)));
      if (live) setTitles(docs.flatMap((doc) => (doc ? [doc.title] : [])));
    })();
    return () => {
      live = false;
    };
  }, [database, references, docId]);
  return titles;
}

/** The parsed reference behind a citation, in the chosen style, and where else it is cited. */
export function CitationCard({ citation, references, siblings, spot, onJump, onPointerEnter, onPointerLeave }: CitationCardProps) {
  const style = useCitationStyle();
  const formatted = useFormatted(references, style);
  const elsewhere = useCitedElsewhere(references, citation.docId);
  const unresolved = references.length === 0;

  return (
    <div className="citation-card" role="dialog" aria-label="Cited work" style={{ top: spot.top, left: spot.left }} onMouseEnter={onPointerEnter} onMouseLeave={onPointerLeave}>
      {unresolved ? (
        <p className="citation-card-missing">
          {citation.kind === 'footnote' ? 'A footnote marker.' : 'No entry in this document’s reference list matches this citation.'}
        </p>
      ) : (
        references.map((reference, index) => (
          <div key={reference.id} className="citation-card-entry">
            <p className="citation-card-formatted">{formatted?.[index] ?? reference.raw}</p>
            {citation.locator ? <p className="citation-card-meta">Pinpoint: {citation.locator}</p> : null}
            <button type="button" className="button button-small" onClick={() => onJump(reference)}>
              Go to the entry
            </button>
          </div>
        ))
      )}
      {citation.kind === 'mention' ? <p className="citation-card-meta">The author is named here without a citation.</p> : null}
      {siblings.length > 1 ? <p className="citation-card-meta">Cited {siblings.length} times in this document.</p> : null}
      {elsewhere.length ? <p className="citation-card-meta">Also cited in: {elsewhere.join('; ')}</p> : null}
      <label className="citation-card-style">
        Style{' '}
        <select value={style} onChange={(event) => setCitationStyle(event.target.value as CitationStyleId)}>
          {CITATION_STYLES.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
