/**
 * Shapes of reference-list text: the headings that open a list, the starts of entries, and the
 * test for "this line reads like a bibliographic reference". Shared by the list finder and the
 * in-text citation finder (which needs to know whether a list is numbered).
 */

const HEADING_WORDS = [
  'works cited', 'works consulted', 'references', 'references cited', 'reference list', 'list of references',
  'bibliography', 'selected bibliography', 'select bibliography', 'literature cited', 'literature', 'sources',
  'sources cited', 'notes and references', 'cited works', 'cited literature', 'literatur', 'literaturverzeichnis',
  'quellen', 'quellenverzeichnis', 'bibliographie', 'références', 'références bibliographiques', 'bibliografía',
  'referencias', 'bibliografia', 'riferimenti bibliografici', 'literatuur', 'bibliografi', 'litteratur',
  'список литературы', 'список использованной литературы', 'литература', 'источники', 'библиография',
];

const HEADING = new RegExp(
  String.raw`^(?:(?:\d{1,2}(?:\.\d{1,2}){0,3}|[ivxlc]{1,6})[.)]?\s{1,4})?(?:${HEADING_WORDS.join('|')})\s{0,4}:?$`,
  'iu',
);

/** True for a line that is a reference-list heading ("Works Cited", "7. References:", "Литература"). */
export function isReferenceHeading(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length <= 60 && HEADING.test(trimmed);
}

/**
 * Headings of the parts of a bibliography split by kind of source ("Software", "Online sources",
 * "Primärliteratur"). Alone they name sections of any text, so they open a list only where one
 * list has just ended (see reference-lists.ts).
 */
const CATEGORY_WORDS = [
  'software', 'data', 'datasets', 'data sets', 'data sources', 'online sources', 'online resources', 'internet sources', 'web sources',
  'websites', 'web pages', 'primary sources', 'secondary sources', 'primary literature', 'secondary literature', 'archival sources',
  'archives', 'films', 'filmography', 'films cited', 'audiovisual sources', 'interviews', 'newspapers', 'newspaper articles',
  'periodicals', 'books', 'articles', 'journal articles', 'book chapters', 'reports', 'official documents', 'government documents',
  'legal sources', 'cases', 'statutes', 'printed sources', 'unpublished sources', 'manuscripts', 'further reading', 'other sources',
  'primärquellen', 'sekundärquellen', 'primärliteratur', 'sekundärliteratur', 'internetquellen', 'onlinequellen', 'online-quellen',
  'filmografie', 'filmographie', 'archivalien', 'gedruckte quellen', 'ungedruckte quellen', 'zeitungsartikel', 'weitere literatur',
  'sources primaires', 'sources secondaires', 'ouvrages', 'sites web', 'интернет-источники', 'электронные ресурсы', 'архивные источники',
];

const CATEGORY = new RegExp(
  String.raw`^(?:(?:\d{1,2}(?:\.\d{1,2}){0,3}|[ivxlc]{1,6}|[a-h])[.)]?\s{1,4})?(?:${CATEGORY_WORDS.join('|')})\s{0,4}:?$`,
  'iu',
);

/** True for a line that heads one kind of source in a split bibliography ("Software", "B. Online sources"). */
export function isCategoryHeading(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length <= 60 && CATEGORY.test(trimmed);
}

/** "[12]" or "12." / "12)" opening a numbered entry; group 1 or 2 holds the number. */
const NUMBER_LABEL = /^\s{0,8}(?:\[(\d{1,4})\]|(\d{1,4})[.)](?=\s))/u;

/** A family name, possibly hyphenated or with an apostrophe ("Yuval-Davis", "O’Brien"). */
const FAMILY = String.raw`\p{Lu}[\p{L}\p{M}'’\-]{0,40}`;
const PARTICLE = String.raw`(?:(?:van|von|de|der|den|du|da|di|del|della|la|le|ter|ten|dos|das)\s{1,3}){0,3}`;

/**
 * "Family, Given", "Family, G.", "Family G.", "G. Family" or, as JSS and Vancouver styles write
 * it, "Family GH," / "Family GH (2014)" at the start of an entry.
 */
const AUTHOR_START = new RegExp(
  String.raw`^\s{0,8}(?:${PARTICLE}${FAMILY}(?:\s{1,3}${FAMILY}){0,2},\s{1,3}\p{Lu}|${FAMILY}\s{1,3}\p{Lu}\.|\p{Lu}\.(?:\s{0,2}\p{Lu}\.){0,2}\s{1,3}${FAMILY}[,.\s]|${PARTICLE}${FAMILY}(?:\s{1,3}Jr)?\s{1,3}\p{Lu}{1,3}(?:,|\s{1,3}\())`,
  'u',
);

/** Repeated-author dashes ("———. 2019.") used by Chicago and MLA. */
const DASH_START = /^\s{0,8}(?:[—–-]{2,}|_{2,})/u;

