/**
 * Small EPUB books built in memory, for tests: a package file with Dublin Core metadata and a
 * spine of XHTML chapters. Real books carry styles, fonts and images; these carry what Lectern reads.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

/** What goes into a test book. */
export interface EpubFixture {
  /** Extra <metadata> content (dc:title, dc:creator...). */
  metadata: string;
  /** Chapters in spine order: file name (relative to OEBPS/) and <body> content. */
  chapters: { file: string; body: string }[];
  /** Entries to add or replace (undefined removes one). */
  entries?: Record<string, Uint8Array | undefined>;
}

/** An XHTML chapter document around `body`. */
export function xhtml(body: string, title = 'Chapter'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>${title}</title><link rel="stylesheet" href="style.css"/></head><body>${body}</body></html>`;
}

/** Builds the .epub bytes (mimetype first and stored, as the format asks). */
export function buildEpub(fixture: EpubFixture): Uint8Array {
  const manifest = fixture.chapters.map((c, i) => `<item id="c${i}" href="${c.file}" media-type="application/xhtml+xml"/>`).join('');
  const spine = fixture.chapters.map((_c, i) => `<itemref idref="c${i}"/>`).join('');
  const files: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(
      `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
    ),
    'OEBPS/content.opf': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">${fixture.metadata}</metadata><manifest>${manifest}</manifest><spine>${spine}</spine></package>`,
    ),
  };
  for (const chapter of fixture.chapters) files[`OEBPS/${chapter.file}`] = strToU8(xhtml(chapter.body));
  for (const [name, data] of Object.entries(fixture.entries ?? {})) {
    if (data === undefined) delete files[name];
    else files[name] = data;
  }
  return zipSync(files);
}
