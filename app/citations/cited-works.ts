/**
 * The Cited Works index: every work the library's documents cite, merged across documents that
 * spell it differently, with where it is cited and where its author is named without a
 * citation. Seed 001 cites "Kuvshinova 2017"; seed 004 says "film critic Maria Kuvshinova has
 * noted" without citing anything: the index lists the work once, cited by 001 and mentioned by
 * 001 and 004.
 */
import type { CslItem } from '../documents/model';
import type { StoredCitation, StoredReference, StoredWork } from '../store/records';
import { pushTo } from './push-to';
import { findNamePairs, referenceSpans, type NamePair } from './name-pairs';
import { foldName } from '../text/fold';
import { sameName } from './same-person';
import { mergeItems, sameWork, workSignature, type WorkSignature } from './work-identity';

/** One printing of the work in one document's reference list. */
export interface CitedWorkVariant {
  docId: string;
  /** StoredReference.id. */
  referenceId: string;
  raw: string;
}

/** A name found in a text, where no citation was stored for it. */
export interface NameSpan {
  start: number;
  end: number;
  text: string;
}

/** The citations (or mentions) of a work in one document. */
export interface DocumentCitationsOf {
  docId: string;
  /** StoredCitation ids, in text order. */
  citationIds: string[];
}

/** The mentions of a work's author in one document. */
export interface DocumentMentionsOf extends DocumentCitationsOf {
  /** Full names found in the text of a document that does not list the work. */
  spans: NameSpan[];
}

/** One work, however many documents cite it and however they spell it. */
export interface CitedWork {
  /** Stable key: the smallest StoredReference.id among the variants. */
  key: string;
  /** The most complete description, gaps filled from the other variants; its id is `key`. */
  csl: CslItem;
  variants: CitedWorkVariant[];
  citedBy: DocumentCitationsOf[];
  mentionedBy: DocumentMentionsOf[];
  /** A document of the library that is this work, when there is one: the citation can be followed. */
  libraryDocId?: string;
  /** Ids of the works imported from the student's bibliography files that are this work; absent when none. */
  workIds?: string[];
}

/** What the index is built from: the library's rows. */
export interface CitedWorksInput {
  /** Documents; `text` lets the index find authors named in documents that do not cite them. */
  documents: readonly { id: string; title: string; metadata: CslItem; text?: string }[];
  references: readonly StoredReference[];
  citations: readonly StoredCitation[];
  /** Works imported from bibliography files: each joins the entry of the same work, or is one of its own. */
  works?: readonly StoredWork[];
}

/** Groups references that are one work; buckets by author and year (or DOI) keep it near linear. */
function groupReferences(references: readonly StoredReference[]): StoredReference[][] {
  const signatures = references.map((r) => workSignature(r.csl, r.raw));
  const parent = references.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] ?? i)));
  const buckets = new Map<string, number[]>();
  signatures.forEach((s, i) => {
    const keys = [s.family ? `${s.family}|${s.year ?? ''}` : `#${i}`, ...(s.doi ? [`doi:${s.doi}`] : [])];
    for (const key of keys) pushTo(buckets, key, i);
  });
  for (const members of buckets.values()) {
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const i = members[a] ?? 0;
        const j = members[b] ?? 0;
        if (sameWork(signatures[i] as WorkSignature, signatures[j] as WorkSignature)) parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, StoredReference[]>();
  references.forEach((r, i) => pushTo(groups, find(i), r));
  return [...groups.values()];
}

function byDocument(citations: readonly StoredCitation[]): DocumentCitationsOf[] {
  const docs = new Map<string, StoredCitation[]>();
  for (const c of citations) pushTo(docs, c.docId, c);
  return [...docs].map(([docId, list]) => ({ docId, citationIds: list.sort((a, b) => a.start - b.start).map((c) => c.id) }));
}

/** Authors worth looking for in other texts: full given names, not initials. */
function nameableAuthors(item: CslItem): string[] {
  return (item.author ?? []).filter((a) => a.family && (a.given ?? '').replace(/[.\s-]/gu, '').length > 1).map((a) => `${a.family ?? ''}, ${a.given ?? ''}`);
}

/** Full names of `authors` in documents that neither list the work nor are it. */
function textMentions(work: CitedWork, authors: string[], input: CitedWorksInput, pairsOf: (docId: string, text: string) => NamePair[]): DocumentMentionsOf[] {
  if (authors.length === 0) return [];
  const families = new Set(authors.map((a) => foldName(a.split(',')[0] ?? '').replace(/ /g, '')));
  const listing = new Set(work.variants.map((v) => v.docId));
  const found: DocumentMentionsOf[] = [];
  for (const doc of input.documents) {
    if (!doc.text || listing.has(doc.id) || doc.id === work.libraryDocId) continue;
    const spans = pairsOf(doc.id, doc.text)
      .filter((p) => families.has(foldName(p.family).replace(/ /g, '')) && authors.some((a) => sameName(a, p.text)))
      .map(({ start, end, text }) => ({ start, end, text }));
    if (spans.length > 0) found.push({ docId: doc.id, citationIds: [], spans });
  }
  return found;
}

