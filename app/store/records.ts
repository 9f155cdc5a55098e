/**
 * The rows Lectern keeps in its local store. Each table holds one record type; texts, original
 * bytes and per-document lists live apart from the summary row so listing the library stays cheap.
 */
import type { Block, CslItem, DocumentFormat, MetadataProvenance } from '../documents/model';

/** One row of the library: what the list shows, sorts and filters on. Never holds the text. */
export interface DocumentSummary {
  /** SHA-256 of the original bytes, hex (same as ParsedDocument.id). */
  id: string;
  /** The stated title, or the file name when the document states none (see provenance). */
  title: string;
  /** Authors as the library shows them, e.g. "Ezerova, Daria"; absent when unknown. */
  authorsLabel?: string;
  /** Year of publication from the CSL `issued` date; absent when unknown. */
  year?: number;
  format: DocumentFormat;
  fileName: string;
  /** Size of the original bytes. */
  byteLength: number;
  /** Character encoding the text was decoded from (text formats). */
  encoding?: string;
  /** When the document entered the library, ms since the epoch. */
  addedAt: number;
  /** Last change to the row (metadata edits), ms since the epoch. */
  updatedAt: number;
  /** Full bibliographic description, the source of exports. */
  metadata: CslItem;
  /** Which metadata fields are guesses the student should check. */
  provenance: MetadataProvenance;
  /** The student's tags, trimmed and unique, in the order given; [] when untagged. */
  tags: string[];
  /** What was read from the file, kept once the student edits `metadata`, so it stays visible. */
  parsedMetadata?: CslItem;
}

/** The canonical text and its blocks, loaded only when a document is opened. */
export interface DocumentContent {
  /** The document this content belongs to (primary key). */
  docId: string;
  text: string;
  blocks: Block[];
}

/**
 * Where a PDF's pages' text items fall in its canonical text, one row per PDF document (schema
 * v5). Built at import, or from the kept original the first time the pages are shown.
 */
export interface StoredPageMap {
  /** The document (primary key). */
  docId: string;
  /** Per page, from page 1: its items encoded as documents/pdf/page-items.ts describes. */
  pages: number[][];
  /**
   * The printed page labels ("i", "ii", "1"...), one per page from page 1, as the PDF's
   * /PageLabels gives them; null when the PDF has none (its pages are cited by number), absent
   * when the map was made before labels were read.
   */
  labels?: string[] | null;
}

/** The original file, kept so page views (PDF, EPUB, DOCX) can be rebuilt. */
export interface DocumentOriginal {
  /** The document these bytes belong to (primary key). */
  docId: string;
  /** The bytes as given at import: a Blob in the app, a Uint8Array from the CLI or tests. */
  data: Blob | Uint8Array;
}

/** One entry of a document's reference list. */
export interface StoredReference {
  /**
   * Unique across the whole library (primary key): derive it from the document id plus the
   * entry's position and content hash, so two documents citing the same work do not collide.
   */
  id: string;
  /** The document whose reference list holds this entry. */
  docId: string;
  /** Position in the reference list, from 0. */
  index: number;
  /** The entry as printed in the document. */
  raw: string;
  /** Where the entry sits in the document text [start, end), when it was found there. */
  start?: number;
  end?: number;
  /** The entry parsed to CSL-JSON (as edited by the student, when edited). */
  csl: CslItem;
  /** The parser's reading, kept once the student edits `csl`. */
  parsedCsl?: CslItem;
}

/** One in-text citation, as offsets into the document text. */
export interface StoredCitation {
  /** Unique across the whole library (primary key), like StoredReference.id. */
  id: string;
  /** The document the citation appears in. */
  docId: string;
  /** Start offset [start, end) in the document text. */
  start: number;
  end: number;
  /** Citation style as detected, e.g. "numeric", "author-date" or "note". */
  kind: string;
  /** The reference-list entries this citation points to (StoredReference.id). */
  referenceIds: string[];
  /** Pinpoint such as "p. 12", when the citation gives one. */
  locator?: string;
}

export type { AnnotationSelector, PageRect, PageSelector, TextPositionSelector, TextQuoteSelector } from '../anchoring/selectors';
import type { AnnotationSelector } from '../anchoring/selectors';

