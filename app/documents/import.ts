/**
 * The one entry point for importing a file: the import worker and `lectern read` both call
 * importFile with the file name and its bytes, and get a ParsedDocument or a message the student
 * can act on. Nothing here throws across the boundary.
 */
import { assembleBlocks } from './assemble';
import { quoteFileName } from './decode';
import type { DraftFootnoteLink, FormatImporter } from './format-importer';
import { FORMAT_IMPORTERS } from './formats';
import type { ImportContext } from './html/sanitize';
import { sha256Hex } from './hash';
import { fileSizeProblem } from './import-limits';
import type { Block, FootnoteLink, ParsedDocument, Result } from './model';
import { markTitleHeading } from './plain-text';
import { extractTextMetadata } from './text-metadata';

const IMPORTER_BY_EXTENSION: ReadonlyMap<string, FormatImporter> = new Map(
  FORMAT_IMPORTERS.flatMap((importer) => importer.extensions.map((extension) => [extension, importer] as const)),
);

/** File extensions Lectern imports, lowercase with the dot (ready for a file input's `accept`). */
export const SUPPORTED_EXTENSIONS: readonly string[] = [...IMPORTER_BY_EXTENSION.keys()];

/** The lowercase extension of a file name, with its dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * Parses a file's bytes into a document, or says why Lectern cannot. `context` carries what the
 * platform provides (the HTML sanitizer); without it, web pages are refused.
 */
export async function importFile(fileName: string, bytes: Uint8Array, context: ImportContext = {}): Promise<Result<ParsedDocument>> {
  const name = quoteFileName(fileName);
  const importer = IMPORTER_BY_EXTENSION.get(extensionOf(fileName));
  if (!importer) {
    const supported = SUPPORTED_EXTENSIONS.join(', ');
    return { ok: false, error: `Lectern cannot open ${name}: it reads ${supported} files.` };
  }
  if (bytes.length === 0) return { ok: false, error: `${name} is empty.` };
  const tooLarge = fileSizeProblem(fileName.split(/[\\/]/).pop() ?? fileName, bytes.length);
  if (tooLarge) return { ok: false, error: tooLarge };
  try {
    const reading = await importer.read(fileName, name, bytes, context);
    if (!reading.ok) return reading;
    const { drafts, stated, encoding, titleFromText } = reading.value;
    const id = await sha256Hex(bytes);
    const extracted = extractTextMetadata({ id, fileName, lines: drafts.map((d) => d.text), stated });
    const finalDrafts = titleFromText ? markTitleHeading(drafts, extracted.titleBlock) : drafts;
    const { text, blocks } = assembleBlocks(finalDrafts);
    if (text.trim() === '') return { ok: false, error: `${name} is empty.` };
    const footnotes = placeFootnotes(reading.value.footnoteLinks ?? [], blocks);
    const metadata = stated.extra ? { ...extracted.metadata, ...stated.extra, id } : extracted.metadata;
    return {
      ok: true,
      value: {
        id,
        format: importer.format,
        fileName,
        byteLength: bytes.length,
        ...(encoding ? { encoding } : {}),
        text,
        blocks,
        metadata,
        provenance: extracted.provenance,
        ...(reading.value.warning ? { warning: reading.value.warning } : {}),
        ...(footnotes.length > 0 ? { footnotes } : {}),
        ...(reading.value.pageItems ? { pageItems: reading.value.pageItems(text) } : {}),
        ...(reading.value.pageLabels ? { pageLabels: reading.value.pageLabels } : {}),
      },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Lectern could not read ${name}: ${reason}` };
  }
}

/** Turns draft-relative footnote links into document offsets, now that the blocks have their place. */
function placeFootnotes(links: readonly DraftFootnoteLink[], blocks: readonly Block[]): FootnoteLink[] {
  return links.flatMap((link) => {
    const marker = blocks[link.markerDraft];
    const note = blocks[link.noteDraft];
    if (!marker || !note || link.markerOffset + link.markerLength > marker.end - marker.start) return [];
    const markerStart = marker.start + link.markerOffset;
    return [{ markerStart, markerEnd: markerStart + link.markerLength, noteStart: note.start, noteEnd: note.end }];
  });
}
