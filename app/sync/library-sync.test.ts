import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ParsedDocument } from '../documents/model';
import { deleteAnnotation, getAnnotation, putAnnotation } from '../store/annotations-repo';
import { addToCollection, createCollection, deleteCollection, renameCollection } from '../store/collections-repo';
import { getDocument, saveImportedDocument } from '../store/documents-repo';
import { updateDocumentMetadata } from '../store/metadata-repo';
import { getNotebook, putNotebook } from '../store/notebooks-repo';
import { setTags } from '../store/tags-repo';
import { deleteForever, listTrash, moveDocumentToTrash, restoreFromTrash } from '../store/trash-repo';
import { sampleDocument } from '../store/test-support';
import { LOCAL_ORIGIN } from './contract';
import { FakeNotes, FakeTransfer, Link, RELAYED, settle, shutDown, startMachine, highlight, type Machine } from './sync-test-support';

const running: Machine[] = [];
afterEach(() => {
  for (const machine of running.splice(0)) shutDown(machine);
});

/** Two machines with a shared shelf of parsed documents, linked. */
async function twoMachines(options: { notes?: boolean } = {}) {
  const shelf = new Map<string, ParsedDocument>();
  const machines: Record<string, Machine> = {};
  const transferA = new FakeTransfer(() => machines.a!.db, shelf);
  const transferB = new FakeTransfer(() => machines.b!.db, shelf);
  const notesA = new FakeNotes();
  const notesB = new FakeNotes();
  const a = await startMachine('a', { documents: transferA, ...(options.notes ? { notes: notesA } : {}) });
  const b = await startMachine('b', { documents: transferB, ...(options.notes ? { notes: notesB } : {}) });
  machines.a = a;
  machines.b = b;
  running.push(a, b);
  const link = new Link(a.doc, b.doc);
  /** Imports a document on `machine` (its bytes reach the other through the fake transfer). */
  const importOn = async (machine: Machine, seed: string): Promise<string> => {
    const parsed = sampleDocument(seed);
    shelf.set(parsed.id, parsed);
    await saveImportedDocument(machine.db, parsed);
    return parsed.id;
  };
  return { a, b, link, shelf, transferA, transferB, notesA, notesB, importOn, machines };
}

