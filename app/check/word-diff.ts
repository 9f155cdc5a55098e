/**
 * A word-level diff of a quotation against its source (longest common subsequence over folded
 * words), as runs a reader can show: words in both, words only the draft has ('added': what the
 * student changed or inserted), words only the source has ('removed'). Each run's text is the
 * words as printed on its own side, punctuation between them kept.
 */
import { wordsOf, type Word } from './quote-words';
import type { DiffPart } from './report';

/** Words with the text they point into. */
export interface WordsIn {
  text: string;
  words: readonly Word[];
}

/** Above this many word pairs the table would be large; such quotations are compared in halves. */
const MAX_CELLS = 4_000_000;

function lcsTable(a: readonly Word[], b: readonly Word[]): Uint16Array {
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const at = i * width + j;
      table[at] = a[i]!.folded === b[j]!.folded ? table[at + width + 1]! + 1 : Math.max(table[at + width]!, table[at + 1]!);
    }
  }
  return table;
}

/** The diff of the draft's words `draft` against the source's `source`. */
export function diffWords(draft: WordsIn, source: WordsIn): DiffPart[] {
  const a = draft.words;
  const b = source.words;
  if (a.length * b.length > MAX_CELLS) {
    const half = a.length >> 1;
    const cut = Math.round((half / a.length) * b.length);
    return merge([...diffWords({ text: draft.text, words: a.slice(0, half) }, { text: source.text, words: b.slice(0, cut) }), ...diffWords({ text: draft.text, words: a.slice(half) }, { text: source.text, words: b.slice(cut) })]);
  }
  const table = lcsTable(a, b);
  const width = b.length + 1;
  const runs: Array<{ kind: DiffPart['kind']; words: Word[]; text: string }> = [];
  const push = (kind: DiffPart['kind'], word: Word, text: string) => {
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) last.words.push(word);
    else runs.push({ kind, words: [word], text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i]!.folded === b[j]!.folded) {
      push('same', a[i]!, draft.text);
      i += 1;
      j += 1;
    } else if (j < b.length && (i >= a.length || table[i * width + j + 1]! >= table[(i + 1) * width + j]!)) {
      push('removed', b[j]!, source.text);
      j += 1;
    } else {
      push('added', a[i]!, draft.text);
      i += 1;
    }
  }
  return runs.map((run) => ({ kind: run.kind, text: run.text.slice(run.words[0]!.start, run.words[run.words.length - 1]!.end) }));
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last && last.kind === part.kind) last.text = `${last.text} ${part.text}`;
    else out.push({ ...part });
  }
  return out;
}

/** The word diff of two plain strings. */
export function diffText(draft: string, source: string): DiffPart[] {
  return diffWords({ text: draft, words: wordsOf(draft) }, { text: source, words: wordsOf(source) });
}
