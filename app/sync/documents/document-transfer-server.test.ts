// The document transfer against the real sync server over loopback (Node 22: node:sqlite):
// publish on A, fetch on B through the blob routes, a wrong token, a large file, a stopped server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshTestDbs } from '../../store/test-support';
import { createBlobClient, type BlobClient } from '../blob-client';
import { startSyncServer, type RunningSyncServer } from '../server/sync-server';
import { createDocumentTransfer } from './document-transfer';
import { documentRows, importInto, readFixture, tableCounts } from './transfer-test-support';

const LIBRARY = 'study-group';
const TOKEN = 'a-token-for-the-study-group';

const openDb = freshTestDbs(afterEach);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(maxBlobBytes?: number): Promise<RunningSyncServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lectern-documents-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const server = await startSyncServer({ port: 0, dataDir, libraries: { [LIBRARY]: TOKEN }, quiet: true, ...(maxBlobBytes ? { maxBlobBytes } : {}) });
  let open = true;
  cleanups.push(() => (open ? server.close() : undefined));
  return { ...server, close: () => ((open = false), server.close()) };
}

function clientOf(server: RunningSyncServer, token = TOKEN): BlobClient {
  return createBlobClient({ serverUrl: server.url, library: LIBRARY, token });
}

describe('the document transfer through the sync server', () => {
  it('carries the real PDF and a seed from A to B', async () => {
    const server = await serve();
    const [a, b] = [await openDb(), await openDb()];
    const pdfBytes = readFixture('libcoin--libcoin.pdf');
    const pdf = await importInto(a, 'libcoin--libcoin.pdf', pdfBytes);
    const seed = await importInto(a, '001_94063d3630a703df.txt');
    const onA = createDocumentTransfer({ db: a, blobs: clientOf(server) });
    const onB = createDocumentTransfer({ db: b, blobs: clientOf(server) });
    const pdfBlobs = await onA.publish(pdf.id);
    const seedBlobs = await onA.publish(seed.id);
    expect(pdfBlobs?.originalSha).toBe(pdf.id);
    expect(await clientOf(server).has(pdf.id)).toBe(true);
    expect(await onB.fetch(pdf.id, pdfBlobs!)).toBe(true);
    expect(await onB.fetch(seed.id, seedBlobs!)).toBe(true);
    expect(await onB.fetchOriginal(pdf.id)).toBe(true);
    for (const id of [pdf.id, seed.id]) expect(await documentRows(b, id)).toEqual(await documentRows(a, id));
    expect((await documentRows(b, pdf.id)).original).toEqual(pdfBytes);
  });

  it('refuses a wrong token with a sentence, writing nothing', async () => {
    const server = await serve();
    const [a, b] = [await openDb(), await openDb()];
    const seed = await importInto(a, '001_94063d3630a703df.txt');
    const published = await createDocumentTransfer({ db: a, blobs: clientOf(server) }).publish(seed.id);
    const before = await tableCounts(b);
    await expect(createDocumentTransfer({ db: b, blobs: clientOf(server, 'not-the-token') }).fetch(seed.id, published!)).rejects.toThrow(
      'The sync server refused the token for the library “study-group”. Check the library name and token in Lectern’s sync settings.',
    );
    await expect(createDocumentTransfer({ db: a, blobs: clientOf(server, 'not-the-token') }).publish(seed.id)).rejects.toThrow(/refused the token/);
    expect(await tableCounts(b)).toEqual(before);
  });

  it('says a file is too large when the server’s limit is below it', async () => {
    const server = await serve(64 * 1024);
    const a = await openDb();
    const pdf = await importInto(a, 'libcoin--libcoin.pdf', readFixture('libcoin--libcoin.pdf'));
    await expect(createDocumentTransfer({ db: a, blobs: clientOf(server) }).publish(pdf.id)).rejects.toThrow(/The sync server refused a file of .* MB as too large\./);
  });

  it('answers false while the server is down, and fetches once it is back', async () => {
    const server = await serve();
    const [a, b] = [await openDb(), await openDb()];
    const seed = await importInto(a, '001_94063d3630a703df.txt');
    const published = await createDocumentTransfer({ db: a, blobs: clientOf(server) }).publish(seed.id);
    const onB = createDocumentTransfer({ db: b, blobs: clientOf(server) });
    await server.close();
    expect(await onB.fetch(seed.id, published!)).toBe(false);
    expect(await b.documents.count()).toBe(0);
    const missing = await serve();
    // A server without the blobs (not uploaded yet): false again, nothing written.
    expect(await createDocumentTransfer({ db: b, blobs: clientOf(missing) }).fetch(seed.id, published!)).toBe(false);
    expect(await b.documents.count()).toBe(0);
  });
});
