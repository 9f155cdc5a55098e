import { useEffect, useRef } from 'react';
import { snippetParts, type HitGroup } from './search-results';
import type { SearchHit } from './search-service';

/** Props of the results list. */
export interface SearchResultsProps {
  groups: HitGroup[];
  /** Every hit in display order; `active` indexes it. */
  ordered: SearchHit[];
  active: number;
  /** Prefix of each option's id, for aria-activedescendant. */
  idPrefix: string;
  onHover: (index: number) => void;
  onChoose: (hit: SearchHit) => void;
}

const GROUP_HINT: Record<SearchHit['kind'], string> = { document: 'Open at the match', highlight: 'Show the highlight', notebook: 'Open the notebook' };

/** Search hits under their group headings, each with its snippet and the matched words marked. */
export function SearchResults({ groups, ordered, active, idPrefix, onHover, onChoose }: SearchResultsProps) {
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <div ref={listRef}>
      {groups.map((group) => (
        <div key={group.kind} className="search-group" role="group" aria-label={group.label}>
          <div className="search-group-label">{group.label}</div>
          {group.hits.map((hit) => {
            const index = ordered.indexOf(hit);
            return (
              <div
                key={`${hit.kind}:${hit.docId ?? ''}:${hit.annotationId ?? hit.notebookId ?? ''}`}
                id={`${idPrefix}-${index}`}
                role="option"
                aria-selected={index === active}
                className={`search-hit${index === active ? ' active' : ''}`}
                data-kind={hit.kind}
                title={GROUP_HINT[hit.kind]}
                // Keeps the focus in the field, so the list does not close before the click lands.
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => index !== active && onHover(index)}
                onClick={() => onChoose(hit)}
              >
                <div className="search-hit-title">{hit.kind === 'highlight' ? `Highlight in ${hit.title}` : hit.title}</div>
                {hit.snippet.text ? (
                  <div className="search-hit-snippet">
                    {snippetParts(hit.snippet).map((part, at) => (part.marked ? <mark key={at}>{part.text}</mark> : <span key={at}>{part.text}</span>))}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
