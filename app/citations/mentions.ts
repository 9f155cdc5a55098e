/**
 * Mentions: a cited author named in full without a year ("Mariia Kuvshinova commented ..."),
 * linked to that author's entry. Names inside the reference list or inside a citation are not
 * mentions, and neither is a name that echoes a citation of the same work earlier in the same
 * block ("(Bykov 2017). Such was Dmitrii Bykov’s response"): the reader already has that link.
 */
import type { Block, CslItem } from '../documents/model';
import { sameName, splitPerson } from './same-person';

/** A reference whose authors can be mentioned. */
export interface MentionableReference {
  id: string;
  csl: CslItem;
}

/** A mention of a cited author. */
export interface Mention {
  text: string;
  start: number;
  end: number;
  kind: 'mention';
  referenceIds: string[];
}

/** Spans where names are not mentions, and the citations already linked. */
export interface MentionContext {
  blocks: Block[];
  /** [start, end) ranges to skip: the reference list. */
  skip: Array<{ start: number; end: number }>;
  citations: Array<{ start: number; end: number; referenceIds: string[] }>;
}

/**
 * Two capitalised words, a given name and a family name, possibly possessive. The family name
 * sits in a lookahead so "Critic Mariia Kuvshinova" still yields the pair that matters.
 */
const FULL_NAME = /(?<![\p{L}\p{M}'’-])(\p{Lu}[\p{Ll}\p{M}'’-]{1,30})(?= (\p{Lu}[\p{L}\p{M}'’-]{1,40}))/gu;

/** Distinct given names of one family and initial compared loosely (for typos) with a mention; past this, only exact matches count. */
const MAX_LOOSE_GIVENS = 64;

/**
 * The references' authors indexed once by folded family name and first initial, which every
 * full-name match must share with its author (see sameName): each capitalised name pair in the
 * text then costs one lookup, not a comparison with every author of every reference.
 */
class PeopleIndex {
  /** "family i" → given name as written in the reference → person and reference ids. */
  private readonly byKey = new Map<string, Map<string, { name: string; ids: Set<string> }>>();
  /** Each reference's position, so ids come back in reference order. */
  private readonly order = new Map<string, number>();

  constructor(references: readonly MentionableReference[]) {
    for (const reference of references) {
      if (!this.order.has(reference.id)) this.order.set(reference.id, this.order.size);
      for (const author of reference.csl.author ?? []) {
        if (!author.family || !author.given || author.given.replace(/\./gu, '').length <= 1) continue;
        const name = `${author.family}, ${author.given}`;
        const { family, given } = splitPerson(name);
        if (family === '' || given === '') continue;
        const key = `${family} ${given[0] ?? ''}`;
        const givens = this.byKey.get(key) ?? new Map<string, { name: string; ids: Set<string> }>();
        this.byKey.set(key, givens);
        const entry = givens.get(given) ?? { name, ids: new Set<string>() };
        givens.set(given, entry);
        entry.ids.add(reference.id);
      }
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Ids of the references whose authors `written` ("Given Family") names, in reference order. */
  find(written: string): string[] {
    const { family, given } = splitPerson(written);
    const givens = family && given ? this.byKey.get(`${family} ${given[0] ?? ''}`) : undefined;
    if (!givens) return [];
    const ids = new Set(givens.get(given)?.ids ?? []);
    let loose = 0;
    for (const [other, entry] of givens) {
      if (other === given) continue;
      if (++loose > MAX_LOOSE_GIVENS) break;
      if (sameName(entry.name, written)) for (const id of entry.ids) ids.add(id);
    }
    return [...ids].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
  }
}

/** Ranges sorted by start, with the furthest end reached so far, for overlap tests in log time. */
class RangeIndex {
  private readonly starts: number[];
  private readonly reach: number[];

  constructor(ranges: ReadonlyArray<{ start: number; end: number }>) {
    const sorted = [...ranges].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((r) => r.start);
    let furthest = -Infinity;
    this.reach = sorted.map((r) => (furthest = Math.max(furthest, r.end)));
  }

  /** True when some range overlaps [start, end). */
  overlaps(start: number, end: number): boolean {
    const last = lastBelow(this.starts, end);
    return last >= 0 && (this.reach[last] ?? -Infinity) > start;
  }
}

/** The index of the last value below `limit` in ascending `values`, or -1. */
function lastBelow(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((values[mid] ?? Infinity) < limit) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Full-name mentions of the references' authors, in text order. */
export function findMentions(text: string, references: MentionableReference[], context: MentionContext): Mention[] {
  const people = new PeopleIndex(references);
  if (people.size === 0) return [];
  const skip = new RangeIndex(context.skip);
  const cited = new RangeIndex(context.citations);
  const blockStarts = context.blocks.map((b) => b.start);
  // For each reference, the starts of the citations linked to it, ascending: an echo is the last of them before a mention.
  const citedAt = new Map<string, number[]>();
  for (const citation of [...context.citations].sort((a, b) => a.start - b.start)) {
    for (const id of citation.referenceIds) {
      const starts = citedAt.get(id) ?? [];
      citedAt.set(id, starts);
      starts.push(citation.start);
    }
  }
  const mentions: Mention[] = [];
  for (const m of text.matchAll(FULL_NAME)) {
    const family = (m[2] ?? '').replace(/['’]s?$/u, '');
    const start = m.index;
    const end = start + (m[1] ?? '').length + 1 + family.length;
    if (skip.overlaps(start, end) || cited.overlaps(start, end)) continue;
    const ids = people.find(`${m[1] ?? ''} ${family}`);
    if (ids.length === 0) continue;
    const block = context.blocks[lastBelow(blockStarts, start + 1)];
    const from = block && start < block.end ? block.start : 0;
    // Citations never overlap a mention (those were skipped), so one that starts before it ends before it.
    const echoes = ids.some((id) => {
      const starts = citedAt.get(id) ?? [];
      const last = lastBelow(starts, start);
      return last >= 0 && (starts[last] ?? -1) >= from;
    });
    if (echoes) continue;
    mentions.push({ text: text.slice(start, end), start, end, kind: 'mention', referenceIds: ids });
  }
  return mentions;
}
