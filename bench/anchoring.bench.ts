// Re-anchoring 2,000 highlights in a 500,000-word text, unchanged and with 1% of its characters
// edited, against the least any re-anchoring must do: text.indexOf(quote) for every highlight,
// measured in the same run on the same texts.
import { anchor } from '../app/anchoring/anchor';
import { describeRange } from '../app/anchoring/describe';
import { reanchorAll, type AnchorableAnnotation } from '../app/anchoring/reanchor';
import type { TextQuoteSelector } from '../app/anchoring/selectors';
import { sized, time, writeResult, seededRandom } from './harness';

const WORDS = sized(500_000, 20_000);
const HIGHLIGHTS = sized(2_000, 100);
const EDIT_RATE = 0.01;

const random = seededRandom(20240611);
const int = (n: number): number => Math.floor(random() * n);

// A vocabulary of 20,000 pseudo-words drawn with a skewed (roughly Zipfian) frequency, so short
// function-like words repeat as in prose, with sentence punctuation and capitals.
const syllables = 'ka lo mi re tu sa ne vo pi da gu he ri so ma te lu fo ba ni an el or is un st th'.split(' ');
const vocabulary = Array.from({ length: 20_000 }, (_, i) => {
  const n = i < 50 ? 1 : 2 + int(3);
  return Array.from({ length: n }, () => syllables[int(syllables.length)]).join('');
});
const wordStarts: number[] = [];
const parts: string[] = [];
let length = 0;
let capital = true;
for (let i = 0; i < WORDS; i++) {
  let word = vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;
  if (capital) word = word[0]!.toUpperCase() + word.slice(1);
  capital = random() < 0.07;
  const piece = (i === 0 ? '' : ' ') + word + (capital ? '.' : random() < 0.05 ? ',' : '');
  wordStarts.push(length + (i === 0 ? 0 : 1));
  parts.push(piece);
  length += piece.length;
}
const text = parts.join('');

// Highlights: random runs of 5 to 40 words.
const ranges = Array.from({ length: HIGHLIGHTS }, () => {
  const words = 5 + int(36);
  const first = int(WORDS - words);
  const lastStart = wordStarts[first + words - 1]!;
  const end = text.indexOf(' ', lastStart);
  return { start: wordStarts[first]!, end: end === -1 ? text.length : end };
});
const annotations: AnchorableAnnotation[] = ranges.map(({ start, end }, i) => {
  const { quote, position } = describeRange(text, start, end);
  return { id: `h${i}`, selectors: [quote, position] };
});
const quotes = annotations.map((a) => (a.selectors[0] as TextQuoteSelector).exact);

// 1% random character edits (insert, delete or substitute), with a map from old offsets to new.
const letters = 'abcdefghijklmnopqrstuvwxyz ';
const edits = Array.from({ length: Math.round(text.length * EDIT_RATE) }, () => ({ at: int(text.length), kind: int(3) })).sort((a, b) => a.at - b.at);
const oldToNew = new Int32Array(text.length + 1);
const out: string[] = [];
let written = 0;
let copied = 0;
const copyTo = (to: number): void => {
  for (let p = copied; p < to; p++) oldToNew[p] = written + (p - copied);
  out.push(text.slice(copied, to));
  written += to - copied;
  copied = to;
};
for (const { at, kind } of edits) {
  if (at < copied) continue;
  copyTo(at);
  const letter = letters[int(letters.length)]!;
  if (kind === 0) {
    out.push(letter);
    written += 1;
  } else {
    oldToNew[at] = written;
    if (kind === 2) {
      out.push(letter);
      written += 1;
    }
    copied = at + 1;
  }
}
copyTo(text.length);
oldToNew[text.length] = written;
const edited = out.join('');

/** Overlap of two ranges as intersection over union: 1 for the same range. */
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number => {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
};
const expectedIn = (changed: boolean) => ranges.map(({ start, end }) => (changed ? { start: oldToNew[start]!, end: oldToNew[end]! } : { start, end }));

/** How many placed, how many on the right text (≥ 90% overlap), how many with exact boundaries. */
function tally(placed: ({ start: number; end: number } | null)[], changed: boolean): { placed: number; right: number; exactBoundaries: number } {
  const expected = expectedIn(changed);
  let count = 0;
  let right = 0;
  let exact = 0;
  placed.forEach((p, i) => {
    if (!p) return;
    count += 1;
    const e = expected[i]!;
    if (overlap(p, e) >= 0.9) right += 1;
    if (p.start === e.start && p.end === e.end) exact += 1;
  });
  return { placed: count, right, exactBoundaries: exact };
}

const viaIndexOf = (target: string) => quotes.map((q) => {
  const at = target.indexOf(q);
  return at === -1 ? null : { start: at, end: at + q.length };
});
const viaReanchor = (target: string) => reanchorAll(target, annotations).map((o) => o.result);
const viaAnchorEach = (target: string) => annotations.map((a) => anchor(target, a.selectors));

const round = (n: number): number => Math.round(n * 100) / 100;
const scenario = async (target: string, changed: boolean, runs: number) => {
  const baseline = await time(() => viaIndexOf(target), runs, 1);
  const lectern = await time(() => viaReanchor(target), runs, 1);
  const each = await time(() => viaAnchorEach(target), runs, 1);
  const methods: Record<string, number> = {};
  for (const r of viaReanchor(target)) if (r) methods[r.method] = (methods[r.method] ?? 0) + 1;
  return {
    baseline: { what: 'text.indexOf(quote) per highlight', medianMs: round(baseline.medianMs), ...tally(viaIndexOf(target), changed) },
    lectern: { what: 'reanchorAll', medianMs: round(lectern.medianMs), ...tally(viaReanchor(target), changed), methods },
    lecternAnchorEach: { what: 'anchor() per highlight, no drift carried', medianMs: round(each.medianMs), ...tally(viaAnchorEach(target), changed) },
    ratio: Math.round((lectern.medianMs / baseline.medianMs) * 10_000) / 10_000,
  };
};

// The worst case: highlights whose text is gone are searched for everywhere before giving up.
const orphans: AnchorableAnnotation[] = Array.from({ length: 20 }, (_, i) => {
  const foreign = Array.from({ length: 12 }, () => 'qwxz'[int(4)]! + 'yjv'[int(3)]!).join(' ');
  const start = ranges[i]!.start;
  return { id: `o${i}`, selectors: [{ type: 'TextQuoteSelector', exact: foreign, prefix: 'zz', suffix: 'zz' }, { type: 'TextPositionSelector', start, end: start + foreign.length }] };
});
const orphanTiming = await time(() => orphans.map((a) => anchor(text, a.selectors)), 3, 1);
const orphanPlaced = orphans.filter((a) => anchor(text, a.selectors) !== null).length;

writeResult('anchoring', {
  input: { words: WORDS, characters: text.length, highlights: HIGHLIGHTS, editedCharacters: edits.length, editedLength: edited.length },
  unchanged: await scenario(text, false, 7),
  edited1pc: await scenario(edited, true, 5),
  orphans: { what: '20 quotes absent from the unchanged text, anchor() each', medianMs: round(orphanTiming.medianMs), placed: orphanPlaced },
});
