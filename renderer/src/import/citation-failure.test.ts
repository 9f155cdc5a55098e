// A document whose citations cannot be found is still imported, and the student is told why its
// Works Cited is empty: the failure is a warning in the file's outcome, not dropped.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as DocumentCitations from '../../../app/citations/document-citations';
import { openLecternDb } from '../../../app/store/db';

const failing = vi.hoisted(() => ({ on: false }));

vi.mock('../../../app/citations/document-citations', async (importOriginal) => {
  const original = await importOriginal<typeof DocumentCitations>();
  return {
    ...original,
    findDocumentCitations: (doc: Parameters<typeof original.findDocumentCitations>[0]) => {
      if (failing.on) throw new Error('the reference list could not be parsed.');
      return original.findDocumentCitations(doc);
    },
  };
});

const { importOne } = await import('./import-file');

const context = { sanitizeHtml: (html: string) => Promise.resolve(html) };
const text = [
  'Reviews: a study',
  'The first part of this study sets out the question and the sources it reads (Smith, 2001).',
  'The second part weighs the evidence against the earlier readings of the question.',
  'References',
  'Smith, J. (2001). A Study of Reviews. Journal of Studies, 1, 1–2.',
].join('\n\n');

afterEach(() => {
  failing.on = false;
});

describe('a citation-finding failure at import', () => {
  it('imports the document and reports the failure as the outcome’s warning', async () => {
    const db = openLecternDb({ name: 'citation-failure', indexedDB: new IDBFactory(), IDBKeyRange });
    failing.on = true;
    const outcome = await importOne(db, 'study.txt', new Blob([text]), context);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.created).toBe(true);
    expect(outcome.warning).toBe('“study.txt” was imported, but Lectern could not find its citations and references: the reference list could not be parsed. Its Works Cited panel stays empty.');
    expect(await db.documents.get(outcome.id)).toBeDefined();
    expect(await db.contents.get(outcome.id)).toBeDefined();
    expect(await db.references.count()).toBe(0);
    expect(await db.citations.count()).toBe(0);
  });

  it('gives no warning when the citations are found', async () => {
    const db = openLecternDb({ name: 'citation-found', indexedDB: new IDBFactory(), IDBKeyRange });
    const outcome = await importOne(db, 'study.txt', new Blob([text]), context);
    expect(outcome.ok && outcome.warning).toBe(undefined);
    expect(await db.references.count()).toBe(1);
    expect(await db.citations.count()).toBeGreaterThan(0);
  });
});
