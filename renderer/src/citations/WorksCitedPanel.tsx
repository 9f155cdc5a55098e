import { useEffect, useState } from 'react';
import type { StoredCitation, StoredReference } from '../../../app/store/records';
import { useCitationStyle } from './citation-style';
import { loadExport } from './styles';

/** Props of a document's Works Cited panel. */
export interface WorksCitedPanelProps {
  references: readonly StoredReference[];
  citations: readonly StoredCitation[];
  onJump: (offset: number) => void;
  /** Opens the editor for one entry. */
  onEdit: (referenceId: string) => void;
  onExport: () => void;
}

/** The document's reference list, parsed and formatted, with how often each entry is cited. */
export function WorksCitedPanel({ references, citations, onJump, onEdit, onExport }: WorksCitedPanelProps) {
  const style = useCitationStyle();
  const [formatted, setFormatted] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadExport().then((exporter) => {
      if (live) setFormatted(references.map((reference) => {
        const result = exporter.formatBibliography([reference.csl], style);
        return result.ok ? result.value.trim() : reference.raw;
      }));
    });
    return () => {
      live = false;
    };
  }, [references, style]);

  if (references.length === 0) {
    return (
      <aside className="highlight-sidebar works-cited" aria-label="Works Cited">
        <p className="sidebar-empty">Lectern found no reference list in this document.</p>
      </aside>
    );
  }
  return (
    <aside className="highlight-sidebar works-cited" aria-label="Works Cited">
      <div className="works-cited-head">
        <span>{references.length} works cited</span>
        <button type="button" className="button button-small" onClick={onExport}>
          Export…
        </button>
      </div>
      <ol className="works-cited-list">
        {references.map((reference, index) => {
          const count = citations.filter((citation) => citation.kind !== 'mention' && citation.referenceIds.includes(reference.id)).length;
          const mentions = citations.filter((citation) => citation.kind === 'mention' && citation.referenceIds.includes(reference.id)).length;
          return (
            <li key={reference.id} className="works-cited-entry">
              <button type="button" className="works-cited-button" onClick={() => reference.start !== undefined && onJump(reference.start)}>
                <span className="works-cited-text">{formatted?.[index] ?? reference.raw}</span>
                <span className="works-cited-meta">
                  {count ? `cited ${count}×` : 'not cited in the text'}
                  {mentions ? ` · mentioned ${mentions}×` : ''} · {reference.csl.id}
                </span>
              </button>
              <button type="button" className="button button-quiet button-small works-cited-edit" onClick={() => onEdit(reference.id)} aria-label={`Edit the details of ${reference.csl.id}`}>
                Edit{reference.parsedCsl ? ' (edited)' : ''}
              </button>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
