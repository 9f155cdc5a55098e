/**
 * Citations the citation grammar cannot read but a reader who knows the reference list can: the
 * first author as the list spells it (corporate authors such as "R Core Team", "Henderson Jr.",
 * "Van der Aart", a name hyphenated across a line, "Pin- heiro", or split by a detached accent,
 * "B¨ onsch") followed within a few words by that entry's year. Only pairs the list confirms are
 * taken, so prose that merely has a capitalised word near a year is left alone.
 */
import type { CslItem, CslName } from '../documents/model';
import type { InTextCitation } from './in-text';
import { foldName } from '../text/fold';

/** A word of the text: its folded form and where it stands. */
interface Word {
  key: string;
  start: number;
  end: number;
}

/** What the finder needs of an entry. */
export interface ListedWork {
  csl: CslItem;
}

/** Words, with a word broken by "- " at a line end or by a spacing accent joined back. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  const pattern = /[\p{L}\p{M}\p{N}]+(?:(?:[-‐]\s{1,2}|[¨´`ˆ˜¸]\s{0,2})[\p{Ll}\p{M}]+)*/gu;
  for (const m of text.matchAll(pattern)) {
    const key = /^\p{N}+[a-z]?$/u.test(m[0]) ? m[0] : foldName(m[0].replace(/[-‐¨´`ˆ˜¸\s]+/gu, '')).replace(/ /gu, '');
    if (key) words.push({ key, start: m.index, end: m.index + m[0].length });
  }
  return words;
}

/** The first creator's name as folded words: family with its particle, or a corporate name. */
function firstAuthorWords(csl: CslItem): string[] | undefined {
  const name: CslName | undefined = csl.author?.[0] ?? csl.editor?.[0];
  if (!name) return undefined;
  // A literal that holds a whole author list ("Pinheiro J, Bates D, …") names its first author first.
  const literal = name.literal?.split(',')[0]?.replace(/\s\p{Lu}{1,3}$/u, '');
  const written = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ') || literal || '';
  const words = foldName(written).split(' ').filter(Boolean);
  return words.length > 0 && words.length <= 5 ? words : undefined;
}

const YEAR_IN_TEXT = /(?<![\p{L}\p{N}])(1[5-9]\d\d|20\d\d)([a-z])?(?![\p{L}\p{N}])/gu;
/** How far before a year its author's name is looked for, in characters. */
const WINDOW = 120;
/** How many words may stand between a name and its year ("Henderson Jr. (1982)", "R Core Team, 2015"). */
const GAP = 3;

/**
 * Author-year citations confirmed by the list, outside `taken` (what the grammar found) and
 * `skip` (the list itself).
 */
export function findListDrivenCitations(text: string, works: ListedWork[], taken: Array<{ start: number; end: number }>, skip: Array<{ start: number; end: number }>): InTextCitation[] {
  const byYear = new Map<string, string[][]>();
  for (const work of works) {
    const year = work.csl.issued?.['date-parts']?.[0]?.[0];
    const names = firstAuthorWords(work.csl);
    if (year === undefined || !names) continue;
    const list = byYear.get(String(year)) ?? [];
    list.push(names);
    byYear.set(String(year), list);
  }
  if (byYear.size === 0) return [];
  const blocked = [...taken, ...skip].sort((a, b) => a.start - b.start);
  let next = 0;
  let lastEnd = -1;
  // Years come in text order, so the blocked ranges are walked once.
  const inside = (start: number, end: number) => {
    while (next < blocked.length && blocked[next]!.end <= start) next++;
    for (let k = next; k < blocked.length && blocked[k]!.start < end; k++) if (blocked[k]!.end > start) return true;
    return start < lastEnd;
  };
  const found: InTextCitation[] = [];
  for (const year of text.matchAll(YEAR_IN_TEXT)) {
    const candidates = byYear.get(year[1]!);
    if (!candidates) continue;
    // Only the few words before a year are read, so the cost follows the years, not the text.
    const windowStart = Math.max(0, year.index - WINDOW);
    const words = wordsOf(text.slice(windowStart, year.index)).map((w) => ({ ...w, start: w.start + windowStart, end: w.end + windowStart }));
    const match = nameBefore(words, words.length, candidates);
    if (!match) continue;
    const start = words[match.first]!.start;
    const yearEnd = year.index + year[0].length;
    let end = yearEnd;
    if (inside(start, end)) continue;
    const open = text.lastIndexOf('(', start);
    const parenthetical = open >= 0 && open >= start - 2 && !text.slice(open, start).includes(')');
    const narrativeParen = text.slice(words[match.last]!.end, year.index).includes('(');
    if ((parenthetical || narrativeParen) && text[end] === ')') end += 1;
    const from = parenthetical ? open : start;
    found.push({
      text: text.slice(from, end),
      start: from,
      end,
      kind: parenthetical ? 'parenthetical' : 'narrative',
      items: [{ names: [text.slice(start, words[match.last]!.end).replace(/(?:[-‐]\s{1,2}|[¨´`ˆ˜¸]\s{0,2})/gu, '')], year: Number(year[1]), ...(year[2] ? { suffix: year[2] } : {}) }],
    });
    lastEnd = end;
  }
  return found;
}

/** The entry name ending at most GAP words before word `yearAt`, as word indexes. */
function nameBefore(words: Word[], yearAt: number, candidates: string[][]): { first: number; last: number } | undefined {
  for (let last = yearAt - 1; last >= Math.max(0, yearAt - 1 - GAP); last--) {
    for (const names of candidates) {
      const first = last - names.length + 1;
      if (first < 0) continue;
      if (names.every((key, k) => words[first + k]!.key === key.replace(/ /gu, ''))) return { first, last };
    }
  }
  return undefined;
}
