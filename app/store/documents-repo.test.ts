import { afterEach, describe, expect, it } from 'vitest';
import type { LecternDb } from './db';
import {
  countDocuments,
  deleteDocument,
  getDocument,
  getDocumentContent,
  getDocumentOriginal,
  listCitations,
  listDocuments,
  listReferences,
  saveImportedDocument,
  type CitationInput,
  type ReferenceInput,
} from './documents-repo';
import { putAnnotation, listAnnotationsByDoc } from './annotations-repo';
import { openTestDb, sampleDocument } from './test-support';

let db: LecternDb;
afterEach(() => db?.close());

function referencesFor(docId: string): ReferenceInput[] {
  return [
    { id: `${docId}:r1`, index: 1, raw: 'Smith, J. (2019). Later work.', csl: { id: 'r1', type: 'book', title: 'Later work' } },
    { id: `${docId}:r0`, index: 0, raw: 'Doe, A. (2010). Earlier work.', csl: { id: 'r0', type: 'book', title: 'Earlier work' } },
  ];
}

function citationsFor(docId: string): CitationInput[] {
  return [
    { id: `${docId}:c1`, start: 60, end: 63, kind: 'numeric', referenceIds: [`${docId}:r1`] },
    { id: `${docId}:c0`, start: 50, end: 53, kind: 'numeric', referenceIds: [`${docId}:r0`], locator: 'p. 12' },
  ];
}

/** Rows any table holds for a document: what must be empty after a failed import or a delete. */
async function rowsFor(docId: string): Promise<Record<string, number>> {
  return {
    documents: await db.documents.where('id').equals(docId).count(),
    contents: await db.contents.where('docId').equals(docId).count(),
    originals: await db.originals.where('docId').equals(docId).count(),
    references: await db.references.where('docId').equals(docId).count(),
    citations: await db.citations.where('docId').equals(docId).count(),
    annotations: await db.annotations.where('docId').equals(docId).count(),
  };
}

const none = { documents: 0, contents: 0, originals: 0, references: 0, citations: 0, annotations: 0 };

describe('saveImportedDocument and reads', () => {
  it('round-trips summary, content, original, references and citations', async () => {
    db = await openTestDb();
    const doc = sampleDocument('a');
    const before = Date.now();
    const original = new Blob([new Uint8Array([37, 80, 68, 70])], { type: 'application/pdf' });
    const saved = await saveImportedDocument(db, doc, { original, references: referencesFor(doc.id), citations: citationsFor(doc.id) });
    expect(saved).toEqual({ id: doc.id, created: true });

    const summary = await getDocument(db, doc.id);
    expect(summary).toMatchObject({
      id: doc.id,
      title: 'Reading notes a',
      authorsLabel: 'Ezerova, Daria',
      year: 2021,
      format: 'md',
      fileName: 'notes-a.md',
      byteLength: doc.byteLength,
      encoding: 'utf-8',
      metadata: doc.metadata,
      provenance: { titleIsFallback: false },
    });
    expect(summary!.addedAt).toBeGreaterThanOrEqual(before);
    expect(summary!.updatedAt).toBe(summary!.addedAt);
    expect(summary).not.toHaveProperty('text');

    expect(await getDocumentContent(db, doc.id)).toEqual({ text: doc.text, blocks: doc.blocks });
    const stored = await getDocumentOriginal(db, doc.id);
    expect(stored).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await (stored as Blob).arrayBuffer())]).toEqual([37, 80, 68, 70]);

    expect((await listReferences(db, doc.id)).map((r) => [r.index, r.docId, r.csl.title])).toEqual([
      [0, doc.id, 'Earlier work'],
      [1, doc.id, 'Later work'],
    ]);
    const citations = await listCitations(db, doc.id);
    expect(citations.map((c) => c.start)).toEqual([50, 60]);
    expect(citations[0]).toMatchObject({ docId: doc.id, locator: 'p. 12', referenceIds: [`${doc.id}:r0`] });
  });

  it('lists summaries only, newest first, and counts them', async () => {
    db = await openTestDb();
    await saveImportedDocument(db, sampleDocument('a'));
    await new Promise((resolve) => setTimeout(resolve, 2));
    await saveImportedDocument(db, sampleDocument('b', { metadata: { id: 'b', type: 'book' }, provenance: { titleIsFallback: true } }));
    const list = await listDocuments(db);
    expect(list.map((d) => d.fileName)).toEqual(['notes-b.md', 'notes-a.md']);
    expect(list.every((d) => !('text' in d) && !('blocks' in d))).toBe(true);
    // No stated title, author or year: the file name stands in and the rest stays absent.
    expect(list[0]).toMatchObject({ title: 'notes-b.md', provenance: { titleIsFallback: true } });
    expect(list[0]).not.toHaveProperty('authorsLabel');
    expect(list[0]).not.toHaveProperty('year');
    expect(await countDocuments(db)).toBe(2);
  });

  it('keeps a Uint8Array original as bytes', async () => {
    db = await openTestDb();
    const doc = sampleDocument('u');
    await saveImportedDocument(db, doc, { original: new Uint8Array([1, 2, 3]) });
    expect(await getDocumentOriginal(db, doc.id)).toEqual(new Uint8Array([1, 2, 3]));
    expect(await getDocumentOriginal(db, 'missing')).toBeUndefined();
    expect(await getDocumentContent(db, 'missing')).toBeUndefined();
  });

  it('re-importing the same bytes reports created:false and changes nothing', async () => {
    db = await openTestDb();
    const doc = sampleDocument('a');
    await saveImportedDocument(db, doc, { references: referencesFor(doc.id) });
    const first = await getDocument(db, doc.id);
    const again = await saveImportedDocument(
      db,
      { ...doc, text: 'changed', metadata: { ...doc.metadata, title: 'Changed' } },
      { original: new Uint8Array([9]), references: [], citations: citationsFor(doc.id) },
    );
    expect(again).toEqual({ id: doc.id, created: false });
    expect(await getDocument(db, doc.id)).toEqual(first);
    expect((await getDocumentContent(db, doc.id))?.text).toBe(doc.text);
    expect(await rowsFor(doc.id)).toEqual({ ...none, documents: 1, contents: 1, references: 2 });
  });
});

