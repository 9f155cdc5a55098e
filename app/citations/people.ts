/**
 * The People index: everyone the library's documents are by, cite or name, with the spellings
 * merged ("Dar’ia Zhovner", "Darya Zhovner" and "Darya Zhovnar" are one actress) and people
 * kept apart whose names only look alike (Balagov and Balabanov).
 */
import type { CslItem, CslName } from '../documents/model';
import type { StoredReference } from '../store/records';
import { pushTo } from './push-to';
import { findNamePairs, referenceSpans, type NamePair } from './name-pairs';
import { foldName } from '../text/fold';
import { sameName, splitPerson } from './same-person';
import { hasSurnameEnding, isExactGivenName, isKnownGivenName, isNotNameWord } from './person-lexicon';

/** How a person comes into the library. */
export type PersonRole = 'author' | 'cited' | 'named';

/** One person, however spelled. */
export interface Person {
  /** The folded preferred name ("kuvsinova maria"), numbered when two people share it; unique in one index. */
  key: string;
  /** The preferred spelling: the most frequent, ties going to the one in a reference. */
  name: string;
  /** Every spelling seen, the preferred first. */
  variants: string[];
  /** In the order author, cited, named. */
  roles: PersonRole[];
  /** Documents the person is in, in input order; `count` is how often the text names them. */
  documents: { docId: string; count: number }[];
}

/** What the index is built from. */
export interface PeopleInput {
  documents: readonly { id: string; title: string; text: string; metadata: CslItem }[];
  references: readonly Pick<StoredReference, 'docId' | 'raw' | 'csl'>[];
}

/** One sighting of a name. */
interface Occurrence {
  written: string;
  /** Folded family and first given name used for grouping ("" given when unknown). */
  family: string;
  given: string;
  role: PersonRole;
  docId: string;
  /** Where a text names the person by this occurrence's family word. */
  familyAt?: number;
}

const ROLE_ORDER: readonly PersonRole[] = ['author', 'cited', 'named'];

