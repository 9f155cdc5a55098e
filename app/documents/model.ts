/**
 * The one Document model every importer produces. All positions are UTF-16 code-unit offsets
 * into `text`, the document's single canonical plain text.
 */

/** A CSL-JSON name (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslName {
  family?: string;
  given?: string;
  /** Particles such as "van der" that sort with the family name. */
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
  /** Institutional or single-field names ("All Favorite Movies"). */
  literal?: string;
}

/** A CSL-JSON date. `date-parts` holds [year, month?, day?] lists. */
export interface CslDate {
  'date-parts'?: number[][];
  literal?: string;
  raw?: string;
}

/** A CSL-JSON item: the bibliographic description of a document or a cited work. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  translator?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  'container-title'?: string;
  'collection-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  edition?: string;
  publisher?: string;
  'publisher-place'?: string;
  DOI?: string;
  URL?: string;
  ISBN?: string;
  note?: string;
  genre?: string;
  language?: string;
  [field: string]: unknown;
}

/** The kinds of block a reader renders. */
export type BlockKind = 'heading' | 'paragraph' | 'quote' | 'list-item' | 'code' | 'rule';

/** Inline formatting inside a block, as offsets into the document text. */
export interface InlineMark {
  type: 'emphasis' | 'strong' | 'code' | 'link';
  start: number;
  end: number;
  /** Target of a link mark. */
  href?: string;
}

/** One block of the document: a slice [start, end) of the canonical text. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Heading level 1-6, or list nesting depth (0 = top level). */
  level?: number;
  /** For list items: true when the list is numbered. */
  ordered?: boolean;
  marks?: InlineMark[];
  /** 1-based page the block starts on, for paged formats (PDF). */
  page?: number;
}

/** Source formats Lectern imports. */
export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf' | 'epub' | 'docx';

/** How a metadata field was obtained, so the UI can flag guesses the student should check. */
export interface MetadataProvenance {
  /** True when the title is a stand-in (the file name), not stated by the document. */
  titleIsFallback: boolean;
}

/** A parsed document, before it is stored. */
export interface ParsedDocument {
  /** SHA-256 of the original bytes, hex: re-importing the same file finds the same document. */
  id: string;
  format: DocumentFormat;
  fileName: string;
  /** Size of the original bytes. */
  byteLength: number;
  /** Character encoding the bytes were decoded from (text formats). */
  encoding?: string;
  text: string;
  blocks: Block[];
  metadata: CslItem;
  provenance: MetadataProvenance;
  /** Something the student should know about this import (e.g. a scanned PDF without text). */
  warning?: string;
  /** Footnote and endnote markers in the text, each linked to its note (DOCX, EPUB, HTML). */
  footnotes?: FootnoteLink[];
  /** PDF: where each page's text items fall in `text`, one encoded array per page (pdf/page-items.ts). */
  pageItems?: number[][];
  /** PDF: the printed page labels ("i", "ii", "1"...), one per page; absent when the PDF states none. */
  pageLabels?: string[];
}

/** A note marker ("[1]") and the note it points to, as offsets into the document text. */
export interface FootnoteLink {
  markerStart: number;
  markerEnd: number;
  /** The note's block: its first paragraph, starting with the note's number. */
  noteStart: number;
  noteEnd: number;
}

/** Errors cross boundaries as values, with a message the student can act on. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
