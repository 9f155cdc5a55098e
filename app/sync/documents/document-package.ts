/**
 * A document's rows as one content-addressed blob, so another machine gets the document without
 * parsing its file again: the summary, the text and blocks, the reference list, the in-text
 * citations, the PDF page map and the citation keys of the document and its references, as JSON
 * with sorted keys, gzipped without a date, named by the SHA-256 of the result. The same rows
 * always make the same bytes, so one document is one blob however often it is published.
 *
 * Highlights are not in it (they sync as rows of their own), nor is the original file (a blob of
 * its own, named by the document id). What comes back from the server is untrusted: unpack checks
 * every row with the backup's record schemas and that every row belongs to the document, and
 * refuses anything else with a sentence.
 */
import { Gunzip, gzipSync } from 'fflate';
import { z } from 'zod';
import { sha256Hex } from '../../documents/hash';
import type { LecternDb } from '../../store/db';
import { storedRecordSchemas } from '../../store/record-schemas';
import type { DocumentContent, DocumentSummary, StoredCitation, StoredCitekey, StoredPageMap, StoredReference } from '../../store/records';

/** What a package says it is, so a blob of another kind is never read as one. */
export const PACKAGE_KIND = 'lectern-document';
export const PACKAGE_VERSION = 1;

/** The most a package may hold once expanded (a long book's text, blocks and page map fit many times over). */
export const MAX_PACKAGE_JSON_BYTES = 256 * 1024 * 1024;

/** The rows a package carries. */
export interface DocumentPackageRows {
  summary: DocumentSummary;
  content: DocumentContent;
  references: StoredReference[];
  citations: StoredCitation[];
  pageMap: StoredPageMap | null;
  citekeys: StoredCitekey[];
}

/** A packed document: the gzipped bytes and their SHA-256 (hex), the blob's name. */
export interface PackedDocument {
  bytes: Uint8Array;
  sha: string;
}

const schemas = storedRecordSchemas;

const packageSchema = z.strictObject({
  kind: z.literal(PACKAGE_KIND),
  version: z.literal(PACKAGE_VERSION),
  summary: schemas.documents,
  content: schemas.contents,
  references: z.array(schemas.references),
  citations: z.array(schemas.citations),
  pageMap: schemas.pageMaps.nullable(),
  citekeys: z.array(schemas.citekeys),
});

