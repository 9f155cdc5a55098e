/**
 * The store's record types (records.ts) as zod schemas, one per backed-up table, so every row a
 * backup brings is checked field by field before anything is written. Rows are strict: a field
 * no record type has is refused rather than stored unseen. Free-form JSON (notes, notebooks, the
 * extra fields of a CSL item) is checked for shape only by parseSafeJson.
 *
 * The binary field of an original differs by where the row comes from (a Blob or bytes once
 * restored, a reference to a file inside a backup archive), so the schemas are built over it.
 */
import { z } from 'zod';
import type { Block, CslItem, MetadataProvenance } from '../documents/model';
import { isPageItemsEncoding } from '../documents/pdf/page-items';
import type {
  AnnotationSelector,
  DocumentContent,
  DocumentOriginal,
  DocumentSummary,
  StoredAnnotation,
  StoredCitation,
  StoredCitekey,
  StoredCollection,
  StoredCollectionItem,
  StoredNotebook,
  StoredPageMap,
  StoredReference,
  StoredTrashEntry,
  StoredWork,
} from './records';
import { CITEKEY_PATTERN, MAX_CITEKEY_LENGTH } from '../citations/citekeys';

/** Longest id Lectern writes is a reference id (64-character document id, a colon, a citekey). */
const MAX_ID = 1_000;
/** Titles, file names, tags, colours, names: generous for any real value, small next to a text. */
const MAX_SHORT = 10_000;

const id = z.string().min(1).max(MAX_ID);
const short = z.string().max(MAX_SHORT);
const offset = z.int().nonnegative();
const time = z.number().finite();

/**
 * A CSL item is open-ended (any CSL variable may appear, in whatever form a parser or the student
 * gave it): only its id and type are required to be text.
 */
const cslItem = z.looseObject({ id: z.string().max(MAX_ID), type: short }) as unknown as z.ZodType<CslItem>;

const provenance = z.strictObject({ titleIsFallback: z.boolean() }) satisfies z.ZodType<MetadataProvenance>;

const documentSummary = z.strictObject({
  id,
  title: short,
  authorsLabel: short.optional(),
  year: z.int().optional(),
  format: z.enum(['txt', 'md', 'html', 'pdf', 'epub', 'docx']),
  fileName: short,
  byteLength: offset,
  encoding: short.optional(),
  addedAt: time,
  updatedAt: time,
  metadata: cslItem,
  provenance,
  tags: z.array(short),
  parsedMetadata: cslItem.optional(),
});

const block = z
  .strictObject({
    kind: z.enum(['heading', 'paragraph', 'quote', 'list-item', 'code', 'rule']),
    start: offset,
    end: offset,
    level: z.int().nonnegative().optional(),
    ordered: z.boolean().optional(),
    marks: z
      .array(z.strictObject({ type: z.enum(['emphasis', 'strong', 'code', 'link']), start: offset, end: offset, href: z.string().optional() }))
      .optional(),
    page: z.int().positive().optional(),
  })
  .refine((b) => b.start <= b.end, 'a block that ends before it starts') satisfies z.ZodType<Block>;

const documentContent = z.strictObject({ docId: id, text: z.string(), blocks: z.array(block) });

const storedPageMap = z.strictObject({
  docId: id,
  pages: z.array(z.array(z.int()).refine(isPageItemsEncoding, 'not a page map Lectern writes')),
  labels: z.array(z.string().max(64)).nullable().optional(),
}) satisfies z.ZodType<StoredPageMap>;

const storedReference = z.strictObject({
  id,
  docId: id,
  index: offset,
  raw: z.string(),
  start: offset.optional(),
  end: offset.optional(),
  csl: cslItem,
  parsedCsl: cslItem.optional(),
});

const storedCitation = z
  .strictObject({
    id,
    docId: id,
    start: offset,
    end: offset,
    kind: short,
    referenceIds: z.array(id),
    locator: short.optional(),
  })
  .refine((c) => c.start <= c.end, 'a citation that ends before it starts');

const selector = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string().optional(), suffix: z.string().optional() }),
  z.strictObject({ type: z.literal('TextPositionSelector'), start: offset, end: offset }).refine((s) => s.start <= s.end, 'a position that ends before it starts'),
  z.strictObject({
    type: z.literal('PageSelector'),
    page: z.int().positive(),
    rects: z.array(z.strictObject({ x: z.number(), y: z.number(), width: z.number(), height: z.number() })).optional(),
  }),
]) satisfies z.ZodType<AnnotationSelector>;

