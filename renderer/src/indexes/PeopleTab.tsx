import { useMemo } from 'react';
import type { PersonRole } from '../../../app/citations/people';
import { DocumentLinks } from './DocumentLinks';
import { matchesFilter, type PersonEntry } from './index-data';
import { IndexList } from './IndexList';

/** Props of the People tab. */
export interface PeopleTabProps {
  people: readonly PersonEntry[];
  filter: string;
  titles: ReadonlyMap<string, string>;
  onOpenDocument: (docId: string, offset?: number) => void;
}

const ROLES: Record<PersonRole, { label: string; title: string }> = {
  author: { label: 'author', title: 'Wrote a document in your library' },
  cited: { label: 'cited', title: 'Wrote or edited a work your documents cite' },
  named: { label: 'named', title: 'Named in the text of a document' },
};

/** The preferred spelling with the family name (the sort key) set off: "Kantemir <b>Balagov</b>". */
function PersonName({ name }: { name: string }) {
  const cut = name.lastIndexOf(' ');
  if (cut < 0) return <span className="person-family">{name}</span>;
  return (
    <>
      {name.slice(0, cut + 1)}
      <span className="person-family">{name.slice(cut + 1)}</span>
    </>
  );
}

/** Everyone the library's documents are by, cite or name, spellings merged, by family name. */
export function PeopleTab({ people, filter, titles, onOpenDocument }: PeopleTabProps) {
  const shown = useMemo(() => people.filter((person) => matchesFilter(person.search, filter)), [people, filter]);
  if (people.length === 0) return <p className="index-empty">Import a source to see its authors, the authors it cites and the people it names.</p>;
  return (
    <IndexList
      items={shown}
      total={people.length}
      noun="person"
      nounPlural="people"
      filter={filter}
      render={(person) => (
        <li key={person.key} className="index-row person-row" data-person-key={person.key}>
          <div className="person-head">
            <span className="person-name">
              <PersonName name={person.name} />
            </span>
            {person.roles.map((role) => (
              <span key={role} className={`role-badge role-${role}`} title={ROLES[role].title}>
                {ROLES[role].label}
              </span>
            ))}
          </div>
          {person.otherSpellings.length > 0 ? <p className="person-spellings">also spelled {person.otherSpellings.join(', ')}</p> : null}
          <DocumentLinks label="Named in" links={person.documents} titles={titles} countLabel={(n) => `${n}×`} onOpenDocument={onOpenDocument} />
        </li>
      )}
    />
  );
}
