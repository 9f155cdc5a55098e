/**
 * Choosing a document's title among the short lines above its first paragraph. A web page saved
 * as text often opens with a site name or a "Breaking News" banner before the headline, so the
 * lines are weighed: a headline is repeated (pages print it again in a footer or a "read more"
 * box), is followed by its byline, and shares its words with the rest of the document.
 */
import { HEAD_BLOCKS, isBodyParagraph } from './metadata-cues';

/** What the title chooser needs to know about the document. */
export interface TitleInput {
  lines: readonly string[];
  /** Blocks already known to be something else (byline, date, issue line). */
  excluded: ReadonlySet<number>;
  /** Index of the byline, if any: the line just above it is likely the headline. */
  bylineIndex?: number;
}

/** The block index of the most likely title, or undefined when the text states none. */
export function chooseTitle({ lines, excluded, bylineIndex }: TitleInput): number | undefined {
  const firstBody = lines.findIndex(isBodyParagraph);
  const end = Math.min(firstBody < 0 ? lines.length : firstBody, HEAD_BLOCKS);
  let counts: Map<string, number> | undefined;
  let best: { index: number; score: number } | undefined;
  for (let index = 0; index < end; index++) {
    const line = lines[index] ?? '';
    // A title needs something to be the title of.
    if (excluded.has(index) || index === lines.length - 1 || !isTitleShaped(line)) continue;
    counts ??= wordCounts(lines);
    let score = topicality(line, counts);
    if (lines.some((other, i) => i !== index && other === line)) score += 3;
    if (bylineIndex !== undefined && index === bylineIndex - 1) score += 3;
    if (!best || score > best.score) best = { index, score };
  }
  return best?.index;
}

/** Short, with letters, not ending like a sentence. */
function isTitleShaped(line: string): boolean {
  return line.length >= 2 && line.length <= 200 && /\p{L}/u.test(line) && !/[.,;:]$/.test(line);
}

const WORD = /[\p{L}\p{N}]{4,}/gu;

function wordCounts(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (const match of line.matchAll(WORD)) {
      const word = match[0].toLowerCase();
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

/** Mean log-frequency, in the rest of the document, of the line's longer words. */
function topicality(line: string, counts: ReadonlyMap<string, number>): number {
  const words = [...line.matchAll(WORD)].map((m) => m[0].toLowerCase());
  if (words.length === 0) return 0;
  const own = new Map<string, number>();
  for (const word of words) own.set(word, (own.get(word) ?? 0) + 1);
  const total = words.reduce((sum, word) => sum + Math.log(1 + (counts.get(word) ?? 0) - (own.get(word) ?? 0)), 0);
  return total / words.length;
}
