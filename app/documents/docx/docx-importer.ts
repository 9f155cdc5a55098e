/**
 * Word documents (.docx) through mammoth, which turns Word's styles into HTML (Heading 1 → <h1>,
 * footnotes into a list of notes); Lectern's HTML walker then makes blocks of it, with each
 * footnote marker linked to its note. mammoth is pure JavaScript and runs in the import worker
 * and in Node alike. Nothing a document links to is ever fetched: images are not read at all
 * (the reader shows text), external file access is off, and hyperlinks only become link marks.
 */
import mammoth from 'mammoth';
import type { FormatImporter, FormatReading } from '../format-importer';
import type { Result } from '../model';
import { footnoteLinks, htmlToBlocks } from '../html/html-blocks';
import { limitDepth, MAX_ELEMENT_DEPTH, nestingWarning, parseHtml } from '../html/html-dom';
import { SINGLE_PAGE_KEYS } from '../html/html-importer';
import { emptyNoteIndex, indexNotes } from '../html/html-notes';
import { missingPartMessage, zipProblemMessage, type ZipDocumentKind } from '../zip/zip-problem-message';
import { readCoreProperties } from './docx-core-properties';
import { unpackDocx } from './docx-package';

const KIND: ZipDocumentKind = {
  label: 'Word document (.docx)',
  article: 'a',
  remedy: 'open it in Word or LibreOffice and save it again as .docx',
};

/** Word styles mammoth does not map by default but students use for structure. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
];

/** An image converter that never reads the image: no bytes inflated, no linked file opened. */
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/** DOCX files. */
export const docxImporter: FormatImporter = {
  format: 'docx',
  extensions: ['.docx'],
  async read(_fileName, name, bytes): Promise<Result<FormatReading>> {
    if (bytes.length === 0) return { ok: false, error: `${name} is empty.` };
    const unpacked = unpackDocx(bytes);
    if (!unpacked.ok) {
      const problem = unpacked.error;
      return { ok: false, error: 'missing' in problem ? missingPartMessage(name, problem.missing, KIND) : zipProblemMessage(name, problem.problem, KIND) };
    }
    const tooDeep = `${name} nests its content more than ${MAX_XML_DEPTH} levels deep (tables inside tables, or similar), more than Lectern can read. ${capitalise(KIND.remedy)}, with less nesting.`;
    if (unpacked.value.deepest > MAX_XML_DEPTH) return { ok: false, error: tooDeep };
    const converted = await convert(unpacked.value.zipped);
    if (converted === 'too-deep') return { ok: false, error: tooDeep };
    if (converted === 'broken') return { ok: false, error: `${name} is damaged: Word's XML inside it cannot be read. ${capitalise(KIND.remedy)}.` };
    const document = parseHtml(converted.html);
    const flattened = limitDepth(document, MAX_ELEMENT_DEPTH);
    const notes = emptyNoteIndex();
    indexNotes(document, SINGLE_PAGE_KEYS, notes);
    const blocks = htmlToBlocks(document, { keys: SINGLE_PAGE_KEYS, notes, dropBoilerplate: false });
    const links = footnoteLinks(blocks.markers, blocks.notes);
    const stated = unpacked.value.coreXml ? readCoreProperties(unpacked.value.coreXml) : {};
    const reading: FormatReading = { drafts: blocks.drafts, stated, ...(links.length > 0 ? { footnoteLinks: links } : {}) };
    if (flattened) reading.warning = nestingWarning(name, MAX_ELEMENT_DEPTH);
    return { ok: true, value: reading };
  },
};

/**
 * mammoth reads Word's XML by recursion, and overflows the stack somewhere past a thousand
 * levels; Word itself stops tables at 64 levels (three XML levels each). Deeper files are
 * refused before mammoth sees them, with a message saying why.
 */
export const MAX_XML_DEPTH = 400;

/** mammoth's HTML, or why there is none: the document's XML is broken, or nests deeper than mammoth can walk. */
async function convert(zipped: Uint8Array): Promise<{ html: string } | 'broken' | 'too-deep'> {
  const arrayBuffer = zipped.buffer.slice(zipped.byteOffset, zipped.byteOffset + zipped.byteLength);
  // Node's mammoth reads `buffer`, the browser build `arrayBuffer`; a Uint8Array serves as both.
  const input = { arrayBuffer, buffer: zipped } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  try {
    const result = await mammoth.convertToHtml(input, {
      styleMap: STYLE_MAP,
      convertImage: NO_IMAGES,
      externalFileAccess: false,
      ignoreEmptyParagraphs: true,
    });
    return { html: result.value };
  } catch (error) {
    return error instanceof RangeError ? 'too-deep' : 'broken';
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
