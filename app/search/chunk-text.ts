/**
 * Long texts are indexed in chunks so a hit can point at where it is and show a snippet from
 * there, with no cap on how much of a document is indexed.
 */

/**
 * Target chunk length in characters, about three pages. A hit still points at its exact word (the
 * snippet finds it inside the chunk); what the size sets is how many index entries a common word
 * has. On the generated books of bench/search.bench.ts, 2,000-character chunks made common-word and
 * short-prefix queries four to six times slower than 8,000-character ones.
 */
export const CHUNK_CHARS = 8000;

/** A piece of a text: [start, end) offsets into it. */
export interface TextChunk {
  start: number;
  end: number;
}

/** Contiguous chunks covering the whole text, cut at whitespace so no word is split. */
export function chunkText(text: string, size: number = CHUNK_CHARS): TextChunk[] {
  const chunks: TextChunk[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      // Cut at the last whitespace in the final quarter; a run with none is cut hard.
      const floor = start + Math.floor(size * 0.75);
      let cut = end;
      while (cut > floor && !/\s/.test(text[cut]!)) cut -= 1;
      if (cut > floor) end = cut;
    }
    chunks.push({ start, end });
    start = end;
  }
  return chunks;
}
