/**
 * How much two texts share, as the Jaccard overlap of their word 4-grams. Used to tell a new
 * version of a document (same file name, a few changes) from a different document that merely
 * shares a name such as "download.pdf".
 */
import { foldForSimilarity } from '../text/fold';

const MAX_SHINGLES = 20_000;

function shingles(text: string): Set<string> {
  const words = foldForSimilarity(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  // Long texts are sampled at a fixed stride so the cost stays bounded; both texts use the same
  // rule, and a shared passage still shares its sampled shingles.
  const stride = Math.max(1, Math.ceil(words.length / MAX_SHINGLES));
  for (let i = 0; i + 4 <= words.length; i++) {
    const key = `${words[i]} ${words[i + 1]} ${words[i + 2]} ${words[i + 3]}`;
    if (stride === 1 || hash(key) % stride === 0) out.add(key);
  }
  return out;
}

function hash(value: string): number {
  let h = 2166136261;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Similarity from 0 (nothing shared) to 1 (the same words in the same order). */
export function textSimilarity(a: string, b: string): number {
  const left = shingles(a);
  const right = shingles(b);
  if (left.size === 0 && right.size === 0) return a.trim() === b.trim() ? 1 : 0;
  let shared = 0;
  for (const key of left) if (right.has(key)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/**
 * Above this, a re-imported file with the same name is a new version of the same document. An
 * edited article (a paragraph added, typos fixed, reflowed) keeps well over half its 4-grams;
 * two different reviews of the same film share well under a tenth.
 */
export const SAME_DOCUMENT_SIMILARITY = 0.5;
