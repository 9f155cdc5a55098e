import { afterEach, describe, expect, it } from 'vitest';
import type { CslItem } from '../documents/model';
import { citekeysFor, setCitekey, storedCitekey } from './citekeys-repo';
import { replaceWithNewVersion } from './document-versions';
import { saveImportedDocument } from './documents-repo';
import { freshTestDbs, sampleDocument } from './test-support';

const fresh = freshTestDbs(afterEach);

const work = (family: string, title: string, year: number): CslItem => ({ id: 'x', type: 'book', title, author: [{ family }], issued: { 'date-parts': [[year]] } });
const yuvalDavis = work('Yuval-Davis', 'Gender and Nation', 1997);
const smith = work('Smith', 'Earlier Work', 2001);

describe('citation keys in the store', () => {
  it('gives a work the same key when other works are added or removed', async () => {
    const db = await fresh();
    const [first] = await citekeysFor(db, [{ owners: ['doc:a'], csl: smith }]);
    expect(first).toBe('smith2001earlier');
    // Two more works with the same proposal come in, in front of it.
    const keys = await citekeysFor(db, [
      { owners: ['ref:b-1'], csl: smith },
      { owners: ['doc:c'], csl: smith },
      { owners: ['doc:a'], csl: smith },
    ]);
    expect(keys).toEqual(['smith2001earliera', 'smith2001earlierb', 'smith2001earlier']);
    // One goes (its rows with it): the others keep theirs, and its key is not handed on.
    await db.citekeys.delete('ref:b-1');
    expect(await citekeysFor(db, [{ owners: ['doc:a'], csl: smith }, { owners: ['doc:c'], csl: smith }])).toEqual(['smith2001earlier', 'smith2001earlierb']);
    expect(await citekeysFor(db, [{ owners: ['doc:new'], csl: yuvalDavis }])).toEqual(['yuvaldavis1997gender']);
  });

  it('keeps the key when the references are parsed again and the metadata changes', async () => {
    const db = await fresh();
    const [key] = await citekeysFor(db, [{ owners: ['ref:d:yuvaldavis1997'], csl: yuvalDavis }]);
    const reparsed = { ...yuvalDavis, title: 'Gender & Nation', issued: { 'date-parts': [[1993]] } };
    expect(await citekeysFor(db, [{ owners: ['ref:d:yuvaldavis1997'], csl: reparsed }])).toEqual([key]);
  });

  it('gives a cited work that gains a variant its key for the new variant too', async () => {
    const db = await fresh();
    const [key] = await citekeysFor(db, [{ owners: ['ref:a:smith2001'], csl: smith }]);
    expect(await citekeysFor(db, [{ owners: ['ref:a:smith2001', 'ref:b:smith2001', 'work:w1'], csl: { ...smith, title: 'Earlier work, 2nd ed.' } }])).toEqual([key]);
    expect((await db.citekeys.toArray()).map((row) => [row.owner, row.key])).toEqual([
      ['ref:a:smith2001', key],
      ['ref:b:smith2001', key],
      ['work:w1', key],
    ]);
    // The new variant alone now answers with the work's key.
    expect(await storedCitekey(db, ['ref:b:smith2001'])).toBe(key);
  });

  it('takes an imported work’s own key when it is free and valid, else proposes one', async () => {
    const db = await fresh();
    await citekeysFor(db, [{ owners: ['doc:a'], csl: work('Other', 'Thing', 2001) }]);
    const keys = await citekeysFor(db, [
      { owners: ['work:1'], csl: smith, sourceKey: 'Smith:2001' },
      { owners: ['work:2'], csl: smith, sourceKey: 'smith:2001' }, // the same key but for case
      { owners: ['work:3'], csl: yuvalDavis, sourceKey: 'not a key' },
    ]);
    expect(keys).toEqual(['Smith:2001', 'smith2001earlier', 'yuvaldavis1997gender']);
  });

  it('pins exported keys; a pinned key never changes by itself, the student’s edit changes it', async () => {
    const db = await fresh();
    const [key] = await citekeysFor(db, [{ owners: ['doc:a'], csl: smith }], { pin: true });
    expect(await db.citekeys.get('doc:a')).toMatchObject({ key, pinned: true, edited: false });
    // Asking again without pin leaves it pinned.
    await citekeysFor(db, [{ owners: ['doc:a'], csl: work('Jones', 'Other', 1999) }]);
    expect(await db.citekeys.get('doc:a')).toMatchObject({ key, pinned: true });

    expect(await setCitekey(db, ['doc:a'], ' smithEarly ')).toEqual({ ok: true, value: undefined });
    expect(await db.citekeys.get('doc:a')).toMatchObject({ key: 'smithEarly', pinned: true, edited: true });
    expect(await citekeysFor(db, [{ owners: ['doc:a'], csl: smith }])).toEqual(['smithEarly']);
    // The old key is free again.
    expect(await citekeysFor(db, [{ owners: ['doc:b'], csl: smith }])).toEqual([key]);
  });

  it('refuses a key tools cannot read or another work holds, changing nothing', async () => {
    const db = await fresh();
    await citekeysFor(db, [{ owners: ['doc:a'], csl: smith }, { owners: ['ref:r1', 'ref:r2'], csl: yuvalDavis }]);
    const before = await db.citekeys.toArray();
    const spaced = await setCitekey(db, ['doc:a'], 'smith 2001');
    expect(!spaced.ok && spaced.error).toMatch(/letters/);
    const empty = await setCitekey(db, ['doc:a'], '');
    expect(!empty.ok && empty.error).toMatch(/empty/);
    expect(await setCitekey(db, ['doc:a'], 'YuvalDavis1997Gender')).toEqual({ ok: false, error: 'Another work already has the key “yuvaldavis1997gender”. Choose another one.' });
    expect(await db.citekeys.toArray()).toEqual(before);
    // Its own key in other case is the work's to take.
    expect(await setCitekey(db, ['doc:a'], 'Smith2001Earlier')).toMatchObject({ ok: true });
  });

  it('moves every owner sharing the key with the edit, so the work keeps one key', async () => {
    const db = await fresh();
    await citekeysFor(db, [{ owners: ['ref:r1', 'ref:r2', 'doc:lib'], csl: yuvalDavis }]);
    expect(await setCitekey(db, ['doc:lib'], 'nira97')).toMatchObject({ ok: true });
    expect((await db.citekeys.toArray()).map((row) => row.key)).toEqual(['nira97', 'nira97', 'nira97']);
    expect(await citekeysFor(db, [{ owners: ['ref:r2'], csl: yuvalDavis }])).toEqual(['nira97']);
  });

  it('never gives two works one key: a split work, a merged one with two keys, many works of one name', async () => {
    const db = await fresh();
    // Once one cited work; now two (the student told them apart): the later one gets a new key.
    await citekeysFor(db, [{ owners: ['ref:r1', 'ref:r2'], csl: smith }]);
    expect(await citekeysFor(db, [{ owners: ['ref:r1'], csl: smith }, { owners: ['ref:r2'], csl: smith }])).toEqual(['smith2001earlier', 'smith2001earliera']);
    expect(await citekeysFor(db, [{ owners: ['ref:r2'], csl: smith }, { owners: ['ref:r1'], csl: smith }])).toEqual(['smith2001earliera', 'smith2001earlier']);
    // Two works with keys of their own turn out to be one: the edited key wins, then the pinned.
    await citekeysFor(db, [{ owners: ['doc:p'], csl: yuvalDavis }], { pin: true });
    await citekeysFor(db, [{ owners: ['work:q'], csl: yuvalDavis }]);
    expect(await citekeysFor(db, [{ owners: ['work:q', 'doc:p'], csl: yuvalDavis }])).toEqual(['yuvaldavis1997gender']);
    await setCitekey(db, ['work:z'], 'nira');
    expect(await citekeysFor(db, [{ owners: ['doc:p', 'work:z'], csl: yuvalDavis }])).toEqual(['nira']);

    const many = Array.from({ length: 60 }, (_, i) => ({ owners: [`doc:m${i}`], csl: smith }));
    const keys = await citekeysFor(db, many);
    const all = (await db.citekeys.toArray()).map((row) => [row.owner, row.key.toLowerCase()] as const);
    const byKey = new Map<string, Set<string>>();
    for (const [owner, key] of all) byKey.set(key, new Set([...(byKey.get(key) ?? []), owner]));
    expect(new Set(keys).size).toBe(60);
    expect(keys).toContain('smith2001earlieraa');
    for (const key of keys) expect(byKey.get(key)?.size).toBe(1);
  });

  it('carries a document’s key and its references’ keys over to a new version of its file', async () => {
    const db = await fresh();
    const reference = (docId: string) => ({ id: `${docId}:yuvaldavis1997`, index: 0, raw: 'Yuval-Davis 1997.', csl: yuvalDavis });
    const v1 = sampleDocument('v1');
    await saveImportedDocument(db, v1, { references: [reference(v1.id)] });
    const keys = await citekeysFor(db, [{ owners: [`doc:${v1.id}`], csl: v1.metadata }, { owners: [`ref:${v1.id}:yuvaldavis1997`], csl: yuvalDavis }], { pin: true });
    expect(keys).toEqual(['ezerova2021reading', 'yuvaldavis1997gender']);

    const v2 = sampleDocument('v2', { fileName: v1.fileName });
    await replaceWithNewVersion(db, v1.id, v2, { references: [reference(v2.id)] });
    expect(await citekeysFor(db, [{ owners: [`doc:${v2.id}`], csl: v2.metadata }, { owners: [`ref:${v2.id}:yuvaldavis1997`], csl: yuvalDavis }])).toEqual(keys);
    expect(await db.citekeys.get(`doc:${v1.id}`)).toBeUndefined();
    expect(await db.citekeys.get(`doc:${v2.id}`)).toMatchObject({ pinned: true });
  });
});
