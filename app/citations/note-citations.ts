/**
 * Citations in the notes of a notes-and-bibliography text (Chicago notes, German humanities
 * footnotes), linked to the bibliography by what they print: an author's family name followed by
 * the opening words of the title, in full ("Benedict Anderson, Imagined Communities: Reflections
 * … (London: Verso, 1983), 6.") or short ("Anderson, Imagined Communities, 141."). What names
 * no title points back: "Ibid., 46." and "Ebd." to the work cited last, "Anderson, 7." and
 * "Anderson, a. a. O., S. 12" to the author's work cited last, "Anderson, see n. 2, p. 7."
 * (biblatex's verbose-note) to the author's work cited in note 2, "Ders., From Caligari …" to
 * the work of the author cited last. None of these forms is read unless some note names a
 * work by author and title: without that, a name and a number in a note are prose.
 */
import type { CslItem, CslName } from '../documents/model';
import type { LinkableReference, LinkedCitation } from './linking';
import { foldName } from '../text/fold';
import type { Note } from './notes';
import { opensWithRepeatedNames } from './repeated-authors';
import { titleWords } from './work-identity';

/** A word of a note: folded, with its offsets in the text. */
interface Word {
  key: string;
  /** The key of what follows the word's last apostrophe ("image" of "L’image"), as titles fold it. */
  tail: string;
  start: number;
  end: number;
}

/** What matching needs of one entry. */
interface Work {
  ref: LinkableReference;
  /** Name sequences that stand for the first creator: with particle, without, a corporate name. */
  names: string[][];
  /** Folded words of all creators' names, which may stand between the first name and the title. */
  nameWords: Set<string>;
  /** Those and the words the entry prints before its title: what may stand before the family name in a note. */
  givenWords: Set<string>;
  /**
   * Folded content words of the title, in order: as the parser read it and, in case it read the
   * given name into the title ("Benedict: Imagined Communities"), as the entry prints it after
   * its names.
   */
  titles: string[][];
  year?: number;
}

/** Articles a short title drops ("The Imperial Trace" -> "Imperial Trace"). */
const ARTICLES = new Set(['the', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'les', 'une', 'los', 'las', 'gli']);
/** Words between the creators' names and the title ("and", "Hrsg.", "trans."). */
const CONNECTORS = new Set(['and', 'und', 'et', 'eds', 'ed', 'hrsg', 'hg', 'trans', 'by', 'dir', 'comp', 'see', 'also']);

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*|\d+/gu;