describe('atomic import', () => {
  it('leaves nothing behind when a later write fails', async () => {
    db = await openTestDb();
    const doc = sampleDocument('a');
    const failCitations = () => {
      throw new Error('disk went away');
    };
    db.citations.hook('creating', failCitations);
    await expect(
      saveImportedDocument(db, doc, { original: new Uint8Array([1]), references: referencesFor(doc.id), citations: citationsFor(doc.id) }),
    ).rejects.toThrow();
    db.citations.hook('creating').unsubscribe(failCitations);
    expect(await rowsFor(doc.id)).toEqual(none);
    expect(await countDocuments(db)).toBe(0);
  });

  it('aborts rather than overwrite a reference id another document owns', async () => {
    db = await openTestDb();
    const owner = sampleDocument('a');
    await saveImportedDocument(db, owner, { references: referencesFor(owner.id) });
    const intruder = sampleDocument('b');
    const clash = referencesFor(owner.id).map((r) => ({ ...r, raw: 'overwritten' }));
    await expect(saveImportedDocument(db, intruder, { references: clash })).rejects.toThrow();
    expect(await rowsFor(intruder.id)).toEqual(none);
    expect((await listReferences(db, owner.id)).map((r) => r.raw)).not.toContain('overwritten');
  });
});

describe('deleteDocument', () => {
  it('removes every row of the document and leaves others alone', async () => {
    db = await openTestDb();
    const a = sampleDocument('a');
    const b = sampleDocument('b');
    for (const doc of [a, b]) {
      await saveImportedDocument(db, doc, { original: new Uint8Array([1]), references: referencesFor(doc.id), citations: citationsFor(doc.id) });
      await putAnnotation(db, {
        id: `${doc.id}:h1`,
        docId: doc.id,
        selectors: [{ type: 'TextPositionSelector', start: 0, end: 5 }],
        color: 'yellow',
        noteJson: null,
        noteText: '',
        createdAt: 1,
        updatedAt: 1,
      });
    }
    expect(await deleteDocument(db, a.id)).toBe(true);
    expect(await rowsFor(a.id)).toEqual(none);
    expect(await rowsFor(b.id)).toEqual({ documents: 1, contents: 1, originals: 1, references: 2, citations: 2, annotations: 1 });
    expect(await listAnnotationsByDoc(db, b.id)).toHaveLength(1);
    expect(await deleteDocument(db, a.id)).toBe(false);
  });
});
