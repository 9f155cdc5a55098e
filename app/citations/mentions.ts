/**
 * Mentions: a cited author named in full without a year ("Mariia Kuvshinova commented ..."),
 * linked to that author's entry. Names inside the reference list or inside a citation are not
 * mentions, and neither is a name that echoes a citation of the same work earlier in the same
 * block ("(Bykov 2017). Such was Dmitrii Bykov’s response"): the reader already has that link.
 */
import type { Block, CslItem } from '../documents/model';
import { sameName } from './name-fold';

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

function inside(ranges: Array<{ start: number; end: number }>, start: number, end: number): boolean {
  return ranges.some((r) => start < r.end && end > r.start);
}

function blockStart(blocks: Block[], offset: number): number {
  return blocks.find((b) => b.start <= offset && offset < b.end)?.start ?? 0;
}

/** Full-name mentions of the references' authors, in text order. */
export function findMentions(text: string, references: MentionableReference[], context: MentionContext): Mention[] {
  const people = references.flatMap((r) =>
    (r.csl.author ?? []).filter((a) => a.family && a.given && a.given.replace(/\./gu, '').length > 1).map((a) => ({ id: r.id, name: `${a.family ?? ''}, ${a.given ?? ''}` })),
  );
  if (people.length === 0) return [];
  const mentions: Mention[] = [];
  for (const m of text.matchAll(FULL_NAME)) {
    const family = (m[2] ?? '').replace(/['’]s?$/u, '');
    const start = m.index;
    const end = start + (m[1] ?? '').length + 1 + family.length;
    if (inside(context.skip, start, end) || inside(context.citations, start, end)) continue;
    const written = `${m[1] ?? ''} ${family}`;
    const ids = [...new Set(people.filter((p) => sameName(p.name, written)).map((p) => p.id))];
    if (ids.length === 0) continue;
    const from = blockStart(context.blocks, start);
    const echoes = context.citations.some((c) => c.start >= from && c.end <= start && c.referenceIds.some((id) => ids.includes(id)));
    if (echoes) continue;
    mentions.push({ text: text.slice(start, end), start, end, kind: 'mention', referenceIds: ids });
  }
  return mentions;
}
