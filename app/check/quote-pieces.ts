/**
 * A quotation cut where the student marked a change: an ellipsis ("...", "…", ". . .",
 * "[...]") leaves words out, so the pieces around it must appear in order within a short span;
 * a square-bracket insertion or replacement ("[the film]") stands for any short run of the
 * source's words, or none. "[sic]" is dropped, and brackets inside a word ("[t]he") only mark
 * a changed letter: the word is read without them.
 */
import { wordsOf, type Word } from './quote-words';

/** How the words of a piece may stand after the piece before it in the source. */
export type Gap = 'adjacent' | 'bracket' | 'ellipsis';

/** One run of words the source must hold as written. */
export interface QuotePiece {
  /** How this piece follows the one before (the first piece: 'adjacent'). */
  gap: Gap;
  words: Word[];
}

/** Most source words a "[…]" insertion or replacement stands for. */
export const BRACKET_SPAN = 6;
/** Most source words an ellipsis may leave out: a "short span", a few sentences. */
export const ELLIPSIS_SPAN = 150;

// Ellipses first, then brackets: "[...]" and "[…]" are ellipses, "[sic]" is nothing.
const MARKER = /\[\s*(?:\.\s*){2,}\.?\s*\]|\[\s*…\s*\]|\.(?:\s?\.){2,}|…|\[\s*sic\s*\]|\[[^[\]\n]{0,80}\]/giu;

/** The pieces of the quotation `text`, whose first character stands at `offset` in the draft. */
export function quotePieces(text: string, offset = 0): QuotePiece[] {
  const pieces: QuotePiece[] = [];
  let gap: Gap = 'adjacent';
  let from = 0;
  let pending: Word[] = [];
  const flush = (to: number, next: Gap) => {
    pending.push(...wordsOf(text, from, to));
    if (next !== 'adjacent') {
      if (pending.length > 0) pieces.push({ gap, words: pending });
      // A gap after nothing (a quotation opening with "...") changes nothing.
      if (pending.length > 0 || pieces.length > 0) gap = pieces.length === 0 ? 'adjacent' : widest(gap, next, pending.length === 0);
      pending = [];
    }
  };
  for (const m of text.matchAll(MARKER)) {
    const marker = m[0];
    const inWord = /\p{L}/u.test(text[m.index - 1] ?? '') || /\p{L}/u.test(text[m.index + marker.length] ?? '');
    if (/^\[\s*sic\s*\]$/iu.test(marker)) {
      flush(m.index, 'adjacent');
    } else if (marker.startsWith('[') && !/^\[[\s.…]*\]$/u.test(marker) && inWord) {
      // "[t]he", "walk[ed]": the letters are the student's, the word is the source's.
      flush(m.index, 'adjacent');
      pending.push(...wordsOf(marker.slice(1, -1)).map((w) => ({ ...w, start: w.start + m.index + 1, end: w.end + m.index + 1 })));
    } else {
      flush(m.index, marker.startsWith('[') && !/^\[[\s.…]*\]$/u.test(marker) ? 'bracket' : 'ellipsis');
    }
    from = m.index + marker.length;
  }
  flush(text.length, 'adjacent');
  if (pending.length > 0) pieces.push({ gap, words: pending });
  // Words glued across a "[t]he" are one word: merge a bracketed letter run with its neighbours.
  return pieces.map((p) => ({ gap: p.gap, words: joinSplitWords(text, p.words).map((w) => ({ ...w, start: w.start + offset, end: w.end + offset })) }));
}

function widest(current: Gap, next: Gap, empty: boolean): Gap {
  if (!empty) return next;
  return current === 'ellipsis' || next === 'ellipsis' ? 'ellipsis' : 'bracket';
}

/** "[t]" + "he" read as two words where the brackets cut one: they become "the". */
function joinSplitWords(text: string, words: Word[]): Word[] {
  const out: Word[] = [];
  for (const word of words) {
    const last = out[out.length - 1];
    const between = last ? text.slice(last.end, word.start) : ' ';
    if (last && /^[[\]]+$/u.test(between)) {
      out[out.length - 1] = { folded: last.folded + word.folded, start: last.start, end: word.end };
    } else out.push(word);
  }
  return out;
}