/** A highlight, with an optional note. */
export interface StoredAnnotation {
  /** Primary key, chosen by the caller (e.g. crypto.randomUUID()). */
  id: string;
  /** The annotated document. */
  docId: string;
  /** Where the highlight sits; several kinds so it survives re-import. */
  selectors: AnnotationSelector[];
  /** Highlight colour name or CSS colour. */
  color: string;
  /** The note's rich-text editor state, serialisable as JSON; null without a note. */
  noteJson: unknown;
  /** The note as plain text, for search and Markdown export; "" without a note. */
  noteText: string;
  /** ms since the epoch. */
  createdAt: number;
  /** ms since the epoch. */
  updatedAt: number;
}

/** A free-standing notebook the student writes in. */
export interface StoredNotebook {
  /** Primary key, chosen by the caller. */
  id: string;
  title: string;
  /** The rich-text editor state, serialisable as JSON. */
  content: unknown;
  /** ms since the epoch. */
  updatedAt: number;
}

/** A named group of documents the student makes (a course, a chapter, a reading list). */
export interface StoredCollection {
  /** Primary key, chosen by the store. */
  id: string;
  name: string;
  /** ms since the epoch. */
  createdAt: number;
  /** Last rename or membership change, ms since the epoch; merges keep the newer row. */
  updatedAt: number;
}

/** One document in one collection (compound primary key [collectionId+docId]). */
export interface StoredCollectionItem {
  collectionId: string;
  docId: string;
  /** When the document was added to the collection, ms since the epoch. */
  addedAt: number;
}

/** Everything a trashed document had, kept so restoring puts it back exactly. */
export interface TrashedDocumentPayload {
  summary: DocumentSummary;
  content?: DocumentContent;
  original?: DocumentOriginal;
  references: StoredReference[];
  citations: StoredCitation[];
  /** Highlights with their notes. */
  annotations: StoredAnnotation[];
  /** The collections the document was in. */
  collectionItems: StoredCollectionItem[];
}

/** A deleted document waiting in the trash until it is restored or expires. */
export interface StoredTrashEntry {
  /** Primary key, chosen by the store. */
  id: string;
  kind: 'document';
  /** When it was moved to the trash, ms since the epoch. */
  deletedAt: number;
  payload: TrashedDocumentPayload;
}

/** A persisted search index (one row per index, keyed by name). */
export interface StoredSearchIndex {
  /** Which index, e.g. "library". */
  key: string;
  /** The serialized index and what it was built from; shape owned by app/search. */
  value: unknown;
}

/**
 * A work's citation key (schema v6), given the first time the work is cited, exported or synced
 * and kept from then on: the same work keeps its key when the library around it changes.
 */
export interface StoredCitekey {
  /**
   * Whose key it is (primary key): "doc:<document id>" for a source, "ref:<StoredReference.id>"
   * for a work a source cites (a cited work merged from several references takes the key of any
   * of them that has one), "work:<StoredWork.id>" for a work imported from a bibliography.
   */
  owner: string;
  /** The key itself, e.g. "yuvaldavis1997gender"; one work's alone (rows of owners of the same work share it). */
  key: string;
  /** True once the key has left Lectern (an export, the synced file, a copied citation): it never changes by itself again. */
  pinned: boolean;
  /** True when the student typed the key. */
  edited: boolean;
  /** Last change, ms since the epoch. */
  updatedAt: number;
}

/** The formats a bibliography file is imported from. */
export type BibliographyFormat = 'bibtex' | 'biblatex' | 'ris' | 'csl-json';

/**
 * A work imported from a bibliography file (BibTeX, BibLaTeX, RIS, CSL-JSON, as Zotero, JabRef
 * and Mendeley export them), in the library without a document (schema v6). The Cited Works
 * index merges it with the references that cite the same work.
 */
export interface StoredWork {
  /** Primary key, chosen by the store. */
  id: string;
  /** The entry as CSL-JSON. */
  csl: CslItem;
  /** The key the file gave the entry ("smith2020"), offered as its citation key when free. */
  sourceKey?: string;
  /** The file the work came from. */
  origin: { fileName: string; format: BibliographyFormat };
  /** ms since the epoch. */
  addedAt: number;
  /** Last edit, ms since the epoch. */
  updatedAt: number;
}

/** One Yjs update of the synced library (schema v7), kept until it is compacted. */
export interface StoredSyncUpdate {
  /** Arrival order (auto-incremented primary key). */
  seq?: number;
  /** The update as Yjs encodes it (Y.encodeStateAsUpdate / the 'update' event). */
  update: Uint8Array;
  /** When it was stored, ms since the epoch. */
  at: number;
}

/** A small fact the sync keeps on this machine (schema v7); the value's shape is owned by app/sync. */
export interface StoredSyncMeta {
  /** e.g. "note:annotation:<id>" or "purged:<docId>". */
  key: string;
  value: unknown;
}
