/**
 * The one entry point for importing a file: the import worker and `lectern read` both call
 * importFile with the file name and its bytes, and get a ParsedDocument or a message the student
 * can act on. Nothing here throws across the boundary.
 */
import { assembleBlocks, type BlockDraft } from './assemble';
import { decodeText, quoteFileName } from './decode';
import { sha256Hex } from './hash';
import { parseMarkdown } from './markdown';
import type { DocumentFormat, ParsedDocument, Result } from './model';
import { markTitleHeading, parsePlainText } from './plain-text';
import { extractTextMetadata, type StatedMetadata } from './text-metadata';

/** The format each supported extension (lowercase, with its dot) is read as. */
const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
};

/** File extensions Lectern imports, lowercase with the dot (ready for a file input's `accept`). */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMAT_BY_EXTENSION);

/** The lowercase extension of a file name, with its dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** Parses a file's bytes into a document, or says why Lectern cannot. */
export async function importFile(fileName: string, bytes: Uint8Array): Promise<Result<ParsedDocument>> {
  const name = quoteFileName(fileName);
  const format = FORMAT_BY_EXTENSION[extensionOf(fileName)];
  if (!format) {
    const supported = SUPPORTED_EXTENSIONS.join(', ');
    return { ok: false, error: `Lectern cannot open ${name} yet: only text and Markdown files (${supported}) are supported.` };
  }
  try {
    const decoded = decodeText(fileName, bytes);
    if (!decoded.ok) return decoded;
    const id = await sha256Hex(bytes);
    const { drafts, stated } = format === 'md' ? markdownDrafts(decoded.value.text) : plainDrafts(decoded.value.text);
    const lines = drafts.map((d) => d.text);
    const extracted = extractTextMetadata({ id, fileName, lines, stated });
    const finalDrafts = format === 'txt' ? markTitleHeading(drafts, extracted.titleBlock) : drafts;
    const { text, blocks } = assembleBlocks(finalDrafts);
    if (text.trim() === '') return { ok: false, error: `${name} is empty.` };
    return {
      ok: true,
      value: {
        id,
        format,
        fileName,
        byteLength: bytes.length,
        encoding: decoded.value.encoding,
        text,
        blocks,
        metadata: extracted.metadata,
        provenance: extracted.provenance,
      },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Lectern could not read ${name}: ${reason}` };
  }
}

function plainDrafts(text: string): { drafts: BlockDraft[]; stated: StatedMetadata } {
  return { drafts: parsePlainText(text).drafts, stated: {} };
}

/** In Markdown a level-1 heading at the top states the title, unless front matter already did. */
function markdownDrafts(text: string): { drafts: BlockDraft[]; stated: StatedMetadata } {
  const { drafts, stated } = parseMarkdown(text);
  const first = drafts[0];
  if (!stated.title && first?.kind === 'heading' && first.level === 1) stated.title = first.text;
  return { drafts, stated };
}
