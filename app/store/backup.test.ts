import { afterEach, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { LecternDb } from './db';
import { exportLibrary, importLibrary, type BackupProgress } from './backup';
import { annotation, dumpAll, fillLibrary, PDF_BYTES } from './backup-fixtures';
import { exportLegacyBackup } from './legacy-export';
import { saveImportedDocument } from './documents-repo';
import { putAnnotations } from './annotations-repo';
import { putNotebook } from './notebooks-repo';
import { freshTestDbs, sampleDocument } from './test-support';
import { sha256Hex } from './backup-archive';

const HIGHLIGHTS = 2_500;
// fake-indexeddb makes a few thousand rows take seconds on a busy 2-core machine: these tests get
// a minute each, and their sizes are what can break (the 2,000-row write chunks), not their speed.
const SLOW = 60_000;
const fresh = freshTestDbs(afterEach);

async function blobBytes(db: LecternDb, docId: string): Promise<number[]> {
  const data = (await db.originals.get(docId))!.data;
  expect(data).toBeInstanceOf(Blob);
  return [...new Uint8Array(await (data as Blob).arrayBuffer())];
}

describe('backup and restore', () => {
  it(
    'round-trips a library of 2,500 highlights into an empty database, every table and original equal',
    async () => {
      const source = await fresh();
      const ids = await fillLibrary(source, HIGHLIGHTS);
      const progress: BackupProgress[] = [];
      const file = await exportLibrary(source, { onProgress: (p) => progress.push(p) });
      expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);
      expect(progress.at(-1)!.total).toBeGreaterThan(HIGHLIGHTS);

      const target = await fresh();
      const restoring: BackupProgress[] = [];
      const result = await importLibrary(target, file, { mode: 'replace', onProgress: (p) => restoring.push(p) });
      expect(result).toMatchObject({ ok: true });
      expect(result.ok && result.value.written.annotations).toBe(HIGHLIGHTS); // the last one went to the trash with its document
      expect(restoring.filter((p) => p.phase === 'writing').length).toBeGreaterThan(2);
      expect(await dumpAll(target)).toEqual(await dumpAll(source));
      expect(await blobBytes(target, ids[0]!)).toEqual(PDF_BYTES);
      expect((await target.originals.get(ids[0]!))?.data).toHaveProperty('type', 'application/pdf');
      expect((await target.originals.get(ids[1]!))?.data).toEqual(new Uint8Array([1, 2, 3]));
      expect(await target.searchIndex.count()).toBe(0);
      expect(await target.documents.where('tags').equals('film').count()).toBe(1);
    },
    SLOW,
  );

  it('writes a zip any unzip tool reads: a manifest, JSON tables, each original as it was', async () => {
    const db = await fresh();
    const ids = await fillLibrary(db, 10);
    const files = unzipSync(new Uint8Array(await (await exportLibrary(db, { now: new Date('2025-01-07T10:00:00Z') })).arrayBuffer()));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, unknown>;
    expect(manifest).toMatchObject({ format: 'lectern-backup', formatVersion: 1, schemaVersion: db.verno, createdAt: '2025-01-07T10:00:00.000Z' });
    expect(manifest.tables).toMatchObject({ documents: 3, annotations: 10, notebooks: 2, trash: 1, collectionItems: 2 });
    const originals = JSON.parse(strFromU8(files['tables/originals/0001.json']!)) as { docId: string; data: { file: string } }[];
    const pdf = originals.find((row) => row.docId === ids[0])!;
    expect(pdf.data).toEqual({ file: `originals/${await sha256Hex(new Uint8Array(PDF_BYTES))}`, size: PDF_BYTES.length, mediaType: 'application/pdf', kind: 'blob' });
    expect([...files[pdf.data.file]!]).toEqual(PDF_BYTES);
    // The trashed document keeps its original, stored once like the others.
    expect(Object.keys(files).filter((name) => name.startsWith('originals/'))).toHaveLength(3);
  });

  it('keeps PDF page maps, and restores a backup made before they existed without any', async () => {
    const db = await fresh();
    const ids = await fillLibrary(db, 3);
    const files = unzipSync(new Uint8Array(await (await exportLibrary(db)).arrayBuffer()));
    expect(JSON.parse(strFromU8(files['tables/pageMaps/0001.json']!))).toEqual([{ docId: ids[0], pages: [[12, 715, 1, 0, 0, 5]] }]);
    // As schema 4 wrote it: no page-map table, none in the manifest.
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { schemaVersion: number; tables: Record<string, number> };
    delete manifest.tables.pageMaps;
    manifest.schemaVersion = 4;
    const older = Object.fromEntries(Object.entries(files).filter(([name]) => !name.startsWith('tables/pageMaps/')));
    older['manifest.json'] = strToU8(JSON.stringify(manifest));
    const target = await fresh();
    const result = await importLibrary(target, new Blob([zipSync(older)]), { mode: 'replace' });
    expect(result).toMatchObject({ ok: true });
    expect(await target.pageMaps.count()).toBe(0);
    expect(await target.documents.count()).toBe(await db.documents.count());
  });

  it('replace empties the library first; merge keeps both sides and the newer note', async () => {
    const source = await fresh();
    const a = sampleDocument('a');
    await saveImportedDocument(source, a);
    await putAnnotations(source, [annotation(1, a.id, 100), annotation(2, a.id, 1), annotation(3, a.id, 3)]);
    await putNotebook(source, { id: 'shared', title: 'From backup', content: {}, updatedAt: 1 });
    const file = await exportLibrary(source);

    const target = await fresh();
    const mine = sampleDocument('mine');
    await saveImportedDocument(target, mine);
    await saveImportedDocument(target, a);
    await target.documents.update(a.id, { title: 'Renamed here' });
    await putAnnotations(target, [annotation(1, a.id, 50), { ...annotation(2, a.id, 9), color: 'mine' }, annotation(9, mine.id)]);
    await putNotebook(target, { id: 'shared', title: 'Edited here', content: {}, updatedAt: 2 });

    const merged = await importLibrary(target, file, { mode: 'merge' });
    expect(merged.ok && merged.value.written).toMatchObject({ documents: 0, annotations: 2, notebooks: 0 });
    expect((await target.documents.toArray()).map((d) => d.title).sort()).toEqual(['Reading notes mine', 'Renamed here']);
    expect((await target.annotations.get('a-1'))?.updatedAt).toBe(100); // the backup's is newer
    expect((await target.annotations.get('a-2'))?.color).toBe('mine'); // the library's is newer
    expect(await target.annotations.get('a-3')).toBeDefined(); // only in the backup
    expect(await target.annotations.get('a-9')).toBeDefined(); // only in the library
    expect((await target.notebooks.get('shared'))?.title).toBe('Edited here');

    const replaced = await importLibrary(target, file, { mode: 'replace' });
    expect(replaced.ok).toBe(true);
    expect(await dumpAll(target)).toEqual(await dumpAll(source));
  });

  it(
    'a cancelled restore leaves the library as it was, whether it is checking or writing',
    async () => {
      const source = await fresh();
      await fillLibrary(source, 3_000);
      const file = await exportLibrary(source);
      const target = await fresh();
      await fillLibrary(target, 10);
      const before = await dumpAll(target);
      for (const phase of ['checking', 'writing'] as const) {
        const controller = new AbortController();
        const result = await importLibrary(target, file, {
          mode: 'replace',
          signal: controller.signal,
          onProgress: (progress) => {
            if (progress.phase === phase && progress.done > 0) controller.abort();
          },
        });
        expect(!result.ok && result.error).toBe('The restore was cancelled; the library is as it was.');
        expect(await dumpAll(target)).toEqual(before);
      }
      await expect(exportLibrary(source, { signal: AbortSignal.abort() })).rejects.toThrow();
    },
    SLOW,
  );
});