function wordsOf(text: string, offset: number): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const bare = m[0].replace(/['’]s$/u, '');
    const key = /^\d+$/u.test(bare) ? bare : foldName(bare).replace(/ /gu, '');
    const tail = /['’]/u.test(bare) ? foldName(bare.replace(/^.*['’]/u, '')).replace(/ /gu, '') : key;
    if (key) words.push({ key, tail, start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return words;
}

function creators(csl: CslItem): CslName[] {
  return csl.author?.length ? csl.author : (csl.editor ?? []);
}

function folded(text: string | undefined): string[] {
  return foldName(text ?? '').split(' ').filter(Boolean);
}

/** biblatex's repeated-author dash as a PDF gives it: one em dash ("— Theory of Film."). */
const ONE_DASH = /^\s{0,8}[—–]\s/u;

/** A repeated-name mark the parser took for a name ("Ders", "———"). */
const MARK_NAME = /^(?:[—–_\-.\s]+|ders|dies|dens|dems|idem|eadem|id)\.?$/iu;

/** An entry as note matching reads it: linkable, with its text as printed. */
export type NotedReference = LinkableReference & { raw?: string };

/**
 * What matching needs of each entry. An entry that opens with a repeated-name mark ("———.") and
 * came out of the parser without names has those of the entry before it.
 */
function worksOf(references: NotedReference[]): Work[] {
  const works: Work[] = [];
  let before: CslName[] = [];
  for (const ref of references) {
    const own = creators(ref.csl);
    const marked = ref.raw !== undefined && (opensWithRepeatedNames(ref.raw) || ONE_DASH.test(ref.raw));
    const people = marked && (own.length === 0 || MARK_NAME.test(own[0]?.family ?? own[0]?.literal ?? '')) ? before : own;
    if (people.length > 0) before = people;
    const work = workOf(ref, people);
    if (work) works.push(work);
  }
  return works;
}

/**
 * An entry as printed, split where its names end: at the first full stop or colon after the
 * family name that is not an initial's, unless the initial ends the names ("Adorno, Theodor W.
 * “Filmtransparente”", "Mulvey, L. (1975). Visual …", "Anderson, Benedict: Imagined …").
 */
function printedParts(raw: string, family: string[]): { names: string[]; title: string[] } {
  const words = raw.split(/\s+/u);
  const at = words.findIndex((w) => folded(w).join('') === family.join(''));
  if (at < 0) {
    // An entry that repeats the names of the one before with a mark prints its title right after it.
    const mark = /^\s{0,8}(?:[—–_-]+|(?:Ders|Dies|Idem|Eadem|Id)\b\.?)\s{0,2}[.,:]?\s{0,2}/u.exec(raw);
    return mark ? { names: [], title: [...titleWords(raw.slice(mark[0].length, mark[0].length + 200))].filter((w) => !ARTICLES.has(w)).slice(0, 12) } : { names: [], title: [] };
  }
  const from = words.slice(0, at).join(' ').length;
  for (const m of raw.slice(from, from + 200).matchAll(/[.:](?=\s)/gu)) {
    const cut = from + m.index + 1;
    const initial = /(?:^|[\s.(-])\p{Lu}$/u.test(raw.slice(Math.max(0, cut - 3), cut - 1));
    if (initial && /^\s(?:\p{Lu}\.|and\b|und\b|&|\p{Ll})/u.test(raw.slice(cut, cut + 5))) continue;
    return { names: folded(raw.slice(0, cut)), title: [...titleWords(raw.slice(cut, cut + 200))].filter((w) => !ARTICLES.has(w)).slice(0, 12) };
  }
  return { names: [], title: [] };
}

function workOf(ref: NotedReference, people: CslName[]): Work | undefined {
  const first = people[0];
  if (!first) return undefined;
  const family = folded(first.family);
  const particle = folded(first['non-dropping-particle']);
  const literal = folded(first.literal?.split(',')[0]);
  const names = [particle.length ? [...particle, ...family] : [], family, literal].filter((n) => n.length > 0 && n.length <= 5);
  if (names.length === 0) return undefined;
  const printed = printedParts(ref.raw ?? '', family.length ? family : literal);
  const nameWords = new Set(people.flatMap((p) => [...folded(p.family), ...folded(p.given), ...folded(p['non-dropping-particle']), ...folded(p.literal)]));
  const parsed = [...titleWords(ref.csl.title)].filter((w) => !ARTICLES.has(w));
  // The parser may have read a given name into the title: the title without the printed names before it.
  let lead = 0;
  while (lead < parsed.length && printed.names.includes(parsed[lead]!) && !nameWords.has(parsed[lead]!)) lead++;
  const titles = [parsed, parsed.slice(lead), printed.title].filter((t, k, all) => t.length > 0 && all.findIndex((u) => u.join(' ') === t.join(' ')) === k);
  const year = ref.csl.issued?.['date-parts']?.[0]?.[0];
  const inTitles = new Set([...parsed.slice(lead), ...printed.title]);
  // Names the parser missed (a second author) may stand between the first name and the title too.
  for (const w of printed.names) if (!inTitles.has(w)) nameWords.add(w);
  const givenWords = new Set([...nameWords, ...printed.names.filter((w) => /^\p{L}/u.test(w))]);
  return titles.length > 0 ? { ref, names, nameWords, givenWords, titles, ...(year !== undefined ? { year } : {}) } : undefined;
}

/** A word a title's content words leave out ("of", "and", "the", "die"). */
function minor(key: string): boolean {
  return ARTICLES.has(key) || titleWords(key).size === 0;
}

/** Where a work's first creator is named at word `at`; the index after the name, or -1. */
function nameAt(words: Word[], at: number, work: Work): number {
  for (const name of work.names) if (name.every((key, k) => words[at + k]?.key === key)) return at + name.length;
  return -1;
}

/**
 * How many of the title's opening words follow the name at word `from`, other creators' names
 * and role words skipped; 0 when the title does not start within two words.
 */
function titlePrefix(text: string, words: Word[], from: number, until: number, work: Work): { n: number; length: number } {
  let best = { n: 0, length: 1 };
  for (const title of work.titles) {
    const n = prefixOf(text, words, from, until, work, title);
    if (n > best.n) best = { n, length: title.length };
  }
  return best;
}

function prefixOf(text: string, words: Word[], from: number, until: number, work: Work, title: string[]): number {
  let k = from;
  while (k < until && (work.nameWords.has(words[k]!.key) || CONNECTORS.has(words[k]!.key))) k++;
  while (k < until && minor(words[k]!.key)) k++;
  const is = (word: Word, key: string | undefined) => word.key === key || word.tail === key;
  if (k >= until || !is(words[k]!, title[0])) return 0;
  let n = 1;
  for (let j = k + 1; j < until && n < title.length; j++) {
    if (minor(words[j]!.key)) continue;
    if (!is(words[j]!, title[n])) break;
    n++;
  }
  if (n > 1 || title.length === 1) return n;
  // One word of a longer title: a short title that stops there ("Kuvshinova, “Tesnota,” who …").
  return /^\s?[,.:;”"’»]/u.test(text.slice(words[k]!.end, words[k]!.end + 2)) ? 1 : 0;
}

/** "Ibid.", "Ebd.", "Ebenda", "Ibidem" opening a citation. */
const IBID = /^(?:ibid|ibidem|ebd|ebenda|ib)\b\.?/iu;
/** "Ders.", "Dies.", "Idem", "Eadem": the author cited last. */
const SAME_AUTHOR = /^(?:ders|dies|dens|idem|eadem|id)\b\.?/iu;
/** What may stand before a citation in a note ("See", "Vgl.", "Compare"). */
const LEAD = /^\s{0,3}(?:(?:see|cf|compare|also|and|vgl|siehe|dazu|auch|ferner|erneut|s)\.?,?\s{1,3}){0,3}/iu;
/** "see n. 2", "above, n. 2", "vgl. Anm. 2", "wie Anm. 2", "s. Anm. 2": the note the work was cited in first. */
const SEE_NOTE = /^[,\s]{0,3}\(?(?:(?:see|cf\.|above,?|vgl\.|wie|s\.|siehe|oben,?)\s{1,2})?(?:n|nn|note|Anm|Fn|Fußnote)\.?\s{1,2}(\d{1,4})(?!\d)/iu;
/** "a. a. O.", "op. cit.", "loc. cit.": the author's work cited last. */
const OP_CIT = /^[,\s]{0,3}(?:a\.\s?a\.\s?O\.|op\.\s?cit\.|loc\.\s?cit\.)/iu;
/** Nothing but a locator after the name: "Anderson, 7." "Carsten, S. 189." (never a year: "Oxford: Berg, 2009."). */
const LOCATOR_ONLY = /^,\s{0,2}(?:(?:pp?|S|s|Bd|vol)\.\s?)?(?!(?:1[5-9]\d\d|20\d\d)(?!\d))([\divxlc]{1,6}(?:\s?[–-]\s?[\divxlc]{1,6})?)\s{0,2}(?:[.;]|$)/u;
/** A locator closing a citation: ", 36." ", S. 62–65." ", p. 405." */
const CLOSING_LOCATOR = /(?:,|:)\s{0,2}(?:(?:pp?|S|s)\.\s?)?(\d{1,4}(?:\s?[–-]\s?\d{1,4})?)\.?\s*$/u;

/** One work found in a note, before it becomes a citation. */
interface Found {
  work: Work;
  start: number;
  end: number;
  written: string;
  strong: boolean;
}

/** Works by the first word of each name that stands for their first creator. */
function indexByName(works: Work[]): Map<string, Work[]> {
  const index = new Map<string, Work[]>();
  for (const w of works) {
    for (const first of new Set(w.names.map((n) => n[0]!))) index.set(first, [...(index.get(first) ?? []), w]);
  }
  return index;
}

/** The works whose first creator is named at word `at`, and the index after the longest such name. */
function namedAt(words: Word[], at: number, index: Map<string, Work[]>): { works: Work[]; after: number } | undefined {
  let after = -1;
  let named: Work[] = [];
  for (const w of index.get(words[at]!.key) ?? []) {
    const end = nameAt(words, at, w);
    if (end > after) {
      after = end;
      named = [w];
    } else if (end === after && end >= 0) named.push(w);
  }
  return after > at ? { works: named, after } : undefined;
}

/** The work among `candidates` whose title opens longest after word `from`; undefined for none. */
function bestByTitle(text: string, words: Word[], from: number, until: number, candidates: Work[]): Work | undefined {
  let best: Work | undefined;
  let score = 0;
  for (const work of candidates) {
    const { n, length } = titlePrefix(text, words, from, until, work);
    const value = n + n / length;
    if (n > 0 && value > score) {
      best = work;
      score = value;
    }
  }
  return best;
}

/** Where the first creator's name starts, given names before the family included ("Benedict Anderson"). */
function givenStart(words: Word[], at: number, work: Work): number {
  let k = at;
  while (k > 0 && k > at - 4 && work.givenWords.has(words[k - 1]!.key)) k--;
  return words[k]!.start;
}

/** Index of the next word, from `from`, that names another work's first creator; words.length if none. */
function nextName(words: Word[], from: number, index: Map<string, Work[]>, own: Work[]): number {
  const ownWords = new Set(own.flatMap((w) => [...w.nameWords]));
  for (let k = from; k < words.length; k++) {
    // A co-author of the same work ("Negt und Alexander Kluge") is not another citation.
    if (ownWords.has(words[k]!.key) && k < from + 8) continue;
    if (namedAt(words, k, index)) return k;
  }
  return words.length;
}

/** What the citations found so far say, for the forms that point back. */
class NoteMemory {
  previous: Work | undefined;
  strongSeen = false;
  private readonly lastOfAuthor = new Map<string, Work>();
  private readonly inNote = new Map<number, Work[]>();

  remember(work: Work, note: number, strong: boolean): void {
    this.previous = work;
    for (const n of work.names) this.lastOfAuthor.set(n.join(' '), work);
    this.inNote.set(note, [...(this.inNote.get(note) ?? []), work]);
    if (strong) this.strongSeen = true;
  }

  /** The work of one of `named` that a short form without a title points at, if any. */
  pointedAt(named: Work[], tail: string): Work | undefined {
    const seeNote = SEE_NOTE.exec(tail);
    if (seeNote) return this.inNote.get(Number(seeNote[1]))?.find((w) => named.includes(w));
    if (!OP_CIT.test(tail) && !LOCATOR_ONLY.test(tail)) return undefined;
    const recent = named.map((w) => this.lastOfAuthor.get(w.names[0]!.join(' '))).find((w) => w !== undefined && named.includes(w));
    return recent ?? (named.length === 1 ? named[0] : undefined);
  }
}

/** The citations of one ";"-separated part of a note, [start, end) of the text. */
function citationsOfPart(text: string, start: number, end: number, works: Work[], index: Map<string, Work[]>, memory: NoteMemory): Found[] {
  const piece = text.slice(start, end);
  const lead = LEAD.exec(piece)?.[0].length ?? 0;
  const at = start + lead;
  const body = piece.slice(lead);
  const ibid = IBID.exec(body);
  if (ibid && memory.previous) return [{ work: memory.previous, start: at, end, written: ibid[0], strong: false }];
  const words = wordsOf(piece, start);
  const same = SAME_AUTHOR.exec(body);
  if (same && memory.previous) {
    const author = memory.previous.names[0]!.join(' ');
    const from = words.findIndex((w) => w.start >= at + same[0].length);
    const theirs = works.filter((w) => w.names.some((n) => n.join(' ') === author));
    const best = from < 0 ? undefined : bestByTitle(text, words, from, words.length, theirs);
    return [{ work: best ?? memory.previous, start: at, end, written: same[0], strong: false }];
  }
  const found: Found[] = [];
  for (let i = 0; i < words.length; i++) {
    const named = namedAt(words, i, index);
    if (!named) continue;
    const next = nextName(words, named.after, index, named.works);
    const nameEnd = words[named.after - 1]!.end;
    const until = next < words.length ? words[next]!.start : end;
    const best = bestByTitle(text, words, named.after, next, named.works);
    // A name right after a place and its colon is a publisher ("Oxford: Berg, 2009").
    const publisher = /:\s{0,2}$/u.test(text.slice(Math.max(start, words[i]!.start - 3), words[i]!.start));
    const work = best ?? (memory.strongSeen && !publisher ? memory.pointedAt(named.works, text.slice(nameEnd, until)) : undefined);
    if (work) found.push({ work, start: givenStart(words, i, work), end: until, written: text.slice(words[i]!.start, nameEnd), strong: Boolean(best) });
    i = named.after - 1;
  }
  return found;
}

function toCitation(text: string, f: Found): LinkedCitation {
  const trimmed = text.slice(f.start, f.end).replace(/[\s.;,]+$/u, '');
  const end = f.start + trimmed.length;
  const year = f.work.year !== undefined && new RegExp(String.raw`(?<!\d)${f.work.year}(?!\d)`, 'u').test(trimmed) ? f.work.year : undefined;
  const pin = CLOSING_LOCATOR.exec(trimmed)?.[1];
  const locator = pin && pin !== String(year) ? pin : undefined;
  const item = { names: [f.written], ...(year !== undefined ? { year } : {}), ...(locator ? { locator } : {}), referenceIds: [f.work.ref.id] };
  return { text: trimmed, start: f.start, end, kind: 'note', items: [item], referenceIds: [f.work.ref.id], ...(locator ? { locator } : {}) };
}

/**
 * The citations in `notes`, linked to `references`, in order. `taken` are citations found
 * otherwise ("(Smith 2019)" in a note), which these give way to.
 */
export function findNoteCitations(text: string, notes: Note[], references: NotedReference[], taken: ReadonlyArray<{ start: number; end: number }> = []): LinkedCitation[] {
  const works = worksOf(references);
  if (works.length === 0 || notes.length === 0) return [];
  const index = indexByName(works);
  const memory = new NoteMemory();
  const found: LinkedCitation[] = [];
  for (const note of notes) {
    // Citations within a note are separated by semicolons.
    let partStart = note.start;
    for (const piece of text.slice(note.start, note.end).split(';')) {
      const partEnd = partStart + piece.length;
      for (const f of citationsOfPart(text, partStart, partEnd, works, index, memory)) {
        memory.remember(f.work, note.number, f.strong);
        const citation = toCitation(text, f);
        if (!taken.some((t) => citation.start < t.end && citation.end > t.start)) found.push(citation);
      }
      partStart = partEnd + 1;
    }
  }
  // Without a note that names a work by author and title, the text does not cite in its notes.
  return memory.strongSeen ? found : [];
}
