/**
 * How the citation scorer pairs what Lectern found with the gold: reference entries by the text
 * they start with, cited works page by page by the entry they link to, else by year and name.
 */
import type { GoldCitation } from './pdf-links';

/** Lower-case letters (of any script) and digits only: accents, ligature debris and punctuation dropped. */
export function squash(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f\u00a8\u00b4\u0060\u02c6\u02dc]/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) out.set(text.slice(i, i + 2), (out.get(text.slice(i, i + 2)) ?? 0) + 1);
  return out;
}

/** Dice coefficient of two strings' bigrams. */
export function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  for (const [gram, n] of x) common += Math.min(n, y.get(gram) ?? 0);
  const total = Math.max(0, a.length - 1) + Math.max(0, b.length - 1);
  return total === 0 ? 0 : (2 * common) / total;
}

const PREFIX = 40;

/** One-to-one pairs of gold entries and found entries whose openings read alike. */
export function matchEntries(gold: string[], ours: string[]): { oursToGold: Map<number, number>; goldMatched: Set<number> } {
  const g = gold.map((t) => squash(t).replace(/^\d{1,3}/u, '').slice(0, PREFIX));
  const o = ours.map((t) => squash(t.replace(/^\s*[[(]?\d{1,3}[\]).]?\s/u, '')).slice(0, PREFIX));
  const pairs: Array<[number, number, number]> = [];
  g.forEach((gt, gi) => o.forEach((ot, oi) => {
    const score = dice(gt, ot);
    if (score >= 0.6) pairs.push([score, gi, oi]);
  }));
  pairs.sort((a, b) => b[0] - a[0]);
  const oursToGold = new Map<number, number>();
  const goldMatched = new Set<number>();
  for (const [, gi, oi] of pairs) {
    if (goldMatched.has(gi) || oursToGold.has(oi)) continue;
    goldMatched.add(gi);
    oursToGold.set(oi, gi);
  }
  return { oursToGold, goldMatched };
}

/** One cited work Lectern found, with the gold entries its links point at. */
export interface OurItem {
  page: number;
  text: string;
  names: string[];
  year?: number;
  suffix?: string;
  number?: number;
  linked: number[];
}

/** How the found citations meet the gold ones. */
export interface CitationMatch {
  matched: number;
  linkedRight: number;
  missedGold: GoldCitation[];
  falseOurs: OurItem[];
  wrongLinks: OurItem[];
}

/** Whether a found item and a gold citation name the same work (by year and name, or number). */
function sameWork(item: OurItem, gold: GoldCitation, entryText: string): boolean {
  const context = squash(`${gold.text} ${entryText}`);
  if (item.number !== undefined) return new RegExp(`\\b${item.number}\\b`, 'u').test(gold.text);
  // A short note ("Anderson, Imagined Communities, 141.") names no year: its name must do.
  if (item.year !== undefined && !context.includes(String(item.year))) return false;
  const first = squash(item.names[0] ?? '');
  return first.length > 0 && context.includes(first);
}

/** Pairs found items with gold citations, on the same page first, then on the next or previous. */
export function matchCitations(gold: GoldCitation[], entries: string[], ours: OurItem[]): CitationMatch {
  const goldLeft = new Set(gold.map((_, i) => i));
  const oursLeft = new Set(ours.map((_, i) => i));
  let linkedRight = 0;
  const wrongLinks: OurItem[] = [];
  const pass = (near: number, linkedOnly: boolean) => {
    for (const oi of [...oursLeft]) {
      const item = ours[oi]!;
      for (const gi of goldLeft) {
        const g = gold[gi]!;
        if (Math.abs(g.page - item.page) !== near) continue;
        const right = item.linked.includes(g.entry);
        if (linkedOnly ? !right : !sameWork(item, g, entries[g.entry] ?? '')) continue;
        goldLeft.delete(gi);
        oursLeft.delete(oi);
        if (right) linkedRight += 1;
        else wrongLinks.push(item);
        break;
      }
    }
  };
  pass(0, true);
  pass(1, true);
  pass(0, false);
  pass(1, false);
  return {
    matched: ours.length - oursLeft.size,
    linkedRight,
    missedGold: [...goldLeft].map((i) => gold[i]!),
    falseOurs: [...oursLeft].map((i) => ours[i]!),
    wrongLinks,
  };
}