describe('backups made before the archive format', () => {
  it('restores a dexie-export-import backup with Blob and byte originals, the trash and collections', async () => {
    const source = await fresh();
    const ids = await fillLibrary(source, 30);
    const legacy = await exportLegacyBackup(source);
    expect(await legacy.text()).toContain('"blob2"');
    const target = await fresh();
    await saveImportedDocument(target, sampleDocument('other'));
    expect(await importLibrary(target, legacy, { mode: 'replace' })).toMatchObject({ ok: true });
    expect(await dumpAll(target)).toEqual(await dumpAll(source));
    expect(await blobBytes(target, ids[0]!)).toEqual(PDF_BYTES);
  });

  it('restores one made before tags existed, filling them in', async () => {
    const db = await fresh();
    await saveImportedDocument(db, sampleDocument('old'));
    const file = JSON.parse(await (await exportLegacyBackup(db)).text()) as {
      data: { databaseVersion: number; tables: { name: string }[]; data: { tableName: string; rows: Record<string, unknown>[] }[] };
    };
    file.data.databaseVersion = 1;
    const v2Tables = new Set(['collections', 'collectionItems', 'trash']);
    file.data.tables = file.data.tables.filter((table) => !v2Tables.has(table.name));
    file.data.data = file.data.data.filter((table) => !v2Tables.has(table.tableName));
    for (const row of file.data.data.find((table) => table.tableName === 'documents')!.rows) {
      // A version-1 row never had tags, nor the type note the export writes for them.
      delete row.tags;
      const types = row.$types as Record<string, unknown> | undefined;
      if (types) delete types.tags;
    }
    const target = await fresh();
    expect(await importLibrary(target, new Blob([JSON.stringify(file)]), { mode: 'replace' })).toMatchObject({ ok: true });
    expect((await target.documents.toArray()).map((d) => d.tags)).toEqual([[]]);
  });
});
