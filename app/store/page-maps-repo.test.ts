import { afterEach, describe, expect, it } from 'vitest';
import { exportLibrary, importLibrary } from './backup';
import { replaceWithNewVersion } from './document-versions';
import { saveImportedDocument } from './documents-repo';
import { getPageLabels, getPageMap, savePageLabels, savePageMap } from './page-maps-repo';
import { freshTestDbs, sampleDocument } from './test-support';

const fresh = freshTestDbs(afterEach);

const pages = [[12, 715, 1, 0, 0, 5], [3, 100, 1, 0, 6, 3]];
const pdf = (seed: string, labels?: string[]) => sampleDocument(seed, { format: 'pdf', pageItems: pages, ...(labels ? { pageLabels: labels } : {}) });

describe('printed page labels in the store', () => {
  it('stores a PDF\'s labels with its page map, and null for a PDF that states none', async () => {
    const db = await fresh();
    await saveImportedDocument(db, pdf('a', ['ii', '1']));
    await saveImportedDocument(db, pdf('b'));
    await saveImportedDocument(db, sampleDocument('c'));
    expect(await getPageLabels(db, pdf('a').id)).toEqual(['ii', '1']);
    expect(await getPageLabels(db, pdf('b').id)).toBeNull();
    expect(await getPageLabels(db, sampleDocument('c').id)).toBeUndefined();
  });

  it('carries the labels of a new version', async () => {
    const db = await fresh();
    await saveImportedDocument(db, pdf('a'));
    await replaceWithNewVersion(db, pdf('a').id, pdf('a2', ['i', '1']));
    expect(await getPageLabels(db, pdf('a2').id)).toEqual(['i', '1']);
  });

  it('adds labels to a map made before labels were read, once, keeping its pages', async () => {
    const db = await fresh();
    await saveImportedDocument(db, sampleDocument('old', { format: 'pdf' }));
    const id = sampleDocument('old').id;
    expect(await savePageMap(db, { docId: id, pages })).toBe(true);
    expect(await getPageLabels(db, id)).toBeUndefined();
    expect(await savePageLabels(db, id, ['i', '1'])).toBe(true);
    expect(await getPageMap(db, id)).toEqual({ docId: id, pages, labels: ['i', '1'] });
    expect(await savePageLabels(db, id, ['x', 'y'])).toBe(false);
    expect(await savePageLabels(db, 'gone', null)).toBe(false);
    expect(await getPageLabels(db, id)).toEqual(['i', '1']);
  });

  it('round-trips labels through a backup, and refuses a backup with a label too long to be one', async () => {
    const source = await fresh();
    await saveImportedDocument(source, pdf('a', ['ii', '1']));
    await saveImportedDocument(source, pdf('b'));
    const target = await fresh();
    const restored = await importLibrary(target, await exportLibrary(source), { mode: 'replace' });
    expect(restored).toMatchObject({ ok: true });
    expect(await getPageLabels(target, pdf('a').id)).toEqual(['ii', '1']);
    expect(await getPageLabels(target, pdf('b').id)).toBeNull();

    await source.pageMaps.put({ docId: pdf('b').id, pages, labels: ['x'.repeat(65), '2'] });
    const refused = await fresh();
    const result = await importLibrary(refused, await exportLibrary(source), { mode: 'replace' });
    expect(result.ok).toBe(false);
    expect(await refused.documents.count()).toBe(0);
  });
});