describe('library sync between two machines', () => {
  it('carries highlights, colours, tags, metadata, collections, notebooks and the trash both ways', async () => {
    const { a, b, importOn, transferB } = await twoMachines();
    const docId = await importOn(a, '1');
    await settle(a, b);
    expect(transferB.fetched).toEqual([docId]);
    expect((await getDocument(b.db, docId))?.title).toBe('Reading notes 1');

    await putAnnotation(a.db, highlight('h1', docId));
    await settle(a, b);
    expect(await getAnnotation(b.db, 'h1')).toEqual(highlight('h1', docId));
    // B's app hears of the row once written; A, which wrote it, hears nothing of its own change.
    expect(b.arrived).toContain('annotations/h1');
    expect(a.arrived).not.toContain('annotations/h1');

    await putAnnotation(a.db, { ...(await getAnnotation(a.db, 'h1'))!, color: 'green', updatedAt: 2_000 });
    await setTags(a.db, docId, ['film', 'week 2']);
    const edited = { ...(await getDocument(a.db, docId))!.metadata, title: 'Edited title', issued: { 'date-parts': [[1999]] } };
    await updateDocumentMetadata(a.db, docId, edited, 3_000);
    await settle(a, b);
    expect((await getAnnotation(b.db, 'h1'))?.color).toBe('green');
    const onB = (await getDocument(b.db, docId))!;
    expect(onB.tags).toEqual(['film', 'week 2']);
    expect(onB.title).toBe('Edited title');
    expect(onB.year).toBe(1999);
    expect(onB.metadata.title).toBe('Edited title');
    // What the file said stays visible beside the edit, as after an edit made here.
    expect(onB.parsedMetadata?.title).toBe('Reading notes 1');

    const course = await createCollection(a.db, 'Course', 4_000);
    await addToCollection(a.db, course.id, [docId], 4_000);
    await putNotebook(a.db, { id: 'nb1', title: 'Plan', content: null, updatedAt: 4_000 });
    await settle(a, b);
    expect(await b.db.collections.get(course.id)).toEqual(course);
    expect(await b.db.collectionItems.get([course.id, docId])).toEqual({ collectionId: course.id, docId, addedAt: 4_000 });
    expect(await getNotebook(b.db, 'nb1')).toEqual({ id: 'nb1', title: 'Plan', content: null, updatedAt: 4_000 });

    // And back, from B to A.
    await putAnnotation(b.db, { ...(await getAnnotation(b.db, 'h1'))!, color: 'pink', updatedAt: 5_000 });
    await renameCollection(b.db, course.id, 'Course, spring');
    await putNotebook(b.db, { ...(await getNotebook(b.db, 'nb1'))!, title: 'Plan B', updatedAt: 5_000 });
    await putAnnotation(b.db, highlight('h2', docId, { color: 'blue' }));
    await settle(a, b);
    expect((await getAnnotation(a.db, 'h1'))?.color).toBe('pink');
    expect((await a.db.collections.get(course.id))?.name).toBe('Course, spring');
    expect((await getNotebook(a.db, 'nb1'))?.title).toBe('Plan B');
    expect((await getAnnotation(a.db, 'h2'))?.color).toBe('blue');

    // Trash on A: B's copy goes to its trash with its highlights; restore on B brings both back on A.
    await moveDocumentToTrash(a.db, docId, 6_000);
    await settle(a, b);
    expect(await getDocument(b.db, docId)).toBeUndefined();
    const trashB = await listTrash(b.db);
    expect(trashB.map((t) => [t.docId, t.deletedAt, t.annotationCount])).toEqual([[docId, 6_000, 2]]);
    expect(await b.db.annotations.count()).toBe(0);
    // The highlights wait in the trash entries; the doc keeps them.
    expect(b.doc.getMap('annotations').size).toBe(2);

    const restored = await restoreFromTrash(b.db, trashB[0]!.id);
    expect(restored.ok).toBe(true);
    await settle(a, b);
    expect((await getDocument(a.db, docId))?.title).toBe('Edited title');
    expect(await a.db.annotations.count()).toBe(2);
    expect(await a.db.trash.count()).toBe(0);
    expect(await a.db.collectionItems.get([course.id, docId])).toBeDefined();
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('deletes what was deleted, and a document deleted for good is not fetched again', async () => {
    const { a, b, importOn, transferB } = await twoMachines();
    const docId = await importOn(a, '2');
    await putAnnotation(a.db, highlight('h1', docId));
    await putAnnotation(a.db, highlight('h2', docId));
    const course = await createCollection(a.db, 'Course', 1);
    await addToCollection(a.db, course.id, [docId], 1);
    await putNotebook(a.db, { id: 'nb', title: 'Plan', content: null, updatedAt: 1 });
    await settle(a, b);
    expect(await b.db.annotations.count()).toBe(2);

    await deleteAnnotation(b.db, 'h2');
    await deleteCollection(a.db, course.id);
    await b.db.notebooks.delete('nb');
    await settle(a, b);
    expect(await getAnnotation(a.db, 'h2')).toBeUndefined();
    expect(await getAnnotation(a.db, 'h1')).toBeDefined();
    expect(await b.db.collections.count()).toBe(0);
    expect(await b.db.collectionItems.count()).toBe(0);
    expect(await a.db.notebooks.count()).toBe(0);

    const trashId = (await moveDocumentToTrash(a.db, docId, 10))!;
    await settle(a, b);
    expect(await b.db.trash.count()).toBe(1);
    await deleteForever(a.db, trashId);
    await settle(a, b);
    expect(await b.db.trash.count()).toBe(0);
    expect(await getDocument(b.db, docId)).toBeUndefined();
    const row = a.doc.getMap('documents').get(docId) as Y.Map<unknown>;
    expect(typeof row.get('purgedAt')).toBe('number');
    expect(transferB.fetched).toEqual([docId]);
    expect(await b.db.syncMeta.get(`purged:${docId}`)).toBeDefined();

    // Imported again on A: it comes back on B too.
    await importOn(a, '2');
    await settle(a, b);
    expect(row.get('purgedAt')).toBeNull();
    expect(await getDocument(b.db, docId)).toBeDefined();
    expect(transferB.fetched).toEqual([docId, docId]);
    expect(await b.db.syncMeta.get(`purged:${docId}`)).toBeUndefined();
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('merges offline edits of the same highlight: both end equal and no field is lost', async () => {
    const { a, b, link, importOn } = await twoMachines();
    const docId = await importOn(a, '3');
    await putAnnotation(a.db, highlight('h1', docId));
    await settle(a, b);

    link.connected = false;
    await putAnnotation(a.db, { ...(await getAnnotation(a.db, 'h1'))!, color: 'red', updatedAt: 2_000 });
    const moved = [{ type: 'TextQuoteSelector' as const, exact: 'The argument' }];
    await putAnnotation(b.db, { ...(await getAnnotation(b.db, 'h1'))!, color: 'blue', selectors: moved, updatedAt: 2_001 });
    await setTags(a.db, docId, ['offline-a']);
    const metadata = { ...(await getDocument(b.db, docId))!.metadata, title: 'Offline title' };
    await updateDocumentMetadata(b.db, docId, metadata, 2_002);
    await putAnnotation(b.db, highlight('h-b', docId, { color: 'purple' }));
    await settle(a, b);
    expect((await getAnnotation(a.db, 'h1'))?.color).toBe('red');
    expect((await getAnnotation(b.db, 'h1'))?.color).toBe('blue');

    link.reconnect();
    await settle(a, b);
    const onA = (await getAnnotation(a.db, 'h1'))!;
    const onB = (await getAnnotation(b.db, 'h1'))!;
    expect(onA).toEqual(onB);
    expect(['red', 'blue']).toContain(onA.color);
    expect(onA.selectors).toEqual(moved);
    const docA = (await getDocument(a.db, docId))!;
    const docB = (await getDocument(b.db, docId))!;
    expect(docA.tags).toEqual(['offline-a']);
    expect(docA.title).toBe('Offline title');
    expect({ ...docB, parsedMetadata: undefined }).toEqual({ ...docA, parsedMetadata: undefined });
    expect(await getAnnotation(a.db, 'h-b')).toEqual(highlight('h-b', docId, { color: 'purple' }));
  });

  it('loses nothing when a machine stops before pushing a change, or after applying a remote one', async () => {
    const { a, b, link, importOn, transferA, transferB } = await twoMachines();
    const docId = await importOn(a, '4');
    await putAnnotation(a.db, highlight('h1', docId));
    await settle(a, b);

    // A writes and stops at once: the change is in Dexie, not yet in the doc.
    await putAnnotation(a.db, highlight('h-late', docId, { color: 'orange' }));
    link.remove(a.doc);
    shutDown(a);
    running.splice(running.indexOf(a), 1);

    // B applies a remote change and stops.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(b.doc));
    peer.transact(() => (peer.getMap('annotations').get('h1') as Y.Map<unknown>).set('color', 'teal'));
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(b.doc)), RELAYED);
    await settle(b);
    expect((await getAnnotation(b.db, 'h1'))?.color).toBe('teal');
    link.remove(b.doc);
    shutDown(b);
    running.splice(running.indexOf(b), 1);

    const a2 = await startMachine('a', { reopen: a, documents: transferA });
    const b2 = await startMachine('b', { reopen: b, documents: transferB });
    running.push(a2, b2);
    expect(await getAnnotation(b2.db, 'h1')).toMatchObject({ color: 'teal' });
    expect(await getAnnotation(a2.db, 'h-late')).toBeDefined();
    const link2 = new Link(a2.doc, b2.doc);
    await settle(a2, b2);
    expect(link2.connected).toBe(true);
    for (const machine of [a2, b2]) {
      expect((await getAnnotation(machine.db, 'h1'))?.color, machine.name).toBe('teal');
      expect((await getAnnotation(machine.db, 'h-late'))?.color, machine.name).toBe('orange');
      expect(await getDocument(machine.db, docId), machine.name).toBeDefined();
    }
    expect(a2.errors).toEqual([]);
    expect(b2.errors).toEqual([]);
  });

  it('hands the note bridge the keys of notes written locally and of notes changed remotely', async () => {
    const { a, b, importOn, notesA, notesB } = await twoMachines({ notes: true });
    const docId = await importOn(a, '5');
    await putAnnotation(a.db, highlight('h1', docId, { noteJson: { root: {} }, noteText: 'why this matters', updatedAt: 2 }));
    await putAnnotation(a.db, highlight('h2', docId));
    await putNotebook(a.db, { id: 'nb', title: 'Plan', content: { root: {} }, updatedAt: 2 });
    await settle(a, b);
    expect(new Set(notesA.pushed)).toEqual(new Set(['annotation:h1', 'notebook:nb']));

    // The bridge on A writes note content into the doc (as a bound editor would): B is told.
    a.doc.transact(() => {
      const text = new Y.XmlText();
      a.doc.getMap('notes').set('annotation:h1', text);
      text.insert(0, 'why this matters');
    }, 'editor');
    await settle(a, b);
    expect(notesB.applied).toContain('annotation:h1');
    expect(notesB.applied).not.toContain('annotation:h2');

    // A note edited in Dexie (outside a bound editor) is pushed once, not on every later change.
    notesA.pushed.length = 0;
    await putAnnotation(a.db, { ...(await getAnnotation(a.db, 'h2'))!, noteJson: { root: {} }, noteText: 'second', updatedAt: 3 });
    await putAnnotation(a.db, { ...(await getAnnotation(a.db, 'h1'))!, color: 'green' });
    await settle(a, b);
    expect(notesA.pushed).toEqual(['annotation:h2']);

    // Deleting a highlight removes its note from the doc.
    await deleteAnnotation(a.db, 'h1');
    await settle(a, b);
    expect(b.doc.getMap('notes').has('annotation:h1')).toBe(false);
  });

  it('refuses a hostile remote row per row, reports it, and applies the rest', async () => {
    const { a, b, importOn } = await twoMachines();
    const docId = await importOn(a, '6');
    await putAnnotation(a.db, highlight('h1', docId));
    await settle(a, b);

    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(b.doc));
    peer.transact(() => {
      const annotations = peer.getMap('annotations');
      const bare = new Y.Map<unknown>();
      for (const [name, value] of Object.entries({ docId, selectors: '[]', color: 'red', createdAt: 1, updatedAt: 1 })) bare.set(name, value);
      annotations.set('no-selectors', bare);
      const typed = new Y.Map<unknown>();
      for (const [name, value] of Object.entries({ docId, selectors: '{"__proto__":{}}', color: 7, createdAt: 'yesterday', updatedAt: 1 })) typed.set(name, value);
      annotations.set('wrong-types', typed);
      annotations.set('not-a-row', 'hello');
      (annotations.get('h1') as Y.Map<unknown>).set('color', 42);
      const fine = new Y.Map<unknown>();
      for (const [name, value] of Object.entries({ docId, selectors: JSON.stringify(highlight('x', docId).selectors), color: 'blue', createdAt: 5, updatedAt: 5 })) fine.set(name, value);
      annotations.set('fine', fine);
      const docRow = peer.getMap('documents').get(docId) as Y.Map<unknown>;
      docRow.set('tags', 'not json');
    });
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(b.doc)), RELAYED);
    await settle(a, b);
    expect(b.errors.length).toBeGreaterThan(0);
    expect(b.errors.join(' ')).toMatch(/refused/);
    expect(await getAnnotation(b.db, 'no-selectors')).toBeUndefined();
    expect(await getAnnotation(b.db, 'wrong-types')).toBeUndefined();
    expect(await getAnnotation(b.db, 'not-a-row')).toBeUndefined();
    expect((await getAnnotation(b.db, 'h1'))?.color).toBe('yellow');
    expect((await getDocument(b.db, docId))?.tags).toEqual([]);
    expect((await getAnnotation(b.db, 'fine'))?.color).toBe('blue');
    // The refused rows are left alone in the doc, not read as deletions made here, after a restart too.
    expect(b.doc.getMap('annotations').has('no-selectors')).toBe(true);
    shutDown(b);
    running.splice(running.indexOf(b), 1);
    const b2 = await startMachine('b', { reopen: b });
    running.push(b2);
    await settle(b2);
    expect(b2.doc.getMap('annotations').has('no-selectors')).toBe(true);
    expect(b2.doc.getMap('annotations').has('wrong-types')).toBe(true);
    expect(await getAnnotation(b2.db, 'fine')).toBeDefined();
  });
});

