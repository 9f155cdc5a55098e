/**
 * EPUB books, read as text for the import worker and the command line: the archive is unpacked
 * within the zip limits, the package file gives metadata and reading order, and each chapter
 * goes through Lectern's HTML walker. Footnotes (epub:type="noteref" → "footnote"/"endnote",
 * in the same chapter or in a notes file) are kept and linked to their markers. foliate-js still
 * renders the book's pages in the page view; it needs a DOM, which the import worker lacks.
 */
import type { BlockDraft } from '../assemble';
import type { FormatImporter, FormatReading } from '../format-importer';
import type { Result } from '../model';
import { footnoteLinks, htmlToBlocks, type DraftMarker } from '../html/html-blocks';
import { decodeHtml } from '../html/html-decode';
import { findFirst, limitDepth, MAX_ELEMENT_DEPTH, nestingWarning, parseHtml, type Document } from '../html/html-dom';
import { decodeFragment } from '../html/html-importer';
import { emptyNoteIndex, indexNotes, type NoteKeys } from '../html/html-notes';
import { ZipArchive } from '../zip/zip-archive';
import { missingPartMessage, zipProblemMessage, type ZipDocumentKind } from '../zip/zip-problem-message';
import { readEpubMetadata } from './epub-metadata';
import { encryptedPaths, packagePath, readPackage } from './epub-package';
import { resolvePath } from './epub-paths';

const KIND: ZipDocumentKind = {
  label: 'EPUB book',
  article: 'an',
  remedy: 'export it again as EPUB (Calibre can repair most books)',
};

/** EPUB files. */
export const epubImporter: FormatImporter = {
  format: 'epub',
  extensions: ['.epub'],
  read(fileName, name, bytes): Promise<Result<FormatReading>> {
    return Promise.resolve(readEpub(fileName, name, bytes));
  },
};

function readEpub(fileName: string, name: string, bytes: Uint8Array): Result<FormatReading> {
  if (bytes.length === 0) return { ok: false, error: `${name} is empty.` };
  const opened = ZipArchive.open(bytes);
  if (!opened.ok) return { ok: false, error: zipProblemMessage(name, opened.problem, KIND) };
  const archive = opened.value;
  const text = (path: string): Result<string> | undefined => {
    const read = archive.read(path);
    if (!read) return undefined;
    return read.ok ? { ok: true, value: decodeHtml(fileName, read.value).text } : { ok: false, error: zipProblemMessage(name, read.problem, KIND) };
  };
  const container = text('META-INF/container.xml');
  if (!container) return { ok: false, error: missingPartMessage(name, 'container (META-INF/container.xml)', KIND) };
  if (!container.ok) return container;
  const opfPath = packagePath(container.value);
  const opfXml = opfPath ? text(opfPath) : undefined;
  if (!opfXml) return { ok: false, error: missingPartMessage(name, 'package file (.opf)', KIND) };
  if (!opfXml.ok) return opfXml;
  const pkg = readPackage(opfPath ?? '', opfXml.value);
  const encryption = text('META-INF/encryption.xml');
  const encrypted = encryption?.ok ? encryptedPaths(encryption.value) : new Set<string>();
  if (pkg.spine.some((item) => encrypted.has(item.path))) {
    return { ok: false, error: `${name} is protected by DRM, so its text cannot be read. Lectern opens DRM-free EPUB books.` };
  }

  const chapters: { path: string; document: Document }[] = [];
  let missing = 0;
  for (const item of pkg.spine) {
    const source = text(item.path);
    if (!source) missing += 1;
    else if (!source.ok) return source;
    else chapters.push({ path: item.path, document: parseHtml(source.value, item.mediaType !== 'text/html') });
  }
  if (chapters.length === 0) return { ok: false, error: missingPartMessage(name, 'chapters', KIND) };

  // A chapter nested deeper than any real book has its deeper parts read as plain text, with a word to the student.
  const flattened = chapters.filter((chapter) => limitDepth(chapter.document, MAX_ELEMENT_DEPTH)).length;
  const notes = emptyNoteIndex();
  for (const chapter of chapters) indexNotes(chapter.document, chapterKeys(chapter.path), notes);
  const drafts: BlockDraft[] = [];
  const markers: DraftMarker[] = [];
  const notePlaces = new Map<string, number>();
  for (const chapter of chapters) {
    const root = findFirst(chapter.document, (e) => e.name === 'body') ?? chapter.document;
    const blocks = htmlToBlocks(root, { keys: chapterKeys(chapter.path), notes, dropBoilerplate: false });
    const shift = drafts.length;
    drafts.push(...blocks.drafts);
    markers.push(...blocks.markers.map((m) => ({ ...m, draft: m.draft + shift })));
    for (const [key, index] of blocks.notes) if (!notePlaces.has(key)) notePlaces.set(key, index + shift);
  }
  const links = footnoteLinks(markers, notePlaces);
  const reading: FormatReading = { drafts, stated: readEpubMetadata(pkg.opf), ...(links.length > 0 ? { footnoteLinks: links } : {}) };
  const warnings: string[] = [];
  if (missing > 0) warnings.push(`${missing} chapter${missing === 1 ? ' is' : 's are'} missing from this EPUB; the rest was imported.`);
  if (flattened > 0) warnings.push(nestingWarning(name, MAX_ELEMENT_DEPTH));
  if (warnings.length > 0) reading.warning = warnings.join(' ');
  return { ok: true, value: reading };
}

/** Notes are keyed by chapter path and id, so a marker can point into another chapter. */
function chapterKeys(path: string): NoteKeys {
  return {
    hrefKey: (href) => {
      const hash = href.indexOf('#');
      if (hash < 0 || hash === href.length - 1) return undefined;
      const file = href.slice(0, hash);
      const target = file === '' ? path : resolvePath(path, file);
      return target === undefined ? undefined : `${target}#${decodeFragment(href.slice(hash + 1))}`;
    },
    idKey: (id) => `${path}#${id}`,
  };
}
