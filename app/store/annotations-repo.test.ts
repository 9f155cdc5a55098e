import { afterEach, describe, expect, it } from 'vitest';
import type { LecternDb } from './db';
import { deleteAnnotation, getAnnotation, listAnnotationsByDoc, putAnnotation, type StoredAnnotation } from './annotations-repo';
import { openTestDb } from './test-support';

let db: LecternDb;
afterEach(() => db?.close());

function highlight(id: string, docId: string, createdAt: number): StoredAnnotation {
  return {
    id,
    docId,
    selectors: [
      { type: 'TextQuoteSelector', exact: 'earlier work', prefix: 'rests on ', suffix: ' [1]' },
      { type: 'TextPositionSelector', start: 10, end: 22 },
      { type: 'PageSelector', page: 3, rects: [{ x: 1, y: 2, width: 30, height: 4 }] },
    ],
    color: 'yellow',
    noteJson: { root: { children: [{ text: 'check this' }] } },
    noteText: 'check this',
    createdAt,
    updatedAt: createdAt,
  };
}

describe('annotations repository', () => {
  it('puts, gets, replaces, lists by document and deletes', async () => {
    db = await openTestDb();
    await putAnnotation(db, highlight('h2', 'doc-a', 20));
    await putAnnotation(db, highlight('h1', 'doc-a', 10));
    await putAnnotation(db, highlight('h3', 'doc-b', 5));
    expect(await getAnnotation(db, 'h1')).toEqual(highlight('h1', 'doc-a', 10));

    await putAnnotation(db, { ...highlight('h1', 'doc-a', 10), color: 'green', updatedAt: 30 });
    expect((await getAnnotation(db, 'h1'))?.color).toBe('green');
    expect((await listAnnotationsByDoc(db, 'doc-a')).map((a) => a.id)).toEqual(['h1', 'h2']);

    expect(await deleteAnnotation(db, 'h1')).toBe(true);
    expect(await deleteAnnotation(db, 'h1')).toBe(false);
    expect((await listAnnotationsByDoc(db, 'doc-a')).map((a) => a.id)).toEqual(['h2']);
    expect(await listAnnotationsByDoc(db, 'doc-b')).toHaveLength(1);
  });
});
