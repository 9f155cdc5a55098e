/**
 * Aligning a quotation's words with a stretch of a source's words (semi-global edit distance:
 * the whole quotation against any part of the stretch). A word of the quotation the source
 * lacks, a word of the source the quotation lacks and a changed word each cost one; where the
 * student marked an ellipsis or a bracket, the source's words there cost nothing.
 */

/** One step of an alignment. */
export type AlignStep = { op: 'same' | 'changed'; quote: number; source: number } | { op: 'added'; quote: number } | { op: 'removed' | 'omitted'; source: number };

/** The best alignment of a quotation with part of a stretch. */
export interface Alignment {
  /** The aligned part of the stretch [start, end), indices into `source`. */
  start: number;
  end: number;
  /** Quotation words found as written. */
  same: number;
  /** Source words inside the part, less those the student marked as left out. */
  sourceWords: number;
  steps: AlignStep[];
}

/**
 * Aligns `quote` (word numbers) with `source` (word numbers). `freeBefore[i]` is true when the
 * student marked a gap before quotation word i, so source words skipped there cost nothing.
 */
export function alignWords(quote: ArrayLike<number>, source: ArrayLike<number>, freeBefore: ArrayLike<boolean>): Alignment | null {
  const n = quote.length;
  const m = source.length;
  if (n === 0 || m === 0) return null;
  const width = m + 1;
  const cost = new Int32Array((n + 1) * width);
  for (let i = 1; i <= n; i++) {
    const row = i * width;
    const up = row - width;
    cost[row] = i;
    const q = quote[i - 1]!;
    const skip = i < n && freeBefore[i] ? 0 : 1;
    for (let j = 1; j <= m; j++) {
      const diagonal = cost[up + j - 1]! + (q === source[j - 1] ? 0 : 1);
      const added = cost[up + j]! + 1;
      const removed = cost[row + j - 1]! + skip;
      cost[row + j] = diagonal < added ? (diagonal < removed ? diagonal : removed) : added < removed ? added : removed;
    }
  }
  let end = 0;
  const last = n * width;
  // Of equally cheap ends the last: a changed word at the end is read as changed, not as missing.
  for (let j = 1; j <= m; j++) if (cost[last + j]! <= cost[last + end]!) end = j;
  // Walk back from the cheapest end; a match is preferred, so the part found is the tightest.
  const steps: AlignStep[] = [];
  let i = n;
  let j = end;
  let same = 0;
  let omitted = 0;
  while (i > 0) {
    const here = cost[i * width + j]!;
    const skip = i < n && freeBefore[i] ? 0 : 1;
    if (j > 0 && quote[i - 1] === source[j - 1] && here === cost[(i - 1) * width + j - 1]!) {
      steps.push({ op: 'same', quote: i - 1, source: j - 1 });
      same += 1;
      i -= 1;
      j -= 1;
    } else if (j > 0 && here === cost[i * width + j - 1]! + skip && i < n) {
      steps.push({ op: skip === 0 ? 'omitted' : 'removed', source: j - 1 });
      if (skip === 0) omitted += 1;
      j -= 1;
    } else if (j > 0 && here === cost[(i - 1) * width + j - 1]! + 1) {
      steps.push({ op: 'changed', quote: i - 1, source: j - 1 });
      i -= 1;
      j -= 1;
    } else {
      steps.push({ op: 'added', quote: i - 1 });
      i -= 1;
    }
  }
  steps.reverse();
  return { start: j, end, same, sourceWords: end - j - omitted, steps };
}

/** How alike a quotation and its aligned part are: words found as written over the longer side. */
export function alignmentScore(alignment: Alignment, quoteWords: number): number {
  return alignment.same / Math.max(quoteWords, alignment.sourceWords, 1);
}
