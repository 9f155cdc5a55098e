import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { importFile } from '../../documents/import';
import { decodePageItems } from '../../documents/pdf/page-items';
import { pageItemsOf } from '../../documents/pdf/pdf-importer';
import { buildTestPdf, wrapText } from '../../documents/pdf/test-pdf';
import { dumpAll, fillLibrary } from '../backup-fixtures';
import { getDocumentContent, getDocumentOriginal, saveImportedDocument } from '../documents-repo';
import { getPageMap, savePageMap } from '../page-maps-repo';
import { openTestDb } from '../test-support';

describe('schema version 5', () => {
  it('keeps every row of a version-4 library with a PDF in it, and the PDF gets its page map from its original', async () => {
    const words = 'Readers skim the margins of a page before they read it, and the margins hold the argument'.split(' ');
    const bytes = buildTestPdf([
      { runs: [{ x: 72, y: 760, text: 'Journal of Margins 4(1)', size: 8 }, ...wrapText([...words, ...words], { x: 72, top: 700, width: 300 }).runs, { x: 300, y: 36, text: '11' }] },
      { runs: [{ x: 72, y: 760, text: 'Journal of Margins 4(1)', size: 8 }, ...wrapText([...words].reverse(), { x: 72, top: 700, width: 300 }).runs, { x: 300, y: 36, text: '12' }] },
    ]);
    const imported = await importFile('margins.pdf', bytes);
    if (!imported.ok) throw new Error(imported.error);
    // As the version before wrote it: no page map.
    const { pageItems: _kept, ...parsed } = imported.value;

    const indexedDB = new IDBFactory();
    const old = await openTestDb({ indexedDB, name: 'upgrade', schemaVersion: 4 });
    await fillLibrary(old, 3);
    await saveImportedDocument(old, parsed, { original: new Blob([bytes.slice()], { type: 'application/pdf' }) });
    expect(old.tables.map((t) => t.name)).not.toContain('pageMaps');
    const before = await dumpAll(old);
    old.close();

    const db = await openTestDb({ indexedDB, name: 'upgrade', schemaVersion: 5 });
    expect(db.verno).toBe(5);
    const after = await dumpAll(db);
    for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows);
    expect(await db.pageMaps.count()).toBe(0);
    expect(await getPageMap(db, parsed.id)).toBeUndefined();

    // First open of the page view: built from the kept original against the stored text.
    const content = (await getDocumentContent(db, parsed.id))!;
    const original = (await getDocumentOriginal(db, parsed.id))!;
    const rebuilt = await pageItemsOf(original instanceof Blob ? new Uint8Array(await original.arrayBuffer()) : original, content.text);
    if (!rebuilt.ok) throw new Error(rebuilt.error);
    expect(await savePageMap(db, { docId: parsed.id, pages: rebuilt.value })).toBe(true);
    const stored = (await getPageMap(db, parsed.id))!;
    // The same map the import builds now, and it reaches every character of the text.
    expect(stored.pages).toEqual(imported.value.pageItems);
    const reached = new Set(stored.pages.flatMap((page) => decodePageItems(page).flatMap((item) => item.runs.flatMap((run) => Array.from({ length: run.length }, (_, k) => run.start + k)))));
    expect([...content.text].filter((char, at) => /\S/.test(char) && !reached.has(at))).toEqual([]);
    // Built once: a second build is not stored over it, nor one for a document that is gone.
    expect(await savePageMap(db, { docId: parsed.id, pages: [] })).toBe(false);
    expect(await savePageMap(db, { docId: 'gone', pages: [] })).toBe(false);
    db.close();
  });
});
