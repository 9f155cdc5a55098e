/**
 * Phrase-level features. A reference is a run of phrases cut by punctuation ("Sharp, Joanne P."
 * | "London:" | "Arnold."), and a field usually fills whole phrases, so each token also learns
 * from its phrase: how it begins, how long it is, what it holds, how it ends, and where it sits.
 */
import type { Token } from './tokenize';

/** The facts of a token that phrase features draw on (computed once in features.ts). */
export interface ChunkTokenFacts {
  core: string;
  kinds: string[];
}

const SUMMARY_KINDS = [
  'year', 'digit', 'range', 'month', 'publisher-word', 'place-word', 'journal-word', 'editor-word', 'page-word',
  'volume-word', 'url', 'doi', 'initial', 'function-word', 'in-word', 'genre-word', 'access-word', 'translator-word',
];

function endsPhrase(token: Token, kinds: string[]): boolean {
  const last = token.text[token.text.length - 1] ?? '';
  if (last === '.') return !kinds.includes('initial');
  return ',;:)]”’"»'.includes(last);
}

function lengthBucket(n: number): string {
  return n <= 3 ? String(n) : n <= 6 ? '4-6' : n <= 10 ? '7-10' : '11+';
}

/** Phrase features for every token. */
export function chunkFeatures(tokens: Token[], facts: ChunkTokenFacts[]): string[][] {
  const out: string[][] = tokens.map(() => []);
  const summaries: Array<{ start: number; end: number; kinds: Set<string>; first: string }> = [];
  let start = 0;
  let index = 0;
  let prevEnd = 'start';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const f = facts[i] as ChunkTokenFacts;
    if (!endsPhrase(token, f.kinds) && i < tokens.length - 1) continue;
    const end = i + 1;
    const first = facts[start] as ChunkTokenFacts;
    const kinds = new Set<string>();
    let capitalised = 0;
    for (let k = start; k < end; k++) {
      for (const kind of (facts[k] as ChunkTokenFacts).kinds) if (SUMMARY_KINDS.includes(kind)) kinds.add(kind);
      if (/^\p{Lu}/u.test((tokens[k] as Token).text.replace(/^[^\p{L}]+/u, ''))) capitalised++;
    }
    const n = end - start;
    const endMark = token.text[token.text.length - 1] ?? '';
    const caps = n < 2 ? 'short' : capitalised === n ? 'all-caps' : capitalised / n > 0.5 ? 'most-caps' : 'few-caps';
    const shared = [
      `cfirst=${first.core}`,
      `clen=${lengthBucket(n)}`,
      `cidx=${Math.min(index, 8)}`,
      `cend=${/[\p{L}\p{N}]/u.test(endMark) ? 'w' : endMark}`,
      `cprev=${prevEnd}`,
      `ccaps=${caps}`,
      ...[...kinds].map((k) => `chas=${k}`),
    ];
    for (let k = start; k < end; k++) {
      const where = n === 1 ? 'only' : k === start ? 'first' : k === end - 1 ? 'last' : 'mid';
      (out[k] as string[]).push(...shared, `cpos=${where}`);
    }
    summaries.push({ start, end, kinds, first: first.core });
    prevEnd = /[\p{L}\p{N}]/u.test(endMark) ? 'w' : endMark;
    start = end;
    index++;
  }
  // What the neighbouring phrases hold: "Clem, Ralph S., … Olander, eds." are editors because of
  // the phrase after them.
  summaries.forEach((chunk, c) => {
    const next = summaries[c + 1];
    const prev = summaries[c - 1];
    const extra: string[] = [];
    if (next) extra.push(`nc-first=${next.first}`, ...[...next.kinds].map((k) => `nc-has=${k}`));
    else extra.push('nc=none');
    if (prev) extra.push(`pc-first=${prev.first}`, ...[...prev.kinds].map((k) => `pc-has=${k}`));
    else extra.push('pc=none');
    for (let k = chunk.start; k < chunk.end; k++) (out[k] as string[]).push(...extra);
  });
  return out;
}