/** JSON with every object's keys sorted, so equal rows give equal text whatever order their fields were written in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => {
    if (field === null || typeof field !== 'object' || Array.isArray(field)) return field;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(field).sort()) sorted[key] = (field as Record<string, unknown>)[key];
    return sorted;
  });
}

/** Reads a document's rows; undefined when the document (or its text) is not in the library. */
export function readPackageRows(db: LecternDb, docId: string): Promise<DocumentPackageRows | undefined> {
  return db.transaction('r', [db.documents, db.contents, db.references, db.citations, db.pageMaps, db.citekeys], async () => {
    const summary = await db.documents.get(docId);
    const content = await db.contents.get(docId);
    if (!summary || !content) return undefined;
    const references = (await db.references.where('docId').equals(docId).toArray()).sort((a, b) => a.index - b.index || compare(a.id, b.id));
    const citations = (await db.citations.where('docId').equals(docId).toArray()).sort((a, b) => a.start - b.start || compare(a.id, b.id));
    const pageMap = (await db.pageMaps.get(docId)) ?? null;
    const owners = [`doc:${docId}`, ...references.map((r) => `ref:${r.id}`)];
    const citekeys = (await db.citekeys.bulkGet(owners)).filter((row): row is StoredCitekey => row !== undefined).sort((a, b) => compare(a.owner, b.owner));
    return { summary, content, references, citations, pageMap, citekeys };
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Packs rows into a package's bytes and names them. */
export async function packRows(rows: DocumentPackageRows): Promise<PackedDocument> {
  const json = canonicalJson({ kind: PACKAGE_KIND, version: PACKAGE_VERSION, ...rows });
  const bytes = gzipSync(new TextEncoder().encode(json), { level: 6, mtime: 0 });
  return { bytes, sha: await sha256Hex(bytes) };
}

/** Packs a document of the library; null when it is not there (deleted meanwhile). */
export async function pack(db: LecternDb, docId: string): Promise<PackedDocument | null> {
  const rows = await readPackageRows(db, docId);
  return rows ? packRows(rows) : null;
}

/** Why a package was refused, as the sentence the student reads. */
function refused(reason: string): Error {
  return new Error(`The synced copy of a document is damaged or not one Lectern made (${reason}). Nothing was written.`);
}

/** Expands gzip, a piece at a time, refusing to go past `limit` bytes (a small blob may expand enormously). */
function gunzipBounded(bytes: Uint8Array, limit: number): Uint8Array {
  if (bytes.byteLength < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw refused('it is not gzip');
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const stream = new Gunzip((chunk) => {
    total += chunk.byteLength;
    if (total > limit) over = true;
    else chunks.push(chunk);
  });
  // Small pieces: deflate expands at most about a thousandfold, so one piece cannot overshoot the limit far.
  const PIECE = 16 * 1024;
  try {
    for (let at = 0; at < bytes.byteLength && !over; at += PIECE) {
      const end = Math.min(at + PIECE, bytes.byteLength);
      stream.push(bytes.subarray(at, end), end === bytes.byteLength);
    }
  } catch {
    throw refused('its gzip data is broken');
  }
  if (over) throw refused(`it expands to more than ${Math.round(limit / (1024 * 1024))} MB`);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The first problem zod found, as a phrase. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue?.path.length ? `field “${issue.path.join('.')}”: ` : '';
  const what = issue?.message ? issue.message.charAt(0).toLowerCase() + issue.message.slice(1) : 'not what Lectern writes';
  return `${field}${what}`;
}

/** The first row that does not belong to document `id`, as a phrase; undefined when all do. */
function strayRow(rows: DocumentPackageRows): string | undefined {
  const id = rows.summary.id;
  const own = (rowId: string) => rowId.startsWith(`${id}:`);
  if (rows.content.docId !== id) return 'its text belongs to another document';
  if (rows.pageMap && rows.pageMap.docId !== id) return 'its page map belongs to another document';
  const referenceIds = new Set<string>();
  for (const reference of rows.references) {
    if (reference.docId !== id || !own(reference.id)) return `reference “${reference.id.slice(0, 80)}” belongs to another document`;
    if (referenceIds.has(reference.id)) return `reference “${reference.id.slice(0, 80)}” appears twice`;
    referenceIds.add(reference.id);
  }
  const citationIds = new Set<string>();
  for (const citation of rows.citations) {
    if (citation.docId !== id || !own(citation.id)) return `citation “${citation.id.slice(0, 80)}” belongs to another document`;
    if (citationIds.has(citation.id)) return `citation “${citation.id.slice(0, 80)}” appears twice`;
    citationIds.add(citation.id);
    const missing = citation.referenceIds.find((ref) => !referenceIds.has(ref));
    if (missing !== undefined) return `citation “${citation.id.slice(0, 80)}” points to a reference it does not hold`;
  }
  const owners = new Set<string>();
  for (const row of rows.citekeys) {
    const mine = row.owner === `doc:${id}` || (row.owner.startsWith('ref:') && referenceIds.has(row.owner.slice(4)));
    if (!mine) return `the citation key of “${row.owner.slice(0, 80)}” belongs to another work`;
    if (owners.has(row.owner)) return `the citation key of “${row.owner.slice(0, 80)}” appears twice`;
    owners.add(row.owner);
  }
  return undefined;
}

/**
 * Reads a package's bytes back into rows, refusing with a sentence anything that is not a package
 * Lectern makes: not gzip, not JSON, a row of the wrong shape, a row of another document, more than
 * `limit` bytes once expanded. With `docId`, the package must be that document's.
 */
export function unpack(bytes: Uint8Array, options: { docId?: string; limit?: number } = {}): DocumentPackageRows {
  const json = gunzipBounded(bytes, options.limit ?? MAX_PACKAGE_JSON_BYTES);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    throw refused('it is not text');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw refused('it is not JSON');
  }
  if (value === null || typeof value !== 'object' || (value as { kind?: unknown }).kind !== PACKAGE_KIND) throw refused('it is not a Lectern document package');
  const parsed = packageSchema.safeParse(value);
  if (!parsed.success) throw refused(describeIssue(parsed.error));
  const { kind: _kind, version: _version, ...rows } = parsed.data;
  if (options.docId !== undefined && rows.summary.id !== options.docId) throw refused('it holds another document');
  const stray = strayRow(rows);
  if (stray) throw refused(stray);
  return rows;
}