const YEAR = /(?<![\p{L}\p{N}])(?:1[5-9]\d\d|20\d\d)[a-z]?(?![\p{L}\p{N}])|\bn\.\s?d\.|\bforthcoming\b|\bin press\b/iu;

/** An alphabetic label opening an entry ("[And83]", "[SLP19]", "[R C21]", "[Lot+73a]"). */
const ALPHA_LABEL = /^\s{0,8}\[(?<label>\p{Lu}[\p{L}+ -]{0,7}\d{2,4}[a-z]?)\](?=\s)/u;

/** The alphabetic label at the start of an entry, if any. */
export function entryLabel(line: string): string | undefined {
  return ALPHA_LABEL.exec(line)?.groups?.label;
}

/** The entry without its alphabetic label, for the reference parser. */
export function withoutLabel(raw: string): string {
  return raw.replace(ALPHA_LABEL, '').trimStart();
}

/** The number of a "[n]" or "n." label at the start of an entry, if any. */
export function entryNumber(line: string): number | undefined {
  const m = NUMBER_LABEL.exec(line);
  if (!m) return undefined;
  return Number(m[1] ?? m[2]);
}

/** True when a line opens a new entry by its shape: number label, author name or dashes. */
export function startsEntry(line: string): boolean {
  return NUMBER_LABEL.test(line) || ALPHA_LABEL.test(line) || AUTHOR_START.test(line) || DASH_START.test(line);
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * True when an entry under a reference heading reads like a reference: a year (or "n.d."), at
 * least four words, and an opening that is a capital, a number label or dashes. Film credits
 * ("Closeness, Russia, 2017", "Color, 118 minutes") fail on the word count or the year.
 */
export function looksLikeReference(entry: string): boolean {
  const text = entry.trim();
  if (text.length < 20 || text.length > 2000 || wordCount(text) < 4) return false;
  if (!YEAR.test(text)) return false;
  return /^(?:[\p{Lu}\p{N}[“"‘'«—–_-]|(?:van|von|de|der|den|ter|ten|du|da|di|del|della|la|le|dos|das)\s\p{Lu})/u.test(text);
}

/** An entry's date closing a piece: "(2014)." or "2014a.". */
const YEAR_CLOSES = /(?<![\p{L}\p{N}])\(?(?:1[5-9]\d\d|20\d\d)[a-z]?\)?\.$/u;

/**
 * True for a short piece that still opens an entry: authors and the entry's year, the title
 * split off into the next piece ("Johnson SG (2014)."). Credits ("Closeness, Russia, 2017") lack
 * the closing period.
 */
export function opensShortEntry(piece: string): boolean {
  const text = piece.trim();
  return text.length <= 200 && AUTHOR_START.test(text) && YEAR_CLOSES.test(text);
}

/** An author-year opening with its date close by: "Bai J, Perron P (2003).", "Lee, Ann. 2019.". */
const DATED_OPENING = new RegExp(String.raw`^(?:[^()]{0,160}?)\((?:1[5-9]\d\d|20\d\d)[a-z]?\)[.,:]|^[^()]{0,160}?[.,]\s(?:1[5-9]\d\d|20\d\d)[a-z]?\.`, 'u');

/** True when a piece opens with a short name and a date in brackets: "R Core Team. (2021).". */
export function opensWithDate(piece: string): boolean {
  return /^\p{Lu}[^()]{0,60}?\((?:1[5-9]\d\d|20\d\d)[a-z]?(?:, [^()]{1,20})?\)[.,:]/u.test(piece);
}

/**
 * Where, inside one piece of text, further entries start: after a sentence end, an author
 * opening with its year close by ("… ics.uci.edu/ml/. Bai J, Perron P (2003). …"). A PDF whose
 * list was set as one paragraph per column loses the line starts that would tell them apart.
 */
export function entryStartsWithin(piece: string): number[] {
  const starts: number[] = [];
  for (const m of piece.matchAll(/(?<=[.)]) (?=[\p{Lu}[]|(?:van|von|de|der|den|ter|ten|du|da|di|del|della|la|le|dos|das) \p{Lu})/gu)) {
    const at = m.index + 1;
    const rest = piece.slice(at, at + 220);
    const opens = ALPHA_LABEL.test(rest) || /^\[\d{1,4}\]\s/u.test(rest) || (AUTHOR_START.test(rest) && DATED_OPENING.test(rest));
    if (opens && YEAR.test(piece.slice(starts.at(-1) ?? 0, at))) starts.push(at);
  }
  return starts;
}

/**
 * The stricter test used where no heading announces a list: the entry must open with an author
 * or a number label and carry its year within the first 120 characters.
 */
export function looksLikeHeadlessReference(entry: string): boolean {
  const text = entry.trim();
  return looksLikeReference(text) && (NUMBER_LABEL.test(text) || ALPHA_LABEL.test(text) || AUTHOR_START.test(text)) && YEAR.test(text.slice(0, 120));
}
