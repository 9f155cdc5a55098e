/**
 * Small .docx files built in memory, for tests: a document with headings, a list, a hyperlink,
 * footnotes and core properties, and ways to damage it. Real Word files carry much more; these
 * carry exactly the parts Lectern reads.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** What goes into a test document. */
export interface DocxFixture {
  /** Body XML inside <w:body>; see `para`, `heading`, `run`. */
  body: string;
  /** Footnote XML elements (<w:footnote w:id="1">…), without the separator notes. */
  footnotes?: string;
  /** Extra relationships for word/document.xml (hyperlinks, linked images). */
  relationships?: string;
  coreXml?: string;
  /** Extra entries, or entries replacing the defaults (undefined removes one). */
  entries?: Record<string, Uint8Array | undefined>;
}

/** A paragraph of plain runs. */
export function para(text: string, style?: string): string {
  const props = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${props}${run(text)}</w:p>`;
}

/** A run of text, optionally bold or italic. */
export function run(text: string, format?: 'b' | 'i'): string {
  const props = format ? `<w:rPr><w:${format}/></w:rPr>` : '';
  return `<w:r>${props}<w:t xml:space="preserve">${text}</w:t></w:r>`;
}

/** A footnote reference run. */
export function footnoteRef(id: number): string {
  return `<w:r><w:footnoteReference w:id="${id}"/></w:r>`;
}

/** A footnote body. */
export function footnote(id: number, text: string): string {
  return `<w:footnote w:id="${id}"><w:p>${run(text)}</w:p></w:footnote>`;
}

/** Core properties with a title, creator and creation date. */
export function coreXml(title: string, creator: string, created: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${title}</dc:title><dc:creator>${creator}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created></cp:coreProperties>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${[1, 2, 3]
  .map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/></w:style>`)
  .join('')}<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style></w:styles>`;

/** Builds the .docx bytes. */
export function buildDocx(fixture: DocxFixture): Uint8Array {
  const footnotes = fixture.footnotes !== undefined;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${fixture.body}</w:body></w:document>`),
    'word/styles.xml': strToU8(STYLES),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${
        footnotes ? `<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>` : ''
      }${fixture.relationships ?? ''}</Relationships>`,
    ),
  };
  if (footnotes) {
    files['word/footnotes.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="${W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>${fixture.footnotes}</w:footnotes>`,
    );
  }
  if (fixture.coreXml) files['docProps/core.xml'] = strToU8(fixture.coreXml);
  const zippable: Zippable = { ...files };
  for (const [name, data] of Object.entries(fixture.entries ?? {})) {
    if (data === undefined) delete zippable[name];
    else zippable[name] = data;
  }
  return zipSync(zippable);
}
