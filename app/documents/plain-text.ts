/**
 * Plain text (.txt) into block drafts: paragraphs from the reflow, and headings only where it is
 * safe to say so: the line the metadata found to be the title, and the usual names of a
 * reference-list section standing on a line of their own. Body text never becomes a heading.
 */
import type { BlockDraft } from './assemble';
import { reflowPlainText } from './reflow';

/** Section names that head a reference list or notes when they stand alone on a line. */
const SECTION_HEADING = /^(?:works cited|works consulted|references|reference list|bibliography|literature cited|literature|sources|notes|endnotes|footnotes|further reading)$/i;

/** Paragraph drafts of a plain text, and whether it was hard-wrapped. */
export function parsePlainText(text: string): { drafts: BlockDraft[]; hardWrapped: boolean } {
  const { paragraphs, hardWrapped } = reflowPlainText(text);
  const drafts = paragraphs.map((paragraph): BlockDraft => {
    return SECTION_HEADING.test(paragraph) ? { kind: 'heading', level: 2, text: paragraph } : { kind: 'paragraph', text: paragraph };
  });
  return { drafts, hardWrapped };
}

/** Shows the title line as a level-1 heading. */
export function markTitleHeading(drafts: BlockDraft[], titleBlock: number | undefined): BlockDraft[] {
  if (titleBlock === undefined) return drafts;
  return drafts.map((draft, i) => (i === titleBlock ? { kind: 'heading', level: 1, text: draft.text } : draft));
}
