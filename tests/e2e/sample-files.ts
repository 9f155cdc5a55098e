// Small documents the end-to-end specs import: a Word essay with a footnote and stated metadata,
// and a one-chapter EPUB book.
import { buildDocx, coreXml, footnote, footnoteRef, para, run } from '../../app/documents/docx/docx-fixture';
import { buildEpub } from '../../app/documents/epub/epub-fixture';

/** A Word essay on Closeness with one footnote. */
export function essayDocx(): Uint8Array {
  return buildDocx({
    body: para('An Essay on Closeness', 'Heading1') + `<w:p>${run('Critics praised the debut')}${footnoteRef(1)}${run(' for its long takes.')}</w:p>`,
    footnotes: footnote(1, 'See the FIPRESCI jury statement, 2017.'),
    coreXml: coreXml('An Essay on Closeness', 'Maria Ivanova', '2019-04-02T00:00:00Z'),
  });
}

/** An EPUB book of one chapter about Nalchik on screen. */
export function bookEpub(): Uint8Array {
  return buildEpub({
    metadata: '<dc:title>Cinema of the Caucasus</dc:title><dc:creator>Ruslan Khatuev</dc:creator><dc:date>2020</dc:date>',
    chapters: [{ file: 'ch1.xhtml', body: '<h1>Nalchik on Screen</h1><p>The city appears in Closeness as a place of limited options.</p>' }],
  });
}
