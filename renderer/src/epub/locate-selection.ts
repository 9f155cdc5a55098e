/**
 * From text selected on the EPUB page view back to canonical offsets, by matching the selection's
 * folded text in the canonical text of the section it may come from (foldForLayout in app/text/fold.ts).
 */
import { foldForLayout, foldOnlyForLayout } from '../../../app/text/fold';
import { contextScore, findWithContext, longestPrefix, longestSuffix, occurrences, sourceRange } from './text-match';

/**
 * Maps selected text back to canonical offsets: `selected` is the selection's
 * text, `before` the page text just ahead of it (to tell repeats apart), `region` the canonical
 * text it may come from. A selection that includes text the canonical text lacks has its longest
 * head and tail matched and joined.
 */
export function locateSelection(text: string, region: { start: number; end: number }, selected: string, before: string): { start: number; end: number } | null {
  const canonical = foldForLayout(text.slice(region.start, region.end), region.start);
  const wanted = foldOnlyForLayout(selected);
  if (wanted === '') return null;
  const context = foldOnlyForLayout(before);
  const whole = findWithContext(canonical.folded, wanted, context);
  if (whole) return sourceRange(canonical, whole);
  const min = Math.min(4, wanted.length);
  const headPart = longestPrefix(canonical.folded, wanted, min);
  const tailPart = longestSuffix(canonical.folded, wanted, min);
  if (!headPart || !tailPart) return null;
  const headText = wanted.slice(0, headPart.end - headPart.start);
  const tailText = wanted.slice(wanted.length - (tailPart.end - tailPart.start));
  // A running head and page number can be a good part of a short selection, but not most of it.
  if (headText.length + tailText.length < wanted.length * 0.4) return null;
  let headAt = -1;
  let headScore = -1;
  for (const at of occurrences(canonical.folded, headText)) {
    const score = contextScore(canonical.folded, at, at, context, '');
    if (score > headScore) [headAt, headScore] = [at, score];
  }
  const tailAt = occurrences(canonical.folded, tailText).find((at) => at >= headAt + headText.length);
  if (tailAt === undefined) return null;
  const end = tailAt + tailText.length;
  // Junk inside the selection is absent from the canonical text, so the span is not much longer.
  if (end - headAt > wanted.length + 40) return null;
  return sourceRange(canonical, { start: headAt, end });
}
