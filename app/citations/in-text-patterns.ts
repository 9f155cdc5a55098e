/**
 * The grammar of author-date citations, as bounded regular expressions: names ("Smith",
 * "Smith and Lee", "Smith, Jones, & Lee", "Smith et al."), years with letter suffixes and
 * locators. Every quantifier is bounded and alternatives do not overlap, so matching stays
 * linear in practice; callers only ever apply them to short slices (a parenthesis, a window).
 */

/** One work named in a citation. */
export interface CitedItem {
  /** Family names as written, first author first ("Smith", "Yuval-Davis"). */
  names: string[];
  year?: number;
  /** Year suffix letter ("a" in 2020a). */
  suffix?: string;
  /** Pin-point locator without its page label ("405", "4–5", "ch. 3"). */
  locator?: string;
  /** Text before the names ("see", "see Balagov in"). */
  prefix?: string;
  etAl?: boolean;
  /** The number of a numeric citation ("[12]"). */
  number?: number;
  /** The label of an alphabetic citation ("DS13" of "[DS13]"). */
  label?: string;
}

const PARTICLE = String.raw`(?:(?:van|von|de|der|den|du|da|di|del|della|le|la|ter|ten|dos|das)\s)`;
const NAME = String.raw`${PARTICLE}{0,3}\p{Lu}[\p{L}\p{M}'’\-]{1,40}`;
const SEPARATOR = String.raw`(?:\s?,\s{1,2}(?:(?:and|&)\s{1,2})?|\s{1,2}(?:and|&)\s{1,2})`;
/** A chain of family names with an optional "et al."; group "etal" marks the latter. */
export const NAMES = String.raw`${NAME}(?:${SEPARATOR}${NAME}){0,8}(?<etal>,?\s{1,2}et\s{1,2}al\.?)?`;
const YEAR = String.raw`(?:1[5-9]\d\d|20\d\d)[a-z]?(?![\p{L}\p{N}])`;
const YEARS = String.raw`${YEAR}(?:\s?,\s{0,2}${YEAR}){0,5}`;

/** One part of a parenthetical citation: prefix, names, optional comma, years, rest. */
const PART = new RegExp(
  String.raw`^(?:(?<prefix>.{1,80}?)\s)??(?<![\p{L}\p{M}'’\-])(?<names>${NAMES})(?<comma>\s?,)?\s{1,3}(?<years>${YEARS})(?<rest>.{0,120})$`,
  'u',
);

/** The inside of a narrative citation's parenthesis: years and an optional locator. */
const YEARS_ONLY = new RegExp(String.raw`^\s?(?<years>${YEARS})(?<rest>.{0,120})$`, 'u');

/** Names right before a narrative citation's parenthesis, possessive allowed. */
const NAMES_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{M}'’\-])(?<names>${NAMES})\s{1,2}$`, 'u');

// English, German (S., Kap., Abschn., Anm., Bd., Sp.), French (chap., t., n.) and Russian (с., гл.) labels.
const LABEL = String.raw`(?:pp?|pg|pgs|pages?|s|S|ch|chap|chapter|sec|section|§|para|paras|¶|fig|figs|n|nn|notes?|vol|col|l|ll|lines?|loc|at|Kap|Abschn|Anm|Bd|Sp|t|с|С|гл|Гл)\.?`;
const PIN = String.raw`(?:\d{1,5}|[ivxlcdm]{1,8})(?:\s?[-–—]\s?(?:\d{1,5}|[ivxlcdm]{1,8}))?`;
const LOCATOR = new RegExp(
  String.raw`^(?<label>${LABEL}\s{0,2})?(?<pin>${PIN}(?:\s?(?:,|and|&)\s{0,2}${PIN}){0,5}(?:\s?ff?\.?)?)$`,
  'u',
);

/** Words that are capitalised before a year but are not family names ("May 2019", "Since 2011"). */
const NOT_NAMES = new Set(
  ('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'januar februar märz mai juni juli oktober dezember janvier février mars avril juin juillet août septembre octobre novembre décembre ' +
    'spring summer autumn fall winter christmas easter monday tuesday wednesday thursday friday saturday sunday ' +
    'the a an in on at since from until till by of for and or but to circa ca early late mid before after around about ' +
    'issue vol volume no nr number chapter part figure fig table page season episode act scene version release edition ed eds ' +
    'updated copyright published est founded born died ad bc bce ce this that these those its his her their our my ' +
    'see cf also eg ie viz compare contra pre post')
    .split(' '),
);