function displayName(name: CslName): string {
  return [name.given, name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
}

function fromName(name: CslName, role: PersonRole, docId: string): Occurrence | undefined {
  if (!name.family) return undefined;
  const { family, given } = splitPerson(`${[name['non-dropping-particle'], name.family].filter(Boolean).join(' ')}, ${name.given ?? ''}`);
  return family ? { written: displayName(name), family, given, role, docId } : undefined;
}

/** Russian case endings on both words ("Fond Aleksandra Sokurova": genitive of Aleksandr Sokurov). */
const INFLECTIONS: readonly [RegExp, RegExp][] = [
  [/a$/u, /a$/u],
  [/om$/u, /[yi]m$/u],
];

/** Names already known, filed by folded family name so a lookup compares only namesakes. */
class NameBook {
  private readonly byFamily = new Map<string, string[]>();

  add(name: string): void {
    pushTo(this.byFamily, splitPerson(name).family, name);
  }

  has(name: string): boolean {
    return (this.byFamily.get(splitPerson(name).family) ?? []).some((known) => sameName(known, name));
  }
}

/** Scores a pair: known given name 2, a name the references give 2, surname ending 1, recurring 1. */
function isPerson(pair: NamePair, seen: NameBook, recurring: boolean): boolean {
  if (isNotNameWord(pair.given) || isNotNameWord(pair.family) || !/\p{Ll}/u.test(pair.family)) return false;
  let score = 0;
  if (isKnownGivenName(pair.given)) score += 2;
  if (seen.has(pair.text)) score += 2;
  if (hasSurnameEnding(pair.family)) score += 1;
  if (recurring) score += 1;
  return score >= 2;
}

/** The pair without a case ending, when that names someone already known. */
function uninflected(pair: NamePair, known: NameBook): string | undefined {
  for (const [givenEnd, familyEnd] of INFLECTIONS) {
    if (!givenEnd.test(pair.given) || !familyEnd.test(pair.family)) continue;
    const base = `${pair.given.replace(givenEnd, '')} ${pair.family.replace(familyEnd, '')}`;
    if (known.has(base)) return base;
  }
  return undefined;
}

function textOccurrences(input: PeopleInput, seen: readonly string[], rawsOf: (docId: string) => string[]): Occurrence[] {
  const pairsByDoc = input.documents.map((doc) => ({ doc, pairs: findNamePairs(doc.text, referenceSpans(doc.text, rawsOf(doc.id))) }));
  const counts = new Map<string, number>();
  for (const { pairs } of pairsByDoc) for (const p of pairs) counts.set(foldName(p.text), (counts.get(foldName(p.text)) ?? 0) + 1);
  const book = new NameBook();
  for (const name of seen) book.add(name);
  const accepted = pairsByDoc.flatMap(({ doc, pairs }) => pairs.filter((p) => isPerson(p, book, (counts.get(foldName(p.text)) ?? 0) > 1)).map((pair) => ({ doc, pair })));
  for (const { pair } of accepted) book.add(pair.text);
  const occurrences: Occurrence[] = [];
  const add = (docId: string, pair: NamePair, as: string) =>
    occurrences.push({ written: pair.text, ...splitPerson(as), role: 'named', docId, familyAt: pair.end - pair.family.length });
  const inflected = new Set<NamePair>();
  for (const { doc, pairs } of pairsByDoc) {
    for (const pair of pairs) {
      const base = uninflected(pair, book);
      if (base) {
        inflected.add(pair);
        add(doc.id, pair, base);
      }
    }
  }
  for (const { doc, pair } of accepted) if (!inflected.has(pair)) add(doc.id, pair, pair.text);
  return occurrences;
}

/**
 * Groups the occurrences of one family name into people: full given names that are compatible
 * (same after folding, or one typo apart) join; initials and missing given names then join the
 * most frequent compatible person, so "M." never bridges Mariia and Mikhail.
 */
function clusterFamily(occurrences: Occurrence[]): Occurrence[][] {
  const full = occurrences.filter((o) => o.given.length > 1);
  const givens = [...new Set(full.map((o) => o.given))];
  const parent = new Map(givens.map((g) => [g, g]));
  const find = (g: string): string => (parent.get(g) === g ? g : find(parent.get(g) ?? g));
  const family = occurrences[0]?.family ?? '';
  for (let a = 0; a < givens.length; a++) {
    for (let b = a + 1; b < givens.length; b++) {
      if (sameName(`${family}, ${givens[a]}`, `${family}, ${givens[b]}`)) parent.set(find(givens[a] ?? ''), find(givens[b] ?? ''));
    }
  }
  const clusters = new Map<string, Occurrence[]>();
  for (const o of full) pushTo(clusters, find(o.given), o);
  const groups = [...clusters.values()].sort((a, b) => b.length - a.length);
  for (const o of occurrences.filter((x) => x.given.length <= 1)) {
    const home = groups.find((g) => !o.given || g.some((x) => x.given[0] === o.given));
    if (home) home.push(o);
    else groups.push([o]);
  }
  return groups;
}

/**
 * Spellings, the preferred first: one whose given name is a real name ("Artem", not the slip
 * "Atrem") before the rest, then the most frequent, then one a reference gives.
 */
function preferredSpelling(group: Occurrence[]): string[] {
  const tally = new Map<string, { count: number; referenced: boolean; first: number; realGiven: boolean }>();
  group.forEach((o, i) => {
    const t = tally.get(o.written) ?? { count: 0, referenced: false, first: i, realGiven: isExactGivenName(o.written.split(' ')[0] ?? '') };
    tally.set(o.written, { ...t, count: t.count + 1, referenced: t.referenced || o.role !== 'named' });
  });
  // A slip only loses to a real name: where no spelling's given name is known, frequency decides.
  return [...tally]
    .sort(([, a], [, b]) => Number(b.realGiven) - Number(a.realGiven) || b.count - a.count || Number(b.referenced) - Number(a.referenced) || a.first - b.first)
    .map(([written]) => written);
}

/** A capitalised word in a text, where it is and how it is written (possessive dropped). */
interface WordAt {
  at: number;
  written: string;
  /** After "the": "to the West" is a direction, "the Tarkovsky tradition" a person. */
  afterThe: boolean;
}

/**
 * Capitalised words per document, by folded form, for counting bare family names. A word that
 * the same text also writes in lower case ("More" where "more" occurs) is a common word.
 */
function familyWords(input: PeopleInput, rawsOf: (docId: string) => string[]): Map<string, Map<string, WordAt[]>> {
  const byDoc = new Map<string, Map<string, WordAt[]>>();
  for (const doc of input.documents) {
    const skip = referenceSpans(doc.text, rawsOf(doc.id));
    const lowerWords = new Set(doc.text.match(/(?<![\p{L}\p{M}'’-])\p{Ll}[\p{L}\p{M}]*/gu) ?? []);
    const words = new Map<string, WordAt[]>();
    for (const m of doc.text.matchAll(/(?<![\p{L}\p{M}'’-])\p{Lu}[\p{L}\p{M}'’-]+/gu)) {
      if (skip.some((s) => m.index >= s.start && m.index < s.end)) continue;
      const written = m[0].replace(/['’]s?$/u, '');
      if (isNotNameWord(written) || lowerWords.has(written.toLowerCase())) continue;
      const key = foldName(written).replace(/ /g, '');
      pushTo(words, key, { at: m.index, written, afterThe: /\bthe\s+$/iu.test(doc.text.slice(Math.max(0, m.index - 5), m.index)) });
    }
    byDoc.set(doc.id, words);
  }
  return byDoc;
}

/** The family names a group is written with ("Moore"), for matching bare mentions exactly. */
function familySpellings(group: readonly Occurrence[]): Set<string> {
  return new Set(group.map((o) => o.written.split(' ').at(-1) ?? ''));
}

/**
 * The People index of a library, sorted by family name: the documents' authors, the authors and
 * editors of the works they cite, and the people their texts name in full. A bare family name
 * ("Balagov") adds to a person's count in a document when no one else in the library has it.
 */
export function buildPeopleIndex(input: PeopleInput): Person[] {
  const listed: Occurrence[] = [
    ...input.documents.flatMap((d) => (d.metadata.author ?? []).map((n) => fromName(n, 'author', d.id))),
    ...input.references.flatMap((r) => [...(r.csl.author ?? []), ...(r.csl.editor ?? [])].map((n) => fromName(n, 'cited', r.docId))),
  ].filter((o): o is Occurrence => o !== undefined);
  const seen = listed.filter((o) => o.given.length > 1).map((o) => o.written);
  const raws = new Map<string, string[]>();
  for (const r of input.references) pushTo(raws, r.docId, r.raw);
  const rawsOf = (docId: string) => raws.get(docId) ?? [];
  const all = [...listed, ...textOccurrences(input, seen, rawsOf)];
  const byFamily = new Map<string, Occurrence[]>();
  for (const o of all) pushTo(byFamily, o.family, o);
  const groups = [...byFamily.values()].flatMap(clusterFamily);
  const familyOwners = new Map<string, number>();
  for (const g of groups) familyOwners.set(g[0]?.family ?? '', (familyOwners.get(g[0]?.family ?? '') ?? 0) + 1);
  const words = familyWords(input, rawsOf);
  const keys = new Set<string>();
  const people = groups.map((group): Person => {
    const variants = preferredSpelling(group);
    const name = variants[0] ?? '';
    let key = foldName(name);
    for (let n = 2; keys.has(key); n++) key = `${foldName(name)} ${n}`;
    keys.add(key);
    const family = group[0]?.family ?? '';
    const spellings = familySpellings(group);
    const documents = input.documents.flatMap((doc) => {
      const mine = group.filter((o) => o.docId === doc.id);
      const at = new Set(mine.flatMap((o) => (o.familyAt === undefined ? [] : [o.familyAt])));
      // A bare family name counts only as written ("Moore", never the word "More" it folds with),
      // and after "the" only where the text also names the person in full.
      const namedInFull = mine.some((o) => o.familyAt !== undefined);
      if (familyOwners.get(family) === 1) {
        for (const word of words.get(doc.id)?.get(family) ?? []) if (spellings.has(word.written) && (!word.afterThe || namedInFull)) at.add(word.at);
      }
      return mine.length > 0 || at.size > 0 ? [{ docId: doc.id, count: at.size }] : [];
    });
    const roles = ROLE_ORDER.filter((role) => group.some((o) => o.role === role));
    return { key, name, variants, roles, documents };
  });
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  const familyOf = (p: Person) => p.name.split(' ').at(-1) ?? p.name;
  return people.sort((a, b) => collator.compare(familyOf(a), familyOf(b)) || collator.compare(a.name, b.name));
}
