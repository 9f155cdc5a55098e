import { EPUB, type FoliateTocItem } from 'foliate-js/epub.js';
import { createSectionSanitizer, type SectionSanitizer } from '../../../app/documents/html/sanitize';
import { ZipArchive } from '../../../app/documents/zip/zip-archive';
import { servePart } from '../../../app/documents/epub/served-part';

let sanitizer: SectionSanitizer | undefined;

/** One sanitizer over the window's own DOM for every book. */
function sectionSanitizer(): SectionSanitizer {
  sanitizer ??= createSectionSanitizer(window);
  return sanitizer;
}

interface ResourceEvent extends Event {
  detail: { data: string | Blob | Promise<string | Blob>; type: string | Promise<string> };
}

/**
 * Opens a kept EPUB for the page view: foliate-js lays the book out, reading its parts from
 * Lectern's own zip reader (within the same size limits as import), and every chapter passes
 * DOMPurify before it becomes a page, SVG chapters included. Throws with a sentence a student can read.
 */
export async function openEpubForViewing(bytes: Uint8Array): Promise<EPUB> {
  const opened = ZipArchive.open(bytes);
  if (!opened.ok) throw new Error(`the book's archive could not be opened (${opened.detail})`);
  const archive = opened.value;
  const read = (path: string): Uint8Array | null => {
    const entry = archive.read(path);
    return entry?.ok ? entry.value : null;
  };
  const decoder = new TextDecoder();
  const book = new EPUB({
    loadText: (path) => {
      const data = read(path);
      return data ? decoder.decode(data) : null;
    },
    loadBlob: (path) => new Blob([(read(path) ?? new Uint8Array(0)) as Uint8Array<ArrayBuffer>]),
    getSize: (path) => read(path)?.length ?? 0,
  });
  await book.init();
  book.transformTarget.addEventListener('data', (event) => {
    const { detail } = event as ResourceEvent;
    const sanitize = sectionSanitizer();
    // Every part, whatever its declared type, is either sanitized, known to be inert, or served as plain text.
    const served = Promise.all([detail.data, detail.type]).then(([data, type]) => servePart(data, type, sanitize));
    detail.data = served.then((part) => part.data);
    detail.type = served.then((part) => part.type);
  });
  return book;
}

/** A chapter's title for each section index, from the book's table of contents. */
export function sectionTitles(book: EPUB): Map<number, string> {
  const titles = new Map<number, string>();
  const visit = (items: readonly FoliateTocItem[] | undefined) => {
    for (const item of items ?? []) {
      const target = safeResolve(book, item.href);
      if (target && target.index >= 0 && !titles.has(target.index)) titles.set(target.index, item.label.trim());
      visit(item.subitems);
    }
  };
  visit(book.toc);
  return titles;
}

function safeResolve(book: EPUB, href: string) {
  try {
    return book.resolveHref(href);
  } catch {
    return null;
  }
}
