import { afterEach, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { exportLibrary, importLibrary } from './backup';
import { fillLibrary } from './backup-fixtures';
import { citekeysFor } from './citekeys-repo';
import { saveImportedDocument } from './documents-repo';
import { moveDocumentToTrash, restoreFromTrash } from './trash-repo';
import { freshTestDbs, sampleDocument } from './test-support';

const fresh = freshTestDbs(afterEach);

type Files = Record<string, Uint8Array>;
async function unzip(file: Blob): Promise<Files> {
  return unzipSync(new Uint8Array(await file.arrayBuffer()));
}
function rows(files: Files, table: string): Record<string, unknown>[] {
  return JSON.parse(strFromU8(files[`tables/${table}/0001.json`]!)) as Record<string, unknown>[];
}
function edited(files: Files, edit: (manifest: { schemaVersion: number; tables: Record<string, number> }, files: Files) => void): Blob {
  const copy = { ...files };
  const manifest = JSON.parse(strFromU8(copy['manifest.json']!)) as { schemaVersion: number; tables: Record<string, number> };
  edit(manifest, copy);
  copy['manifest.json'] = strToU8(JSON.stringify(manifest));
  return new Blob([zipSync(copy)]);
}

describe('citation keys and imported works in backups', () => {
  it('keeps imported works and every key, a trashed document’s among them', async () => {
    const db = await fresh();
    const ids = await fillLibrary(db, 3);
    const files = await unzip(await exportLibrary(db));
    expect(rows(files, 'works')).toEqual([await db.works.get('w1')]);
    const keys = rows(files, 'citekeys').map((row) => [row.owner, row.key]);
    expect(keys).toEqual([
      [`doc:${ids[0]}`, 'ezerova2021reading'],
      [`doc:${ids[3]}`, 'ezerova2021readinga'],
      ['ref:b-ref', 'smith2001'],
      ['work:w1', 'smith2001'],
    ]);
    const target = await fresh();
    expect(await importLibrary(target, new Blob([zipSync(files)]), { mode: 'replace' })).toMatchObject({ ok: true });
    expect(await target.citekeys.toArray()).toEqual(await db.citekeys.toArray());
    // The trashed document comes back from the restored trash with its key.
    const trashId = (await target.trash.toArray())[0]!.id;
    expect(await restoreFromTrash(target, trashId)).toMatchObject({ ok: true });
    expect(await citekeysFor(target, [{ owners: [`doc:${ids[3]}`], csl: sampleDocument('d').metadata }])).toEqual(['ezerova2021readinga']);
  });

  it('restores a backup made before schema 6 (no works, no keys listed) with none', async () => {
    const db = await fresh();
    await fillLibrary(db, 3);
    const files = await unzip(await exportLibrary(db));
    const older = edited(files, (manifest, copy) => {
      manifest.schemaVersion = 5;
      delete manifest.tables.works;
      delete manifest.tables.citekeys;
      for (const name of Object.keys(copy)) if (name.startsWith('tables/works/') || name.startsWith('tables/citekeys/')) delete copy[name];
    });
    const target = await fresh();
    expect(await importLibrary(target, older, { mode: 'replace' })).toMatchObject({ ok: true });
    expect(await target.citekeys.count()).toBe(0);
    expect(await target.works.count()).toBe(0);
    expect(await target.documents.count()).toBe(await db.documents.count());
  });

  it('drops a key whose work is not in the backup, and refuses a key no tool reads', async () => {
    const db = await fresh();
    await fillLibrary(db, 3);
    const files = await unzip(await exportLibrary(db));
    const withOrphan = edited(files, (manifest, copy) => {
      const keys = rows(copy, 'citekeys');
      keys.push({ owner: 'doc:gone', key: 'gone2001', pinned: true, edited: false, updatedAt: 1 });
      copy['tables/citekeys/0001.json'] = strToU8(JSON.stringify(keys));
      manifest.tables.citekeys = keys.length;
    });
    const target = await fresh();
    expect(await importLibrary(target, withOrphan, { mode: 'replace' })).toMatchObject({ ok: true, value: { written: { citekeys: 4 } } });
    expect(await target.citekeys.get('doc:gone')).toBeUndefined();

    const badKey = edited(files, (_manifest, copy) => {
      const keys = rows(copy, 'citekeys');
      keys[0]!.key = 'smith 2001';
      copy['tables/citekeys/0001.json'] = strToU8(JSON.stringify(keys));
    });
    const before = await target.citekeys.toArray();
    const refused = await importLibrary(target, badKey, { mode: 'replace' });
    expect(!refused.ok && refused.error).toMatch(/^This backup is damaged: citation key 1 of citation keys, field “key”: not a citation key Lectern accepts\. Nothing was changed\.$/);
    expect(await target.citekeys.toArray()).toEqual(before);
  });

  it('merges without ever giving two works one key: the library’s keys win', async () => {
    const source = await fresh();
    const theirs = sampleDocument('theirs');
    const shared = sampleDocument('shared');
    await saveImportedDocument(source, theirs);
    await saveImportedDocument(source, shared);
    // In the backup, "theirs" holds the key "ezerova2021reading".
    await citekeysFor(source, [{ owners: [`doc:${theirs.id}`], csl: theirs.metadata }, { owners: [`doc:${shared.id}`], csl: shared.metadata }], { pin: true });
    const file = await exportLibrary(source);

    const target = await fresh();
    const mine = sampleDocument('mine');
    await saveImportedDocument(target, mine);
    await saveImportedDocument(target, shared);
    // In the library, "mine" holds it, and the shared document has another key.
    const [mineKey, sharedKey] = await citekeysFor(target, [{ owners: [`doc:${mine.id}`], csl: mine.metadata }, { owners: [`doc:${shared.id}`], csl: { ...shared.metadata, title: 'Shared' } }], { pin: true });
    expect(mineKey).toBe('ezerova2021reading');
    expect(sharedKey).toBe('ezerova2021shared');

    const merged = await importLibrary(target, file, { mode: 'merge' });
    expect(merged.ok && merged.value.written.citekeys).toBe(0);
    expect(await target.citekeys.get(`doc:${mine.id}`)).toMatchObject({ key: 'ezerova2021reading' });
    expect(await target.citekeys.get(`doc:${shared.id}`)).toMatchObject({ key: 'ezerova2021shared' });
    const keys = await citekeysFor(target, [
      { owners: [`doc:${mine.id}`], csl: mine.metadata },
      { owners: [`doc:${theirs.id}`], csl: theirs.metadata },
      { owners: [`doc:${shared.id}`], csl: shared.metadata },
    ]);
    expect(keys).toEqual(['ezerova2021reading', 'ezerova2021readinga', 'ezerova2021shared']);
  });

  it('a document in the trash keeps its key, and gets it back when restored', async () => {
    const db = await fresh();
    const doc = sampleDocument('t');
    await saveImportedDocument(db, doc);
    const [key] = await citekeysFor(db, [{ owners: [`doc:${doc.id}`], csl: doc.metadata }], { pin: true });
    const trashId = (await moveDocumentToTrash(db, doc.id))!;
    // Meanwhile another work of the same name asks: it does not get the trashed document's key.
    expect(await citekeysFor(db, [{ owners: ['doc:other'], csl: doc.metadata }])).toEqual([`${key}a`]);
    expect(await restoreFromTrash(db, trashId)).toMatchObject({ ok: true });
    expect(await citekeysFor(db, [{ owners: [`doc:${doc.id}`], csl: doc.metadata }])).toEqual([key]);
  });
});