const storedAnnotation = z.strictObject({
  id,
  docId: id,
  selectors: z.array(selector),
  color: short,
  noteJson: z.unknown(),
  noteText: z.string(),
  createdAt: time,
  updatedAt: time,
});

const storedNotebook = z.strictObject({ id, title: short, content: z.unknown(), updatedAt: time });

const storedCollection = z.strictObject({ id, name: short, createdAt: time, updatedAt: time });

const storedCollectionItem = z.strictObject({ collectionId: id, docId: id, addedAt: time });

const storedCitekey = z.strictObject({
  owner: z.string().regex(/^(?:doc|ref|work):./, 'not an owner Lectern writes').max(MAX_ID + 5),
  key: z.string().max(MAX_CITEKEY_LENGTH).regex(CITEKEY_PATTERN, 'not a citation key Lectern accepts'),
  pinned: z.boolean(),
  edited: z.boolean(),
  updatedAt: time,
}) satisfies z.ZodType<StoredCitekey>;

const storedWork = z.strictObject({
  id,
  csl: cslItem,
  sourceKey: short.optional(),
  origin: z.strictObject({ fileName: short, format: z.enum(['bibtex', 'biblatex', 'ris', 'csl-json']) }),
  addedAt: time,
  updatedAt: time,
});

/** Builds the per-table schemas over the schema of an original's bytes. */
export function recordSchemas<Binary extends z.ZodType>(binary: Binary) {
  const documentOriginal = z.strictObject({ docId: id, data: binary });
  const trashEntry = z.strictObject({
    id,
    kind: z.literal('document'),
    deletedAt: time,
    payload: z.strictObject({
      summary: documentSummary,
      content: documentContent.optional(),
      original: documentOriginal.optional(),
      references: z.array(storedReference),
      citations: z.array(storedCitation),
      annotations: z.array(storedAnnotation),
      collectionItems: z.array(storedCollectionItem),
    }),
  });
  return {
    documents: documentSummary,
    contents: documentContent,
    originals: documentOriginal,
    references: storedReference,
    citations: storedCitation,
    annotations: storedAnnotation,
    notebooks: storedNotebook,
    collections: storedCollection,
    collectionItems: storedCollectionItem,
    trash: trashEntry,
    pageMaps: storedPageMap,
    works: storedWork,
    citekeys: storedCitekey,
  };
}

/** An original's bytes as the store keeps them. */
export const storedBinary = z.union([z.instanceof(Blob), z.instanceof(Uint8Array)]) as unknown as z.ZodType<Blob | Uint8Array>;

/** The schemas of rows as the store holds them. */
export const storedRecordSchemas = recordSchemas(storedBinary);

/** Tables a backup holds, in the order they are written and restored. */
export type BackupTable = keyof typeof storedRecordSchemas;

/** Every backed-up table, documents first so references to them are known when the rest is read. */
export const BACKUP_TABLES = Object.keys(storedRecordSchemas) as BackupTable[];

// The schemas must describe exactly the record types: a field added to a record and not here
// (or the reverse) fails the type check, rather than a student's restore.
// Mutual assignability would let an optional field be missing on one side; this form does not.
type Same<A, B> = (<T>() => T extends Simplify<A> ? 1 : 2) extends <T>() => T extends Simplify<B> ? 1 : 2 ? true : false;
type Simplify<T> = { [K in keyof T]: T[K] };
type Check<T extends true> = T;
type Rows = { [K in BackupTable]: z.infer<(typeof storedRecordSchemas)[K]> };
export type SchemasMatchRecords = [
  Check<Same<Rows['documents'], DocumentSummary>>,
  Check<Same<Rows['contents'], DocumentContent>>,
  Check<Same<Rows['originals'], DocumentOriginal>>,
  Check<Same<Rows['references'], StoredReference>>,
  Check<Same<Rows['citations'], StoredCitation>>,
  Check<Same<Rows['annotations'], StoredAnnotation>>,
  Check<Same<Rows['notebooks'], StoredNotebook>>,
  Check<Same<Rows['collections'], StoredCollection>>,
  Check<Same<Rows['collectionItems'], StoredCollectionItem>>,
  Check<Same<Rows['trash'], StoredTrashEntry>>,
  Check<Same<Rows['pageMaps'], StoredPageMap>>,
  Check<Same<Rows['works'], StoredWork>>,
  Check<Same<Rows['citekeys'], StoredCitekey>>,
];
