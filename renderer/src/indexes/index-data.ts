/**
 * The rows of the library Index: the Cited Works and People indexes of app/citations, with what
 * the view needs besides: where to open each document (first citation, mention or naming) and
 * a folded text for the filter box. Pure, so it runs in the index worker and in unit tests.
 */
import { buildCitedWorks, type CitedWork } from '../../../app/citations/cited-works';
import { buildPeopleIndex, type PersonRole } from '../../../app/citations/people';
import type { CslItem, CslName } from '../../../app/documents/model';
import { findAll } from '../../../app/search/find-in-text';
import type { LibrarySources } from '../../../app/store/library-reads';
import { foldForFind, foldName } from '../../../app/text/fold';

/** A document a row links to. */
export interface DocumentLink {
  docId: string;
  /** Where to open it; absent when there is no one place (an author named only on the title page). */
  offset?: number;
  /** In-text citations (Cited Works) or namings (People) in this document. */
  count: number;
}

/** One row of the Cited Works tab. */
export interface WorkEntry {
  key: string;
  csl: CslItem;
  /** The entry as one document prints it, shown until the formatted reference is ready. */
  raw: string;
  /** Every distinct printing, when the documents spell the entry differently; else []. */
  spellings: string[];
  /** Documents citing the work, or listing it, at their first citation (else the list entry). */
  citedIn: DocumentLink[];
  /** Documents naming its author without a citation, at the first naming. */
  mentionedIn: DocumentLink[];
  /** In-text citations across the library. */
  citationCount: number;
  /** The work itself, when it is in the library. */
  libraryDocId?: string;
  /** Works imported from the student's bibliography files that are this work (StoredWork ids); absent when none. */
  workIds?: string[];
  /** Folded authors, editors and title, for the filter. */
  search: string;
}

/** One row of the People tab. */
export interface PersonEntry {
  key: string;
  name: string;
  /** Other spellings, the preferred one left out. */
  otherSpellings: string[];
  roles: PersonRole[];
  documents: DocumentLink[];
  search: string;
}

/** Both tabs' rows. */
export interface LibraryIndexes {
  works: WorkEntry[];
  people: PersonEntry[];
}

/** Case, diacritics and (for names) transliteration folded, so "Kuvšinova" finds "Kuvshinova". */
function folded(parts: readonly string[]): string {
  return parts.map((part) => `${foldForFind(part)}\n${foldName(part)}`).join('\n');
}

/** True when the row's folded text holds the query, folded the same way. */
export function matchesFilter(search: string, query: string): boolean {
  const q = query.trim();
  if (!q) return true;
  const plain = foldForFind(q);
  const name = foldName(q);
  return search.includes(plain) || (name !== '' && search.includes(name));
}

function nameText(name: CslName): string {
  return name.literal ?? [name.given, name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
}

function workEntry(work: CitedWork, citationStart: Map<string, number>, referenceStart: Map<string, number>): WorkEntry {
  const citedIn: DocumentLink[] = work.citedBy.map(({ docId, citationIds }) => ({
    docId,
    count: citationIds.length,
    ...optionalOffset(citationStart.get(citationIds[0] ?? '')),
  }));
  // A document that lists the work without citing it in the text still cites it: open it at the entry.
  for (const variant of work.variants) {
    if (citedIn.some((link) => link.docId === variant.docId)) continue;
    citedIn.push({ docId: variant.docId, count: 0, ...optionalOffset(referenceStart.get(variant.referenceId)) });
  }
  const mentionedIn = work.mentionedBy
    .filter((mention) => !work.citedBy.some((cited) => cited.docId === mention.docId))
    .map(({ docId, citationIds, spans }) => ({
      docId,
      count: citationIds.length + spans.length,
      ...optionalOffset(citationStart.get(citationIds[0] ?? '') ?? spans[0]?.start),
    }));
  const spellings = [...new Set(work.variants.map((v) => v.raw.trim()))];
  const names = [...(work.csl.author ?? []), ...(work.csl.editor ?? [])].map(nameText);
  return {
    key: work.key,
    csl: work.csl,
    raw: spellings[0] ?? plainReference(work.csl),
    spellings: spellings.length > 1 ? spellings : [],
    citedIn,
    mentionedIn,
    citationCount: citedIn.reduce((sum, link) => sum + link.count, 0),
    ...(work.libraryDocId ? { libraryDocId: work.libraryDocId } : {}),
    ...(work.workIds ? { workIds: work.workIds } : {}),
    search: folded([...names, work.csl.title ?? '', work.csl['container-title'] ?? '', ...spellings]),
  };
}

/** An imported work no document prints: author, year and title, until the formatted reference is ready. */
function plainReference(csl: CslItem): string {
  const names = (csl.author ?? csl.editor ?? []).map(nameText).join(', ');
  const year = csl.issued?.['date-parts']?.[0]?.[0];
  return [names, year === undefined ? '' : `(${year})`, csl.title ?? ''].filter(Boolean).join(' ');
}

function optionalOffset(offset: number | undefined): { offset?: number } {
  return offset === undefined ? {} : { offset };
}

/** The first place a text writes any of the spellings (case and diacritics aside), else the family name. */
export function firstOccurrence(text: string, spellings: readonly string[], foldedText = foldForFind(text)): number | undefined {
  const first = (needles: readonly string[]) => {
    const found = needles.flatMap((needle) => findAll(text, needle, 1, foldedText).map((m) => m.start));
    return found.length ? Math.min(...found) : undefined;
  };
  const families = spellings.map((s) => s.trim().split(/\s+/u).pop() ?? '').filter((f) => f.length > 2);
  return first(spellings) ?? first(families);
}

/** Builds both tabs' rows from the library's documents, references and citations. */
export function buildLibraryIndexes(sources: LibrarySources): LibraryIndexes {
  const citationStart = new Map(sources.citations.map((c) => [c.id, c.start]));
  const referenceStart = new Map(sources.references.flatMap((r) => (r.start === undefined ? [] : [[r.id, r.start] as const])));
  const works = buildCitedWorks(sources).map((work) => workEntry(work, citationStart, referenceStart));
  const foldedTexts = new Map<string, string>();
  const foldedText = (docId: string, text: string) => {
    let value = foldedTexts.get(docId);
    if (value === undefined) foldedTexts.set(docId, (value = foldForFind(text)));
    return value;
  };
  const texts = new Map(sources.documents.map((d) => [d.id, d.text]));
  const people = buildPeopleIndex(sources).map((person): PersonEntry => ({
    key: person.key,
    name: person.name,
    otherSpellings: person.variants.filter((v) => v !== person.name),
    roles: person.roles,
    // Where the person comes up most, first.
    documents: person.documents
      .map(({ docId, count }) => {
        const text = texts.get(docId) ?? '';
        return { docId, count, ...optionalOffset(count > 0 ? firstOccurrence(text, person.variants, foldedText(docId, text)) : undefined) };
      })
      .sort((a, b) => b.count - a.count),
    search: folded(person.variants),
  }));
  return { works, people };
}
