import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ParsedDocument } from '../documents/model';
import { getAnnotation, putAnnotation } from '../store/annotations-repo';
import { deleteDocument, getDocument, saveImportedDocument } from '../store/documents-repo';
import { setTags } from '../store/tags-repo';
import { sampleDocument } from '../store/test-support';
import { listTrash, moveDocumentToTrash, restoreFromTrash } from '../store/trash-repo';
import { createLibrarySync } from './library-sync';
import { FakeTransfer, Link, RELAYED, settle, shutDown, startEngine, startMachine, highlight, type Machine } from './sync-test-support';

const running: Machine[] = [];
afterEach(() => {
  for (const machine of running.splice(0)) shutDown(machine);
});

async function pair() {
  const shelf = new Map<string, ParsedDocument>();
  const machines: Record<string, Machine> = {};
  const transferA = new FakeTransfer(() => machines.a!.db, shelf);
  const transferB = new FakeTransfer(() => machines.b!.db, shelf);
  const a = await startMachine('a', { documents: transferA });
  const b = await startMachine('b', { documents: transferB });
  machines.a = a;
  machines.b = b;
  running.push(a, b);
  const link = new Link(a.doc, b.doc);
  const parsed = sampleDocument('r1');
  shelf.set(parsed.id, parsed);
  await saveImportedDocument(a.db, parsed);
  return { a, b, link, docId: parsed.id, transferA, transferB, shelf, machines };
}

/** A third machine's edits, reaching the given machines' docs as the server would relay them. */
function fromServer(machines: Machine[], edit: (peer: Y.Doc) => void): void {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(machines[0]!.doc));
  peer.transact(() => edit(peer));
  for (const machine of machines) Y.applyUpdate(machine.doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(machine.doc)), RELAYED);
}

