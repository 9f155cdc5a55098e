import { gzipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../documents/hash';
import { SearchIndexStore } from '../../search/index-store';
import { citekeyOwner, citekeysFor } from '../../store/citekeys-repo';
import { freshTestDbs } from '../../store/test-support';
import { pack, unpack } from './document-package';
import { createDocumentTransfer } from './document-transfer';
import { MemoryBlobs, documentRows, importInto, readFixture, tableCounts } from './transfer-test-support';

const openDb = freshTestDbs(afterEach);

const SEED = '001_94063d3630a703df.txt';
const PDF = 'libcoin--libcoin.pdf';

let pdfBytes: Uint8Array;
beforeAll(() => {
  pdfBytes = readFixture(PDF);
});

async function gzipJson(value: unknown): Promise<{ bytes: Uint8Array; sha: string }> {
  const bytes = gzipSync(new TextEncoder().encode(JSON.stringify(value)), { mtime: 0 });
  return { bytes, sha: await sha256Hex(bytes) };
}

/** A package of `docId` as A would publish it, decoded to plain JSON for tampering. */
async function packageJson(db: Awaited<ReturnType<typeof openDb>>, docId: string): Promise<Record<string, unknown>> {
  const packed = await pack(db, docId);
  return JSON.parse(JSON.stringify({ kind: 'lectern-document', version: 1, ...unpack(packed!.bytes) })) as Record<string, unknown>;
}

describe('publish on A, fetch on B', () => {
  it('brings a seed with its references and citations, and the real PDF with its page map, labels and original', async () => {
    const [a, b] = [await openDb(), await openDb()];
    const seed = await importInto(a, SEED);
    const pdf = await importInto(a, PDF, pdfBytes);
    await citekeysFor(a, [{ owners: [citekeyOwner.doc(pdf.id)], csl: pdf.metadata }], { pin: true });
    const blobs = new MemoryBlobs();
    const added: string[] = [];
    const onA = createDocumentTransfer({ db: a, blobs });
    const onB = createDocumentTransfer({ db: b, blobs, onAdded: (id) => added.push(id) });

    const seedBlobs = await onA.publish(seed.id);
    const pdfBlobs = await onA.publish(pdf.id);
    expect(seedBlobs?.packageSha).toMatch(/^[0-9a-f]{64}$/);
    expect(seedBlobs?.originalSha).toBeNull();
    expect(pdfBlobs?.packageSha).toMatch(/^[0-9a-f]{64}$/);
    expect(pdfBlobs?.originalSha).toBe(pdf.id);
    expect(Object.keys(pdfBlobs!).sort()).toEqual(['originalSha', 'packageSha']);
    expect(blobs.store.get(pdf.id)).toEqual(pdfBytes);

    expect(await onB.fetch(seed.id, seedBlobs!)).toBe(true);
    expect(await onB.fetch(pdf.id, pdfBlobs!)).toBe(true);
    expect(added).toEqual([seed.id, pdf.id]);
    // The PDF's pages come on demand: its text, references and page map are here, its file not yet.
    expect(await b.originals.get(pdf.id)).toBeUndefined();
    expect((await documentRows(b, pdf.id)).content).toEqual((await documentRows(a, pdf.id)).content);
    expect(await onB.fetchOriginal(seed.id)).toBe(false); // a text document has none
    expect(await onB.fetchOriginal(pdf.id)).toBe(true);
    expect(await onB.fetchOriginal(pdf.id)).toBe(true); // already here: nothing downloaded again

    for (const id of [seed.id, pdf.id]) expect(await documentRows(b, id)).toEqual(await documentRows(a, id));
    const seedRows = await documentRows(b, seed.id);
    expect(seedRows.references.length).toBeGreaterThan(0);
    expect(seedRows.citations.length).toBeGreaterThan(0);
    const pdfRows = await documentRows(b, pdf.id);
    expect(pdfRows.pageMap?.pages.length).toBeGreaterThan(0);
    expect(pdfRows.pageMap?.labels).toBeDefined();
    expect(pdfRows.original).toEqual(pdfBytes);
    expect((await b.originals.get(pdf.id))?.data).toBeInstanceOf(Blob);
    expect(await b.citekeys.get(citekeyOwner.doc(pdf.id))).toEqual(await a.citekeys.get(citekeyOwner.doc(pdf.id)));
    expect(await tableCounts(b)).toEqual(await tableCounts(a));
  });

  it('gives the same package bytes for the same document, on A and on B after the fetch', async () => {
    const [a, b] = [await openDb(), await openDb()];
    const seed = await importInto(a, SEED);
    const first = await pack(a, seed.id);
    const second = await pack(a, seed.id);
    expect(second!.bytes).toEqual(first!.bytes);
    expect(second!.sha).toBe(first!.sha);
    const blobs = new MemoryBlobs();
    const published = await createDocumentTransfer({ db: a, blobs }).publish(seed.id);
    await createDocumentTransfer({ db: b, blobs }).fetch(seed.id, published!);
    expect((await pack(b, seed.id))!.sha).toBe(first!.sha);
  });

  it('uploads a blob the server already has only once', async () => {
    const a = await openDb();
    const pdf = await importInto(a, PDF, pdfBytes);
    const blobs = new MemoryBlobs();
    const transfer = createDocumentTransfer({ db: a, blobs });
    await transfer.publish(pdf.id);
    await transfer.publish(pdf.id);
    expect(blobs.calls.put).toBe(2);
    expect(blobs.store.size).toBe(2);
  });

  it('sends no original over maxBytes and says so; the document still arrives without it', async () => {
    const [a, b] = [await openDb(), await openDb()];
    const pdf = await importInto(a, PDF, pdfBytes);
    const blobs = new MemoryBlobs();
    const published = await createDocumentTransfer({ db: a, blobs, maxBytes: 1000 }).publish(pdf.id);
    expect(published?.originalSha).toBeNull();
    expect(published?.notice).toMatch(/is larger than the 0 MB Lectern syncs/);
    expect(blobs.store.has(pdf.id)).toBe(false);
    expect(await createDocumentTransfer({ db: b, blobs }).fetch(pdf.id, published!)).toBe(true);
    expect((await documentRows(b, pdf.id)).original).toBeUndefined();
    expect((await documentRows(b, pdf.id)).pageMap).toEqual((await documentRows(a, pdf.id)).pageMap);
  });

  it('sends no original whose hash is not the document id', async () => {
    const a = await openDb();
    const pdf = await importInto(a, PDF, pdfBytes);
    await a.originals.put({ docId: pdf.id, data: new Uint8Array([1, 2, 3]) });
    const blobs = new MemoryBlobs();
    const published = await createDocumentTransfer({ db: a, blobs }).publish(pdf.id);
    expect(published?.originalSha).toBeNull();
    expect(published?.notice).toMatch(/is not the one it was imported from/);
    expect([...blobs.store.keys()]).toEqual([published!.packageSha]);
  });

  it('publishes null for a document that is gone, and fetch does nothing for one already here', async () => {
    const a = await openDb();
    const seed = await importInto(a, SEED);
    const blobs = new MemoryBlobs();
    const transfer = createDocumentTransfer({ db: a, blobs });
    expect(await transfer.publish('f'.repeat(64))).toBeNull();
    expect(await transfer.fetch(seed.id, { packageSha: 'e'.repeat(64), originalSha: null })).toBe(true);
    expect(blobs.calls.get).toBe(0);
  });

  it('answers false while the server lacks a blob or cannot be reached, and true once it has it; the original the same, on demand', async () => {
    const [a, b] = [await openDb(), await openDb()];
    const pdf = await importInto(a, PDF, pdfBytes);
    const packed = await pack(a, pdf.id);
    const blobs = new MemoryBlobs();
    const onB = createDocumentTransfer({ db: b, blobs });
    const wanted = { packageSha: packed!.sha, originalSha: pdf.id };
    expect(await onB.fetch(pdf.id, wanted)).toBe(false);
    expect(await tableCounts(b)).toEqual(await tableCounts(await openDb()));
    await blobs.put(packed!.sha, packed!.bytes);
    expect(await onB.fetch(pdf.id, wanted)).toBe(true);
    expect(await onB.fetchOriginal(pdf.id)).toBe(false); // the original is not uploaded yet
    expect(await b.originals.get(pdf.id)).toBeUndefined();
    await blobs.put(pdf.id, pdfBytes);
    const { SyncServerUnreachable } = await import('../blob-client');
    blobs.unreachable = new SyncServerUnreachable();
    expect(await onB.fetchOriginal(pdf.id)).toBe(false);
    blobs.unreachable = null;
    expect(await onB.fetchOriginal(pdf.id)).toBe(true);
    expect((await documentRows(b, pdf.id)).original).toEqual(pdfBytes);
  });
});

describe('the search index', () => {
  it('picks a fetched document up as it does an import, and a saved index notices it missed one', async () => {
    const [a, b] = [await openDb(), await openDb()];
    const pdf = await importInto(a, PDF, pdfBytes);
    await importInto(b, SEED);
    const index = new SearchIndexStore(() => '');
    expect(await index.loadOrBuild(b)).toBe('rebuilt');
    await index.persist(b);
    expect((await index.search('libcoin')).some((hit) => hit.docId === pdf.id)).toBe(false);

    const blobs = new MemoryBlobs();
    const published = await createDocumentTransfer({ db: a, blobs }).publish(pdf.id);
    const added: Promise<void>[] = [];
    const onB = createDocumentTransfer({ db: b, blobs, onAdded: (id) => added.push(index.addDocument(b, id)) });
    expect(await onB.fetch(pdf.id, published!)).toBe(true);
    await Promise.all(added);
    expect(added).toHaveLength(1);
    expect((await index.search('libcoin')).some((hit) => hit.docId === pdf.id)).toBe(true);
    // An index saved before the fetch is out of step with the library, so the next start rebuilds it.
    expect(await new SearchIndexStore(() => '').loadOrBuild(b)).toBe('rebuilt');
  });
});

describe('citation keys that clash', () => {
  it('keep the key this library already gives another work', async () => {
    const [a, b] = [await openDb(), await openDb()];
    const pdf = await importInto(a, PDF, pdfBytes);
    const [key] = await citekeysFor(a, [{ owners: [citekeyOwner.doc(pdf.id)], csl: pdf.metadata }]);
    await b.citekeys.put({ owner: 'work:someone-else', key: key!.toUpperCase(), pinned: true, edited: true, updatedAt: 1 });
    const blobs = new MemoryBlobs();
    const published = await createDocumentTransfer({ db: a, blobs }).publish(pdf.id);
    expect(await createDocumentTransfer({ db: b, blobs }).fetch(pdf.id, published!)).toBe(true);
    expect(await b.citekeys.get(citekeyOwner.doc(pdf.id))).toBeUndefined();
    expect((await b.citekeys.get('work:someone-else'))?.key).toBe(key!.toUpperCase());
    // The document gets a key of its own when it needs one.
    const [given] = await citekeysFor(b, [{ owners: [citekeyOwner.doc(pdf.id)], csl: pdf.metadata }]);
    expect(given!.toLowerCase()).not.toBe(key!.toLowerCase());
  });
});

describe('hostile packages are refused with a sentence and B is unchanged', () => {
  async function refusedOnB(tamper: (a: Awaited<ReturnType<typeof openDb>>, blobs: MemoryBlobs, docId: string) => Promise<{ packageSha: string; originalSha: string | null }>) {
    const [a, b] = [await openDb(), await openDb()];
    await importInto(b, '004_0b201c9d2cc86d46.txt');
    const pdf = await importInto(a, PDF, pdfBytes);
    const blobs = new MemoryBlobs();
    const wanted = await tamper(a, blobs, pdf.id);
    const before = await tableCounts(b);
    const error = await createDocumentTransfer({ db: b, blobs }).fetch(pdf.id, wanted).then(
      () => null,
      (e: unknown) => e,
    );
    expect(await tableCounts(b)).toEqual(before);
    expect(await b.documents.get(pdf.id)).toBeUndefined();
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^The .*\.$/);
    expect(message).toContain('Nothing was written.');
    return message;
  }

  it('not gzip', async () => {
    const message = await refusedOnB(async (_a, blobs) => {
      const bytes = new TextEncoder().encode('{"kind":"lectern-document"}');
      const sha = await sha256Hex(bytes);
      await blobs.put(sha, bytes);
      return { packageSha: sha, originalSha: null };
    });
    expect(message).toContain('it is not gzip');
  });

  it('gzip that is not JSON', async () => {
    const message = await refusedOnB(async (_a, blobs) => {
      const bytes = gzipSync(new TextEncoder().encode('not json at all, not even close'), { mtime: 0 });
      const sha = await sha256Hex(bytes);
      await blobs.put(sha, bytes);
      return { packageSha: sha, originalSha: null };
    });
    expect(message).toContain('it is not JSON');
  });

  it('the wrong JSON shape', async () => {
    const message = await refusedOnB(async (a, blobs, docId) => {
      const json = await packageJson(a, docId);
      (json.summary as Record<string, unknown>).byteLength = 'a lot';
      const packed = await gzipJson(json);
      await blobs.put(packed.sha, packed.bytes);
      return { packageSha: packed.sha, originalSha: null };
    });
    expect(message).toContain('field “summary.byteLength”');
  });

  it('a field no record has', async () => {
    const message = await refusedOnB(async (a, blobs, docId) => {
      const json = await packageJson(a, docId);
      (json.content as Record<string, unknown>).script = '<script>alert(1)</script>';
      const packed = await gzipJson(json);
      await blobs.put(packed.sha, packed.bytes);
      return { packageSha: packed.sha, originalSha: null };
    });
    expect(message).toContain('field “content”');
  });

  it('a row for another document', async () => {
    const message = await refusedOnB(async (a, blobs, docId) => {
      const json = await packageJson(a, docId);
      const references = json.references as Record<string, unknown>[];
      expect(references.length).toBeGreaterThan(0);
      references[0]!.docId = 'a'.repeat(64);
      const packed = await gzipJson(json);
      await blobs.put(packed.sha, packed.bytes);
      return { packageSha: packed.sha, originalSha: null };
    });
    expect(message).toMatch(/reference “.*” belongs to another document/);
  });

  it('a reference id of another document, and a citation key of another work', async () => {
    const reference = await refusedOnB(async (a, blobs, docId) => {
      const json = await packageJson(a, docId);
      (json.references as Record<string, unknown>[])[0]!.id = `${'b'.repeat(64)}:smith2020`;
      const packed = await gzipJson(json);
      await blobs.put(packed.sha, packed.bytes);
      return { packageSha: packed.sha, originalSha: null };
    });
    expect(reference).toMatch(/belongs to another document/);
    const citekey = await refusedOnB(async (a, blobs, docId) => {
      const json = await packageJson(a, docId);
      json.citekeys = [{ owner: 'work:elsewhere', key: 'smith2020', pinned: false, edited: false, updatedAt: 1 }];
      const packed = await gzipJson(json);
      await blobs.put(packed.sha, packed.bytes);
      return { packageSha: packed.sha, originalSha: null };
    });
    expect(citekey).toMatch(/belongs to another work/);
  });

  it('a package of another document under this one’s name', async () => {
    const message = await refusedOnB(async (a, blobs) => {
      const other = await importInto(a, SEED);
      const packed = await pack(a, other.id);
      await blobs.put(packed!.sha, packed!.bytes);
      return { packageSha: packed!.sha, originalSha: null };
    });
    expect(message).toContain('it holds another document');
  });

  it('a sha mismatch from the server', async () => {
    const message = await refusedOnB(async (a, blobs, docId) => {
      const packed = await pack(a, docId);
      const other = await pack(a, docId);
      other!.bytes[other!.bytes.length - 5]! ^= 0xff;
      blobs.store.set(packed!.sha, other!.bytes);
      return { packageSha: packed!.sha, originalSha: null };
    });
    expect(message).toContain('its SHA-256 differs');
  });

  it('an original whose hash is not the id (refused when its pages are asked for; the text stays)', async () => {
    const [a, b] = [await openDb(), await openDb()];
    const pdf = await importInto(a, PDF, pdfBytes);
    const packed = await pack(a, pdf.id);
    const blobs = new MemoryBlobs();
    await blobs.put(packed!.sha, packed!.bytes);
    blobs.store.set(pdf.id, pdfBytes.slice(0, pdfBytes.length - 1));
    const onB = createDocumentTransfer({ db: b, blobs });
    expect(await onB.fetch(pdf.id, { packageSha: packed!.sha, originalSha: pdf.id })).toBe(true);
    const before = await tableCounts(b);
    await expect(onB.fetchOriginal(pdf.id)).rejects.toThrow(/^The synced file of “.*” is not the one it was imported from .*Nothing was written\.$/);
    expect(await tableCounts(b)).toEqual(before);
    expect(await b.originals.get(pdf.id)).toBeUndefined();
  });

  it('an original named other than the document', async () => {
    const message = await refusedOnB(async (a, blobs, docId) => {
      const packed = await pack(a, docId);
      await blobs.put(packed!.sha, packed!.bytes);
      return { packageSha: packed!.sha, originalSha: 'c'.repeat(64) };
    });
    expect(message).toContain('names a document’s files wrongly');
  });

  it('a package that expands past the limit', () => {
    const bomb = gzipSync(new Uint8Array(8 * 1024 * 1024), { mtime: 0 });
    expect(bomb.byteLength).toBeLessThan(100_000);
    expect(() => unpack(bomb, { limit: 1024 * 1024 })).toThrow(/it expands to more than 1 MB\)\. Nothing was written\./);
  });
});
