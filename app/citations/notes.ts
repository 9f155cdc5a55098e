/**
 * The notes of a text, foot- or endnotes, as numbered pieces: "1. Andrew Higson, …" (Chicago
 * prints the number full size), "2Benedict Anderson. …" (a superscript number a PDF's text runs
 * into the note), "3 Ebd., S. 7." A number counts as a note's only where the numbering runs on:
 * the note after 12 is 13 (a page may lose one or two to extraction: at the start of a block 14
 * or 15 will do), a new run starts at 1 at the start of a block, so "Vol. 1. Berkeley" or
 * "2. Aufl." inside a note never open one.
 */
import type { Block } from '../documents/model';

/** One note: its number and where its text is, number excluded. */
export interface Note {
  number: number;
  start: number;
  end: number;
}

/**
 * A note's number where a note may open: at the start of a block or after the end of a sentence
 * (notes a PDF runs together: "…, 1. 21. Carsten, 189."), followed by the note's first word.
 */
const OPENING = /(?<=^|[.)\]”"’»!?]\s{1,3}|[\p{Ll}]-)(\d{1,3})(?:\.\s{1,3}|\s{1,3}|(?=\p{Lu}))(?=[\p{Lu}“"‘«([])/gu;

/** A running head's words: numbers and capitals only ("3 KINSHIP"). */
const CAPITALS_ONLY = /^[\p{Lu}\s\d.,:;–-]+$/u;

/** How many notes extraction may lose between two that open blocks. */
const LOST = 2;

function overlapsAny(start: number, end: number, ranges: ReadonlyArray<{ start: number; end: number }>): boolean {
  return ranges.some((r) => start < r.end && end > r.start);
}

/**
 * The notes of a text in order. `skip` holds what is not a note even where it is numbered:
 * the entries of reference lists (a note the PDF ran into the list ends where an entry starts).
 */
export function findNotes(text: string, blocks: Block[], skip: ReadonlyArray<{ start: number; end: number }> = []): Note[] {
  const notes: Note[] = [];
  let last = 0;
  // A note whose block ended before its sentence did (a PDF ran body text and the note's first
  // line into one block) goes on in the next block, up to that block's first note.
  let open: Note | undefined;
  for (const block of blocks) {
    if (block.kind === 'heading' || block.kind === 'code') {
      open = undefined;
      continue;
    }
    const body = text.slice(block.start, block.end);
    const opened: Array<{ number: number; at: number; textStart: number }> = [];
    for (const m of body.matchAll(OPENING)) {
      const number = Number(m[1]);
      const atStart = body.slice(0, m.index).trim() === '';
      const runsOn = number === last + 1 || (atStart && (number === 1 || (number > last && number <= last + 1 + LOST)));
      if (!runsOn) continue;
      const at = block.start + m.index;
      if (overlapsAny(at, at + m[0].length, skip)) continue;
      const rest = body.slice(m.index + m[0].length, m.index + m[0].length + 40).split(/[.,;:(]/u)[0] ?? '';
      if (CAPITALS_ONLY.test(rest) && /\p{Lu}{3}/u.test(rest)) continue;
      opened.push({ number, at, textStart: at + m[0].length });
      last = number;
    }
    if (open) {
      const until = opened[0]?.at ?? block.end;
      const carried = text.slice(block.start, until).trimEnd();
      if (carried && !overlapsAny(block.start, until, skip)) open.end = block.start + carried.length;
      open = undefined;
    }
    opened.forEach((o, k) => {
      let end = opened[k + 1]?.at ?? block.end;
      // A note ends where an entry of a list begins.
      for (const r of skip) if (r.start >= o.textStart && r.start < end) end = r.start;
      const piece = text.slice(o.textStart, end);
      const trimmed = piece.trimEnd().length;
      if (trimmed <= 0) return;
      const note = { number: o.number, start: o.textStart, end: o.textStart + trimmed };
      notes.push(note);
      if (k === opened.length - 1 && end === block.end && !/[.!?)\]”"’»]$/u.test(piece.trimEnd())) open = note;
    });
  }
  return notes;
}
