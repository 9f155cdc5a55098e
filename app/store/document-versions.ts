/**
 * Re-importing a changed file: when a new file has the name and format of a document already in
 * the library and most of its text, it is a new version of that document. The new version
 * replaces the old one in one transaction, and every highlight moves with its text; one whose
 * text is gone keeps its quote and is shown as orphaned. No highlight or note is ever dropped.
 */
import { reanchorAll } from '../anchoring/reanchor';
import { describeRange } from '../anchoring/describe';
import type { ParsedDocument } from '../documents/model';
import { SAME_DOCUMENT_SIMILARITY, textSimilarity } from '../documents/similarity';
import type { LecternDb } from './db';
import { toSummary } from './document-summary';
import type { SaveImportOptions } from './documents-repo';
import type { StoredAnnotation } from './records';

/** The document `doc` is a new version of, if any: same file name and format, similar text. */
export async function findPreviousVersion(db: LecternDb, doc: ParsedDocument): Promise<string | null> {
  if (await db.documents.get(doc.id)) return null;
  // Through the [fileName+format] index: only documents of this name are read, however large the library.
  const candidates = await db.documents.where('[fileName+format]').equals([doc.fileName, doc.format]).toArray();
  let best: { id: string; score: number } | null = null;
  for (const candidate of candidates) {
    const content = await db.contents.get(candidate.id);
    if (!content) continue;
    const score = textSimilarity(content.text, doc.text);
    if (score >= SAME_DOCUMENT_SIMILARITY && (!best || score > best.score)) best = { id: candidate.id, score };
  }
  return best?.id ?? null;
}

/** What replacing a document did to its highlights. */
export interface VersionReplaceResult {
  id: string;
  replacedId: string;
  moved: number;
  orphaned: number;
}

function movedAnnotation(annotation: StoredAnnotation, newId: string, text: string, start: number, end: number, now: number): StoredAnnotation {
  const { quote, position } = describeRange(text, start, end);
  // Page rectangles belong to the old layout; the page view redraws them from the text.
  const page = annotation.selectors.find((selector) => selector.type === 'PageSelector');
  return { ...annotation, docId: newId, selectors: page ? [quote, position, { type: 'PageSelector', page: page.page }] : [quote, position], updatedAt: now };
}

/**
 * The new version is the same work, citing the same works: its citation key and those of its
 * references (whose ids keep what follows the document id) carry over, so no key that left
 * Lectern changes because the file did.
 */
async function moveCitekeys(db: LecternDb, oldId: string, newId: string): Promise<void> {
  const refPrefix = `ref:${oldId}:`;
  const rows = [...(await db.citekeys.where('owner').startsWith(refPrefix).toArray()), ...[await db.citekeys.get(`doc:${oldId}`)].filter((row) => row !== undefined)];
  if (rows.length === 0) return;
  const owner = (old: string) => (old.startsWith(refPrefix) ? `ref:${newId}:${old.slice(refPrefix.length)}` : `doc:${newId}`);
  await db.citekeys.bulkPut(rows.map((row) => ({ ...row, owner: owner(row.owner) })));
  await db.citekeys.bulkDelete(rows.map((row) => row.owner));
}

/** Stores `doc` in place of `oldId`, moving its highlights onto the new text. One transaction. */
export function replaceWithNewVersion(db: LecternDb, oldId: string, doc: ParsedDocument, options: SaveImportOptions = {}): Promise<VersionReplaceResult> {
  const tables = [db.documents, db.contents, db.originals, db.references, db.citations, db.annotations, db.collectionItems, db.pageMaps, db.citekeys];
  return db.transaction('rw', tables, async () => {
    const old = await db.documents.get(oldId);
    if (!old) throw new Error('The earlier version is no longer in the library.');
    const now = Date.now();
    // The source entered the library when its first version did, and keeps its tags and collections.
    await db.documents.add({ ...toSummary(doc, now), addedAt: old.addedAt, tags: old.tags ?? [] });
    const memberships = await db.collectionItems.where('docId').equals(oldId).toArray();
    if (memberships.length) {
      await db.collectionItems.bulkPut(memberships.map((item) => ({ ...item, docId: doc.id })));
      await db.collectionItems.where('docId').equals(oldId).delete();
    }
    await db.contents.add({ docId: doc.id, text: doc.text, blocks: doc.blocks });
    if (options.original) await db.originals.add({ docId: doc.id, data: options.original });
    if (doc.pageItems) await db.pageMaps.put({ docId: doc.id, pages: doc.pageItems, labels: doc.pageLabels ?? null });
    const references = (options.references ?? []).map((r) => ({ ...r, docId: doc.id }));
    if (references.length) await db.references.bulkAdd(references);
    const citations = (options.citations ?? []).map((c) => ({ ...c, docId: doc.id }));
    if (citations.length) await db.citations.bulkAdd(citations);

    const annotations = await db.annotations.where('docId').equals(oldId).toArray();
    const outcomes = reanchorAll(doc.text, annotations);
    let orphaned = 0;
    const updated = annotations.map((annotation, index) => {
      const result = outcomes[index]?.result;
      if (result) return movedAnnotation(annotation, doc.id, doc.text, result.start, result.end, now);
      orphaned += 1;
      return { ...annotation, docId: doc.id, updatedAt: now };
    });
    await db.annotations.bulkPut(updated);

    await db.documents.delete(oldId);
    await db.contents.delete(oldId);
    await db.originals.delete(oldId);
    await db.pageMaps.delete(oldId);
    await db.references.where('docId').equals(oldId).delete();
    await db.citations.where('docId').equals(oldId).delete();
    await moveCitekeys(db, oldId, doc.id);
    return { id: doc.id, replacedId: oldId, moved: annotations.length - orphaned, orphaned };
  });
}
