/** A deterministic long document for reader tests and benchmarks: pseudo-words in paragraphs. */

export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const syllables = ['ka', 'ne', 'mi', 'ro', 'tas', 'vel', 'or', 'in', 'lu', 'bar', 'sen', 'to', 'qui', 'dam', 'el', 'fra', 'po', 'gri'];

/** About `words` words in paragraphs of 60–200 words, with a title line; the same every time. */
export function longDocumentText(words: number, seed = 7): string {
  const next = random(seed);
  const paragraphs: string[] = ['A Long Book for Testing'];
  let written = 0;
  while (written < words) {
    const length = 60 + Math.floor(next() * 140);
    const parts: string[] = [];
    for (let i = 0; i < length; i++) {
      let word = '';
      const count = 1 + Math.floor(next() * 3);
      for (let s = 0; s < count; s++) word += syllables[Math.floor(next() * syllables.length)];
      parts.push(i === 0 ? word[0]!.toUpperCase() + word.slice(1) : word);
      if (next() < 0.07) parts[parts.length - 1] += next() < 0.5 ? ',' : '.';
    }
    paragraphs.push(parts.join(' ') + '.');
    written += length;
  }
  return paragraphs.join('\n\n') + '\n';
}