function libraryDocument(signature: WorkSignature, documents: CitedWorksInput['documents']): string | undefined {
  return documents.find((d) => sameWork(signature, workSignature(d.metadata)))?.id;
}

/**
 * Imported works join the cited work they are (its description completed from theirs, its key
 * kept); a work no document cites becomes an entry of its own, keyed by its id, cited by none.
 */
function mergeImportedWorks(works: CitedWork[], imported: readonly StoredWork[], documents: CitedWorksInput['documents']): void {
  const buckets = new Map<string, { work: CitedWork; signature: WorkSignature }[]>();
  const keysOf = (s: WorkSignature) => [...(s.family ? [`${s.family}|${s.year ?? ''}`] : []), ...(s.doi ? [`doi:${s.doi}`] : [])];
  const index = (work: CitedWork) => {
    const signature = workSignature(work.csl);
    for (const key of keysOf(signature)) pushTo(buckets, key, { work, signature });
  };
  works.forEach(index);
  for (const stored of imported) {
    const signature = workSignature(stored.csl);
    const match = keysOf(signature)
      .flatMap((key) => buckets.get(key) ?? [])
      .find((entry) => sameWork(entry.signature, signature))?.work;
    if (match) {
      match.csl = mergeItems([match.csl, stored.csl], match.key);
      match.workIds = [...(match.workIds ?? []), stored.id];
      continue;
    }
    const libraryDocId = libraryDocument(signature, documents);
    const own: CitedWork = { key: stored.id, csl: { ...stored.csl, id: stored.id }, variants: [], citedBy: [], mentionedBy: [], workIds: [stored.id], ...(libraryDocId ? { libraryDocId } : {}) };
    works.push(own);
    index(own);
  }
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Bibliography order: first author (else editor), year, title. */
function bibliographyOrder(a: CitedWork, b: CitedWork): number {
  const name = (w: CitedWork) => {
    const first = w.csl.author?.[0] ?? w.csl.editor?.[0];
    return first?.family ?? first?.literal ?? w.csl.title ?? '';
  };
  const year = (w: CitedWork) => w.csl.issued?.['date-parts']?.[0]?.[0] ?? 9999;
  return collator.compare(name(a), name(b)) || year(a) - year(b) || collator.compare(a.csl.title ?? '', b.csl.title ?? '') || collator.compare(a.key, b.key);
}

/**
 * The Cited Works index of a library, sorted as a bibliography (author, year, title). Each
 * work lists its printings, the documents citing it and the documents naming its author
 * without a citation: by a stored mention in a document that lists the work, or by a full name
 * found in the text of one that does not.
 */
export function buildCitedWorks(input: CitedWorksInput): CitedWork[] {
  const referencesByDoc = new Map<string, StoredReference[]>();
  for (const r of input.references) pushTo(referencesByDoc, r.docId, r);
  const citationsByReference = new Map<string, StoredCitation[]>();
  for (const c of input.citations) for (const id of new Set(c.referenceIds)) pushTo(citationsByReference, id, c);

  const works = groupReferences(input.references).map((group): CitedWork => {
    const ordered = [...group].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const key = ordered[0]?.id ?? '';
    const csl = mergeItems(ordered.map((r) => r.csl), key);
    const citations = [...new Set(ordered.flatMap((r) => citationsByReference.get(r.id) ?? []))];
    const libraryDocId = libraryDocument(workSignature(csl), input.documents);
    return {
      key,
      csl,
      variants: ordered.map((r) => ({ docId: r.docId, referenceId: r.id, raw: r.raw })),
      citedBy: byDocument(citations.filter((c) => c.kind !== 'mention')),
      mentionedBy: byDocument(citations.filter((c) => c.kind === 'mention')).map((m) => ({ ...m, spans: [] })),
      ...(libraryDocId ? { libraryDocId } : {}),
    };
  });
  mergeImportedWorks(works, input.works ?? [], input.documents);
  // Each text is scanned once, and only when some work has an author worth looking for.
  const pairs = new Map<string, NamePair[]>();
  const pairsOf = (docId: string, text: string): NamePair[] => {
    let found = pairs.get(docId);
    if (!found) {
      found = findNamePairs(text, referenceSpans(text, (referencesByDoc.get(docId) ?? []).map((r) => r.raw)));
      pairs.set(docId, found);
    }
    return found;
  };
  for (const work of works) work.mentionedBy.push(...textMentions(work, nameableAuthors(work.csl), input, pairsOf));
  return works.sort(bibliographyOrder);
}