describe('library sync recovery', () => {
  it('merges a local edit waiting for its reconcile with a remote edit of another field of the same highlight', async () => {
    const { a, b, docId } = await pair();
    await putAnnotation(a.db, highlight('h1', docId));
    await settle(a, b);

    // B's colour change is in Dexie, not yet in the doc, when the remote selectors arrive.
    await putAnnotation(b.db, { ...(await getAnnotation(b.db, 'h1'))!, color: 'green', updatedAt: 2_000 });
    const moved = JSON.stringify([{ type: 'TextQuoteSelector', exact: 'The argument' }]);
    fromServer([b, a], (peer) => (peer.getMap('annotations').get('h1') as Y.Map<unknown>).set('selectors', moved));
    await settle(a, b);
    for (const machine of [a, b]) {
      const row = (await getAnnotation(machine.db, 'h1'))!;
      expect(row.color, machine.name).toBe('green');
      expect(row.selectors, machine.name).toEqual([{ type: 'TextQuoteSelector', exact: 'The argument' }]);
    }
  });

  it('joins afresh after a replace restore: the backup and the synced library are united, nothing deleted', async () => {
    const { a, b, docId } = await pair();
    await putAnnotation(a.db, highlight('old', docId));
    await settle(a, b);
    const backup = { annotations: await a.db.annotations.toArray(), documents: await a.db.documents.toArray(), contents: await a.db.contents.toArray() };

    await a.db.annotations.delete('old');
    await putAnnotation(b.db, highlight('new', docId, { color: 'blue' }));
    await settle(a, b);
    expect(await getAnnotation(b.db, 'old')).toBeUndefined();

    // As a replace restore writes: every table cleared (the sync log too) and the backup's rows put, in one transaction.
    await a.db.transaction('rw', a.db.tables, async () => {
      for (const table of a.db.tables) await table.clear();
      await a.db.documents.bulkPut(backup.documents);
      await a.db.contents.bulkPut(backup.contents);
      await a.db.annotations.bulkPut(backup.annotations);
    });
    await settle(a, b);
    for (const machine of [a, b]) {
      expect(await getAnnotation(machine.db, 'old'), machine.name).toBeDefined();
      expect((await getAnnotation(machine.db, 'new'))?.color, machine.name).toBe('blue');
      expect(await getDocument(machine.db, docId), machine.name).toBeDefined();
    }
    // The joined state is saved again, so a restart starts from it.
    const saved = new Y.Doc();
    for (const row of await a.db.syncLog.toArray()) Y.applyUpdate(saved, row.update);
    expect(saved.getMap('annotations').toJSON()).toEqual(a.doc.getMap('annotations').toJSON());
    expect(a.errors).toEqual([]);
  });

  it('a machine with its own highlights joining for the first time keeps them and receives the others', async () => {
    const { a, docId, shelf } = await pair();
    await putAnnotation(a.db, highlight('from-a', docId));
    await settle(a);
    const machines: Record<string, Machine> = {};
    const c = await startMachine('c', { documents: new FakeTransfer(() => machines.c!.db, shelf) });
    machines.c = c;
    running.push(c);
    // C had the same document and a highlight before it ever synced.
    await saveImportedDocument(c.db, shelf.get(docId)!);
    await putAnnotation(c.db, highlight('from-c', docId, { color: 'red' }));
    await settle(c);
    new Link(a.doc, c.doc);
    await settle(a, c);
    for (const machine of [a, c]) {
      expect(await getAnnotation(machine.db, 'from-a'), machine.name).toBeDefined();
      expect((await getAnnotation(machine.db, 'from-c'))?.color, machine.name).toBe('red');
    }
  });

  it('stops with a message when a remote change cannot be written, and starts again from what was saved', async () => {
    const { a, b, link, docId, transferB } = await pair();
    await putAnnotation(a.db, highlight('h1', docId));
    await settle(a, b);
    const logBefore = await b.db.syncLog.count();

    // B's store goes away (as when the disk is full or the database closed under it).
    b.db.close({ disableAutoOpen: true });
    await putAnnotation(a.db, highlight('h2', docId, { color: 'blue' }));
    await settle(a, b);
    expect(b.errors.join(' ')).toMatch(/Sync stopped.*The library was closed while saving/);
    expect(b.sync.pending()).toBeGreaterThanOrEqual(0);

    // A new engine on the reopened store and a fresh doc: the log did not take the failed update,
    // nothing is deleted, and the change arrives again from the other machine.
    link.remove(b.doc);
    const b2 = await startMachine('b', { reopen: b, documents: transferB });
    running.push(b2);
    expect(await b2.db.syncLog.count()).toBe(logBefore);
    expect(await getAnnotation(b2.db, 'h1')).toBeDefined();
    link.add(b2.doc);
    await settle(a, b2);
    expect((await getAnnotation(b2.db, 'h2'))?.color).toBe('blue');
    expect(await getAnnotation(a.db, 'h1')).toBeDefined();
    expect(b2.errors).toEqual([]);
  });

  it('refuses to start on a doc that holds more than the saved log', async () => {
    const { a, b } = await pair();
    await settle(a, b);
    const ahead = new Y.Doc();
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(a.doc));
    ahead.getMap('annotations').set('x', new Y.Map());
    const errors: string[] = [];
    const sync = createLibrarySync({ db: b.db, doc: ahead, onError: (text) => errors.push(text) });
    await expect(sync.start()).rejects.toThrow(/ahead/);
    expect(errors).toHaveLength(1);
    // A doc that holds only what was saved starts.
    const again = await startEngine(b);
    running.push(again);
    expect(again.errors).toEqual([]);
  });

  it('publishes a document once the transfer can take it, and deletes one deleted without the trash', async () => {
    const { a, b, docId, transferA, transferB } = await pair();
    transferA.canPublish = false;
    const other = sampleDocument('r2');
    await settle(a, b);
    await a.db.transaction('rw', a.db.documents, () => undefined);
    transferA.canPublish = true;
    await setTags(a.db, docId, ['now']);
    await settle(a, b);
    expect(transferB.fetched).toEqual([docId]);
    expect((await getDocument(b.db, docId))?.tags).toEqual(['now']);
    expect(other.id).not.toBe(docId);

    await deleteDocument(a.db, docId);
    await settle(a, b);
    expect(await getDocument(b.db, docId)).toBeUndefined();
    expect(transferB.fetched).toEqual([docId]);
  });

  it('writes a remote change to a highlight of a document in the trash into its trash entry, so a restore brings the newest back', async () => {
    const { a, b, link, docId } = await pair();
    await putAnnotation(a.db, highlight('h1', docId));
    await putAnnotation(a.db, highlight('h2', docId));
    await settle(a, b);

    link.connected = false;
    await moveDocumentToTrash(b.db, docId, 5_000);
    await putAnnotation(a.db, { ...(await getAnnotation(a.db, 'h1'))!, color: 'red', updatedAt: 5_001 });
    await putAnnotation(a.db, highlight('h3', docId, { color: 'green' }));
    await a.db.annotations.delete('h2');
    await setTags(a.db, docId, ['edited while trashed']);
    await settle(a, b);
    link.reconnect();
    await settle(a, b);
    expect(await b.db.annotations.count()).toBe(0);
    const [entry] = await b.db.trash.toArray();
    expect(entry!.payload.annotations.map((row) => [row.id, row.color]).sort()).toEqual([
      ['h1', 'red'],
      ['h3', 'green'],
    ]);
    expect(await a.db.trash.count()).toBe(1);

    const restored = await restoreFromTrash(b.db, (await listTrash(b.db))[0]!.id);
    expect(restored.ok).toBe(true);
    await settle(a, b);
    for (const machine of [a, b]) {
      expect((await machine.db.annotations.toArray()).map((row) => [row.id, row.color]).sort(), machine.name).toEqual([
        ['h1', 'red'],
        ['h3', 'green'],
      ]);
      expect(await machine.db.trash.count(), machine.name).toBe(0);
      expect((await getDocument(machine.db, docId))?.tags, machine.name).toEqual(['edited while trashed']);
    }
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
