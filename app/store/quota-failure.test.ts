import { afterEach, describe, expect, it } from 'vitest';
import type { LecternDb } from './db';
import { asStorageResult, saveImportedDocument } from './documents-repo';
import { openTestDb, sampleDocument } from './test-support';

let db: LecternDb;
afterEach(() => db?.close());

describe('a write that runs out of space', () => {
  it('leaves no half document and tells the student the storage is full', async () => {
    db = await openTestDb();
    // The disk fills up after the summary, text and references were written, at the citations.
    db.citations.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const doc = sampleDocument('q');
    const result = await asStorageResult(() =>
      saveImportedDocument(db, doc, {
        original: new Uint8Array([1]),
        references: [{ id: 'r', index: 0, raw: 'Smith.', csl: { id: 'r', type: 'book' } }],
        citations: [{ id: 'c', start: 1, end: 2, kind: 'numeric', referenceIds: ['r'] }],
      }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/storage is full.*Free some disk space/);
    for (const table of [db.documents, db.contents, db.originals, db.references, db.citations]) {
      expect(await table.count(), table.name).toBe(0);
    }
  });
});
