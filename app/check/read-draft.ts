/**
 * A student's draft as the quote check reads it: a .txt, .md or .docx file through Lectern's
 * own importers (Markdown "> " blocks and Word's Quote / Intense Quote paragraphs come out as
 * 'quote' blocks), or a passage pasted as plain text.
 */
import { assembleBlocks } from '../documents/assemble';
import { extensionOf, importFile } from '../documents/import';
import type { Block, Result } from '../documents/model';
import type { DraftText } from './report';

/** Draft formats the check reads. */
export const DRAFT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.docx'];

/** Reads a draft file; a file of another kind, an empty or a broken one, is a message. */
export async function readDraft(fileName: string, bytes: Uint8Array): Promise<Result<DraftText>> {
  const extension = extensionOf(fileName);
  if (!DRAFT_EXTENSIONS.includes(extension)) {
    return { ok: false, error: `Lectern checks drafts written as ${DRAFT_EXTENSIONS.join(', ')} files; “${fileName}” is not one.` };
  }
  const parsed = await importFile(fileName, bytes);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { fileName, text: parsed.value.text, blocks: parsed.value.blocks } };
}

/**
 * A pasted passage as a draft: one paragraph per blank-line-separated chunk, the line breaks
 * inside a paragraph kept as they are (the check reads across them). A paragraph whose every
 * line starts with ">" is a block quote, as in Markdown and e-mail.
 */
export function draftFromText(text: string, fileName = 'Pasted text'): DraftText {
  const chunks = text.replace(/\r\n?/gu, '\n').split(/\n[ \t]*\n+/u).map((c) => c.trim()).filter(Boolean);
  const drafts = chunks.map((chunk): { kind: Block['kind']; text: string } => {
    const lines = chunk.split('\n');
    if (lines.every((line) => /^\s*>/u.test(line))) return { kind: 'quote', text: lines.map((line) => line.replace(/^\s*>\s?/u, '')).join('\n') };
    return { kind: 'paragraph', text: chunk };
  });
  const { text: assembled, blocks } = assembleBlocks(drafts);
  return { fileName, text: assembled, blocks };
}
