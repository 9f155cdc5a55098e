import { afterEach, describe, expect, it } from 'vitest';
import type { LecternDb } from './db';
import { saveImportedDocument } from './documents-repo';
import { listAllCitations, listAllContents, listAllReferences, readLibrarySources } from './library-reads';
import { openTestDb, sampleDocument } from './test-support';

let db: LecternDb;
afterEach(() => db?.close());

async function fill(): Promise<void> {
  db = await openTestDb();
  for (const seed of ['a', 'b']) {
    const doc = sampleDocument(seed);
    await saveImportedDocument(db, doc, {
      references: [
        { id: `${doc.id}:r1`, index: 1, raw: 'Smith, J. (2019). Later work.', csl: { id: 'r1', type: 'book', title: 'Later work' } },
        { id: `${doc.id}:r0`, index: 0, raw: 'Doe, A. (2010). Earlier work.', csl: { id: 'r0', type: 'book', title: 'Earlier work' } },
      ],
      citations: [
        { id: `${doc.id}:c1`, start: 60, end: 63, kind: 'numeric', referenceIds: [`${doc.id}:r1`] },
        { id: `${doc.id}:c0`, start: 50, end: 53, kind: 'numeric', referenceIds: [`${doc.id}:r0`] },
      ],
    });
  }
}

describe('library-wide reads', () => {
  it('lists every reference and citation, each document in order', async () => {
    await fill();
    const references = await listAllReferences(db);
    expect(references.map((r) => [r.docId.slice(-1), r.index])).toEqual([['a', 0], ['a', 1], ['b', 0], ['b', 1]]);
    const citations = await listAllCitations(db);
    expect(citations.map((c) => [c.docId.slice(-1), c.start])).toEqual([['a', 50], ['a', 60], ['b', 50], ['b', 60]]);
  });

  it('lists texts without their blocks', async () => {
    await fill();
    const contents = await listAllContents(db);
    expect(contents).toHaveLength(2);
    expect(contents[0]!.text).toContain('Reading notes');
    expect(Object.keys(contents[0]!)).toEqual(['docId', 'text']);
  });

  it('reads the index sources together, with each document’s text', async () => {
    await fill();
    const sources = await readLibrarySources(db);
    expect(sources.documents.map((d) => d.title).sort()).toEqual(['Reading notes a', 'Reading notes b']);
    expect(sources.documents[0]!.text).toContain('earlier work');
    expect(sources.references).toHaveLength(4);
    expect(sources.citations).toHaveLength(4);
  });

  it('is empty for an empty library', async () => {
    db = await openTestDb();
    expect(await readLibrarySources(db)).toEqual({ documents: [], references: [], citations: [] });
  });
});
