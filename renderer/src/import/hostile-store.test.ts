// The hostile corpus through the app's own import path (parse, find citations, store in one
// transaction), on an in-memory IndexedDB: a refused file leaves the library exactly as it was,
// an imported one is stored whole, and a write that fails halfway stores nothing.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
// A test, never bundled: the app sanitizes with the browser's DOM, which Node has only as jsdom (happy-dom fails DOMPurify's probe).
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { nodeImportContext } from '../../../app/documents/html/sanitize-node';
import { HOSTILE_FILES } from '../../../app/documents/hostile/hostile-files';
import { nodeCorpusTools } from '../../../app/documents/hostile/qpdf';
import { openLecternDb, type LecternDb } from '../../../app/store/db';
import { importOne } from './import-file';

const context = nodeImportContext();

function freshDb(): LecternDb {
  return openLecternDb({ name: 'hostile', indexedDB: new IDBFactory(), IDBKeyRange });
}

/** Every row of the tables an import writes, by table. */
async function rows(db: LecternDb): Promise<Record<string, number>> {
  const [documents, contents, originals, references, citations] = await Promise.all([db.documents.count(), db.contents.count(), db.originals.count(), db.references.count(), db.citations.count()]);
  return { documents, contents, originals, references, citations };
}

/** Every content, original, reference and citation row belongs to a stored document. */
async function orphans(db: LecternDb): Promise<number> {
  const ids = new Set((await db.documents.toArray()).map((d) => d.id));
  const owners = [
    ...(await db.contents.toArray()).map((r) => r.docId),
    ...(await db.originals.toArray()).map((r) => r.docId),
    ...(await db.references.toArray()).map((r) => r.docId),
    ...(await db.citations.toArray()).map((r) => r.docId),
  ];
  return owners.filter((id) => !ids.has(id)).length;
}

describe('hostile files stored through the import path', () => {
  for (const file of HOSTILE_FILES) {
    it(`${file.kind} (${file.name}): stored whole or not at all`, { timeout: 300_000 }, async () => {
      const db = freshDb();
      try {
        const outcome = await importOne(db, file.name, new Blob([file.build(nodeCorpusTools) as Uint8Array<ArrayBuffer>]), context);
        const counts = await rows(db);
        if ('refused' in file.expect) {
          expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(file.expect.refused) as unknown });
          expect(counts).toEqual({ documents: 0, contents: 0, originals: 0, references: 0, citations: 0 });
        } else {
          expect(outcome).toMatchObject({ ok: true, created: true });
          expect(counts.documents).toBe(1);
          expect(counts.contents).toBe(1);
          expect(counts.originals).toBe(/\.(pdf|epub|docx)$/.test(file.name) ? 1 : 0);
          expect(await orphans(db)).toBe(0);
          if (file.expect.imported.warning) expect(outcome).toMatchObject({ warning: expect.stringMatching(file.expect.imported.warning) as unknown });
        }
      } finally {
        db.close();
      }
    });
  }

  it('stores nothing when a write fails halfway through the import’s transaction', async () => {
    const db = freshDb();
    try {
      const cited = new TextEncoder().encode('As Smith (2001) shows, the argument holds.\n\nReferences\n\nSmith, J. (2001). A Study. Journal of Studies, 1, 1–2.\n');
      // The citations are written last: failing there must take back the document, its text and its references.
      db.citations.hook('creating', () => {
        throw new Error('disk full');
      });
      const outcome = await importOne(db, 'cited.txt', new Blob([cited]), context);
      expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(/^“cited\.txt” was not saved/) as unknown });
      expect(await rows(db)).toEqual({ documents: 0, contents: 0, originals: 0, references: 0, citations: 0 });
    } finally {
      db.close();
    }
  });
});