describe('library sync log', () => {
  it('compacts the log into one row that holds the same state', async () => {
    const { a, b, importOn } = await twoMachines();
    const docId = await importOn(a, '7');
    await putAnnotation(a.db, highlight('h1', docId));
    await settle(a, b);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(b.doc));
    peer.on('update', (update: Uint8Array) => Y.applyUpdate(b.doc, update, RELAYED));
    for (let i = 0; i < 520; i += 1) {
      peer.transact(() => {
        const row = new Y.Map<unknown>();
        for (const [name, value] of Object.entries({ docId, selectors: JSON.stringify(highlight('x', docId).selectors), color: `c${i}`, createdAt: i, updatedAt: i })) row.set(name, value);
        peer.getMap('annotations').set(`p${i}`, row);
      });
    }
    await settle(a, b);
    expect(await b.db.annotations.count()).toBe(521);
    expect(await b.db.syncLog.count()).toBeLessThan(30);
    const saved = new Y.Doc();
    for (const row of await b.db.syncLog.toArray()) Y.applyUpdate(saved, row.update);
    expect(saved.getMap('annotations').toJSON()).toEqual(b.doc.getMap('annotations').toJSON());
    expect(saved.getMap('documents').toJSON()).toEqual(b.doc.getMap('documents').toJSON());
  });

  it('stores local and remote updates, and the saved log rebuilds the doc', async () => {
    const { a, b, importOn } = await twoMachines();
    const docId = await importOn(a, '8');
    await putAnnotation(a.db, highlight('h1', docId));
    await settle(a, b);
    for (const machine of [a, b]) {
      const saved = new Y.Doc();
      for (const row of await machine.db.syncLog.toArray()) Y.applyUpdate(saved, row.update, LOCAL_ORIGIN);
      expect(saved.getMap('annotations').toJSON(), machine.name).toEqual(machine.doc.getMap('annotations').toJSON());
    }
  });
});