/** True for a capitalised word that can be a family name. */
export function isSurnameLike(name: string): boolean {
  const bare = name.replace(/^(?:\p{Ll}+\s)+/u, '');
  return /^\p{Lu}/u.test(bare) && !NOT_NAMES.has(bare.toLowerCase().replace(/[.'’]/gu, '')) && /\p{Ll}/u.test(bare);
}

/** Splits a names chain ("Smith, Jones, & Lee et al.") into family names. */
function splitNames(chain: string): string[] {
  return chain
    .replace(/,?\s{1,2}et\s{1,2}al\.?$/u, '')
    .split(/\s?,\s{1,2}(?:(?:and|&)\s{1,2})?|\s{1,2}(?:and|&)\s{1,2}/u)
    .map((n) => n.replace(/['’]s$/u, '').trim())
    .filter(Boolean);
}

function splitYears(years: string): Array<{ year: number; suffix?: string }> {
  return years.split(/\s?,\s{0,2}/u).map((y) => {
    const suffix = /[a-z]$/u.test(y) ? y.slice(-1) : undefined;
    return { year: Number(y.slice(0, 4)), ...(suffix ? { suffix } : {}) };
  });
}

/** A locator from the text after the years (", p. 4", ": 405"); `undefined` when there is none. */
export function parseLocator(rest: string): { locator?: string; ok: boolean } {
  const body = rest.replace(/^\s?[,:]\s{0,2}|^\s{1,2}/u, '').replace(/[.\s]+$/u, '').trim();
  if (!body) return { ok: true };
  const m = LOCATOR.exec(body);
  if (!m?.groups) return { ok: false };
  const label = (m.groups.label ?? '').trim().replace(/\.$/u, '');
  const pin = m.groups.pin ?? '';
  // Page labels are the default locator in CSL; others stay with the value ("ch. 3").
  return { ok: true, locator: !label || /^(?:pp?|pg|pgs|pages?|s|S|с|С)$/u.test(label) ? pin : `${(m.groups.label ?? '').trim()} ${pin}` };
}

/** What a citation part says, with the cues the caller needs to judge it. */
export interface ParsedPart {
  items: CitedItem[];
  /** A comma between names and year ("Tesnota, 2017"): the shape film titles share. */
  commaBeforeYear: boolean;
  /** Free text after the years that is not a locator (", emphasis added"). */
  hasComment: boolean;
}

function buildItems(names: string[], years: string, etAl: boolean, locator: string | undefined, prefix: string | undefined): CitedItem[] {
  return splitYears(years).map((y, i) => ({
    names,
    ...y,
    ...(prefix && i === 0 ? { prefix } : {}),
    ...(etAl ? { etAl } : {}),
    ...(locator ? { locator } : {}),
  }));
}

/** Parses one ";"-separated part of a parenthetical citation, or returns undefined. */
export function parseCitationPart(part: string): ParsedPart | undefined {
  const m = PART.exec(part.trim());
  if (!m?.groups) return undefined;
  const { names: chain = '', years = '', rest = '', prefix, etal, comma } = m.groups;
  const names = splitNames(chain);
  if (names.length === 0 || !names.every(isSurnameLike)) return undefined;
  const loc = parseLocator(rest);
  // A short comment after a comma ("2019, emphasis added") is fine; other trailing text is prose.
  const comment = !loc.ok && /^\s?,/u.test(rest) && rest.length <= 50;
  if (!loc.ok && !comment) return undefined;
  if (prefix && /\d{4}/u.test(prefix)) return undefined;
  const items = buildItems(names, years, Boolean(etal), loc.locator, prefix?.trim());
  return { items, commaBeforeYear: Boolean(comma), hasComment: comment };
}

/**
 * A part that is only years after one with names, "(Meyers 2005; 1995)" or "(Pirumova 1977a;
 * 1977b, 14)": the same authors' other works.
 */
export function parseYearsPart(part: string, previous: ParsedPart): ParsedPart | undefined {
  const years = parseNarrativeParen(part.trim());
  const names = previous.items[0]?.names;
  if (!years || !names?.length) return undefined;
  const etAl = Boolean(previous.items[0]?.etAl);
  return { items: buildItems(names, years.years, etAl, years.locator, undefined), commaBeforeYear: false, hasComment: false };
}

/** Parses the inside of a narrative parenthesis ("2019", "2019, p. 4", "2020a, 2020b"). */
export function parseNarrativeParen(inside: string): { years: string; locator?: string } | undefined {
  const m = YEARS_ONLY.exec(inside);
  if (!m?.groups) return undefined;
  const loc = parseLocator(m.groups.rest ?? '');
  if (!loc.ok) return undefined;
  return { years: m.groups.years ?? '', ...(loc.locator ? { locator: loc.locator } : {}) };
}

/** The names chain that ends right before `end` in `window`, with its offset in the window. */
export function namesBefore(window: string): { names: string[]; etAl: boolean; index: number } | undefined {
  const m = NAMES_BEFORE.exec(window);
  if (!m?.groups) return undefined;
  const names = splitNames(m.groups.names ?? '');
  if (names.length === 0 || !names.every(isSurnameLike)) return undefined;
  return { names, etAl: Boolean(m.groups.etal), index: m.index };
}

/** Items for a narrative citation. */
export function narrativeItems(names: string[], etAl: boolean, years: string, locator: string | undefined): CitedItem[] {
  return buildItems(names, years, etAl, locator, undefined);
}
