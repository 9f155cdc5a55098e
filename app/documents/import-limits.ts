/**
 * How much Lectern imports at a time, in one place for every way files arrive: the desktop open
 * dialog and files handed over by the system (main), drops and the web file chooser (renderer),
 * and the import worker. The importers bound what they unpack on top of this (zip and PDF
 * streams, pages, text, nesting), so this limit is about the bytes a selection carries.
 */

/** The most one selection (one file, or all the files chosen or dropped together) may hold. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/**
 * Text, Markdown and web pages above this are refused before they are read: a text this long
 * would not be readable in the reader, and decoding it whole would hold hundreds of megabytes in
 * the worker. Packaged and paged formats are bounded by what they unpack (zip-archive.ts, pdf-limits.ts).
 */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml']);

/** File extensions Lectern imports (the import pipeline checks this list against its importers). */
export const IMPORTABLE_EXTENSIONS: readonly string[] = ['.txt', '.text', '.md', '.markdown', '.pdf', '.html', '.htm', '.xhtml', '.epub', '.docx'];

/** A file of a selection: its name and size in bytes. */
export interface SelectedFile {
  name: string;
  size: number;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Why the selection is refused as a whole, or undefined when it may be imported. */
export function selectionProblem(files: readonly SelectedFile[], limit = MAX_IMPORT_BYTES): string | undefined {
  const tooBig = files.filter((file) => file.size > limit);
  if (tooBig.length > 0) {
    const names = tooBig.map((file) => `“${file.name}”`).join(', ');
    return `${names} ${tooBig.length === 1 ? 'is' : 'are'} larger than ${megabytes(limit)}, the most Lectern imports at a time; nothing was imported. Choose smaller files.`;
  }
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > limit) {
    return `These ${files.length} files come to ${megabytes(total)} together, more than the ${megabytes(limit)} Lectern imports at a time; nothing was imported. Import them in smaller groups.`;
  }
  return undefined;
}

/** Why one file is refused by its size alone (a selection's total aside), or undefined. */
export function fileSizeProblem(name: string, size: number): string | undefined {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
  if (TEXT_EXTENSIONS.has(extension) && size > MAX_TEXT_FILE_BYTES) {
    return `“${name}” is too large to import (${megabytes(size)} of text; Lectern reads at most ${megabytes(MAX_TEXT_FILE_BYTES)} from one text, Markdown or web page file). Split it into smaller files.`;
  }
  return selectionProblem([{ name, size }]);
}
