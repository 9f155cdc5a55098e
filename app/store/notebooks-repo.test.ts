import { afterEach, describe, expect, it } from 'vitest';
import type { LecternDb } from './db';
import { deleteNotebook, getNotebook, listNotebooks, putNotebook } from './notebooks-repo';
import { openTestDb } from './test-support';

let db: LecternDb;
afterEach(() => db?.close());

describe('notebooks repository', () => {
  it('puts, gets, lists most recent first and deletes', async () => {
    db = await openTestDb();
    await putNotebook(db, { id: 'n1', title: 'Seminar 1', content: { root: [] }, updatedAt: 10 });
    await putNotebook(db, { id: 'n2', title: 'Essay plan', content: { root: [] }, updatedAt: 20 });
    expect(await getNotebook(db, 'n1')).toEqual({ id: 'n1', title: 'Seminar 1', content: { root: [] }, updatedAt: 10 });
    expect((await listNotebooks(db)).map((n) => n.id)).toEqual(['n2', 'n1']);

    await putNotebook(db, { id: 'n1', title: 'Seminar 1', content: { root: ['edited'] }, updatedAt: 30 });
    expect((await listNotebooks(db)).map((n) => n.id)).toEqual(['n1', 'n2']);

    expect(await deleteNotebook(db, 'n2')).toBe(true);
    expect(await deleteNotebook(db, 'n2')).toBe(false);
    expect(await getNotebook(db, 'n2')).toBeUndefined();
  });
});
