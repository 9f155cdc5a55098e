import { describe, expect, it } from 'vitest';
import { importBibliography, importSummary } from '../bibliography/import-bibliography';
import { storedCitekey } from './citekeys-repo';
import { openTestDb } from './test-support';
import { addWorks, deleteWork, listWorks, removeWorks, restoreWorks, undoAddWorks } from './works-repo';

const origin = { fileName: 'refs.bib', format: 'bibtex' as const };
const anderson = { id: '', type: 'book', title: 'Imagined Communities', author: [{ family: 'Anderson', given: 'Benedict' }], issued: { 'date-parts': [[1983]] } };
const gellner = { id: '', type: 'book', title: 'Nations and Nationalism', author: [{ family: 'Gellner', given: 'Ernest' }], issued: { 'date-parts': [[1983]] } };

const BIB = `@book{anderson1983, author = {Anderson, Benedict}, title = {Imagined Communities}, publisher = {Verso}, year = 1983}
@book{gellner1983, author = {Gellner, Ernest}, title = {Nations and Nationalism}, year = 1983}
`;

describe('works-repo', () => {
  it('adds works with ids of their own, listed in import order', async () => {
    const db = await openTestDb();
    const { added, updated, duplicates } = await addWorks(db, [{ csl: anderson, origin }, { csl: gellner, sourceKey: 'gellner83', origin }, { csl: { ...gellner, publisher: 'Blackwell' }, origin }]);
    expect(updated).toEqual([]);
    // The third entry is the second work again: merged into it, the later description kept.
    expect(duplicates).toBe(1);
    expect(added).toHaveLength(2);
    expect(new Set(added.map((w) => w.id)).size).toBe(2);
    const listed = await listWorks(db);
    expect(listed.map((w) => w.csl.title)).toEqual(['Imagined Communities', 'Nations and Nationalism']);
    expect(listed.every((w) => w.csl.id === w.id)).toBe(true);
    expect(listed[1]?.sourceKey).toBe('gellner83');
    expect(listed[1]?.csl.publisher).toBe('Blackwell');
  });

  it('updates the same work instead of adding it twice, keeping its id; undo restores it', async () => {
    const db = await openTestDb();
    const first = await addWorks(db, [{ csl: anderson, origin }]);
    const id = first.added[0]?.id;
    // Another export of the same library spells the title a little differently and adds a publisher.
    const again = await addWorks(db, [{ csl: { ...anderson, title: 'Imagined Communities: Reflections', publisher: 'Verso' }, origin }, { csl: gellner, origin }]);
    expect(again.added.map((w) => w.csl.title)).toEqual(['Nations and Nationalism']);
    expect(again.updated.map((u) => [u.before.id, u.after.id, u.after.csl.publisher])).toEqual([[id, id, 'Verso']]);
    expect(await db.works.count()).toBe(2);
    await undoAddWorks(db, again);
    const left = await listWorks(db);
    expect(left.map((w) => [w.id, w.csl.title, w.csl.publisher])).toEqual([[id, 'Imagined Communities', undefined]]);
  });

  it('deletes one work', async () => {
    const db = await openTestDb();
    const { added } = await addWorks(db, [{ csl: anderson, origin }]);
    expect(await deleteWork(db, added[0]?.id ?? '')).toBe(true);
    expect(await deleteWork(db, added[0]?.id ?? '')).toBe(false);
    expect(await db.works.count()).toBe(0);
  });
});

describe('removeWorks', () => {
  it('removes works with their key rows, and restoreWorks puts back the same rows', async () => {
    const db = await openTestDb();
    const done = await importBibliography(db, 'refs.bib', new TextEncoder().encode(BIB));
    if (!done.ok) throw new Error(done.error);
    const before = { works: await db.works.toArray(), keys: await db.citekeys.toArray() };
    const anderson = done.value.result.added[0]?.id ?? '';
    const removed = await removeWorks(db, [anderson]);
    expect(removed.works.map((w) => w.sourceKey)).toEqual(['anderson1983']);
    expect(removed.citekeys.map((k) => k.key)).toEqual(['anderson1983']);
    expect((await listWorks(db)).map((w) => w.sourceKey)).toEqual(['gellner1983']);
    expect(await storedCitekey(db, [`work:${anderson}`])).toBeUndefined();
    await restoreWorks(db, removed);
    expect(await db.works.toArray()).toEqual(before.works);
    expect(await db.citekeys.toArray()).toEqual(before.keys);
  });
});

describe('importBibliography', () => {
  it("stores a file's entries with the file's keys offered as citation keys; importing it again adds nothing", async () => {
    const db = await openTestDb();
    const bytes = new TextEncoder().encode(BIB);
    const done = await importBibliography(db, 'refs.bib', bytes);
    if (!done.ok) throw new Error(done.error);
    expect(importSummary('refs.bib', done.value)).toBe('Imported 2 works from refs.bib.');
    const [a] = done.value.result.added;
    expect(a?.origin).toEqual({ fileName: 'refs.bib', format: 'bibtex' });
    expect(await storedCitekey(db, [`work:${a?.id ?? ''}`])).toBe('anderson1983');
    const twice = await importBibliography(db, 'refs.bib', bytes);
    if (!twice.ok) throw new Error(twice.error);
    expect(twice.value.result.added).toEqual([]);
    expect(importSummary('refs.bib', twice.value)).toBe('Imported 0 works from refs.bib. 2 already in your bibliography were updated.');
    expect(await db.works.count()).toBe(2);
  });

  it('changes nothing for a file it cannot read', async () => {
    const db = await openTestDb();
    const done = await importBibliography(db, 'broken.bib', new TextEncoder().encode('@book{a, title = {never closed\n'));
    expect(done.ok).toBe(false);
    expect(await db.works.count()).toBe(0);
    expect(await db.citekeys.count()).toBe(0);
  });
});
