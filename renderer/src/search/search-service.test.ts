import { afterEach, describe, expect, it } from 'vitest';
import { putAnnotation } from '../../../app/store/annotations-repo';
import type { LecternDb } from '../../../app/store/db';
import { saveImportedDocument } from '../../../app/store/documents-repo';
import { putNotebook } from '../../../app/store/notebooks-repo';
import type { StoredAnnotation } from '../../../app/store/records';
import { openTestDb, sampleDocument } from '../../../app/store/test-support';
import { LIBRARY_INDEX_KEY, shardKey } from '../../../app/search/index-store';
import { shardOf } from '../../../app/search/sharded-index';
import { endpointPair, openChannel, type WorkerFactory } from '../workers/channel';
import { importHandlers } from '../import/import-jobs';
import type { FileOutcome, ImportUiProtocol, ImportWorkerProtocol } from '../import/protocol';
import { ImportClient } from '../import/use-import';
import { searchHandlers } from './search-handlers';
import type { IndexChange, SearchUiProtocol, SearchWorkerProtocol } from './search-protocol';
import { SearchService, type SearchStatus } from './search-service';

let db: LecternDb | undefined;
const services: SearchService[] = [];
afterEach(() => {
  for (const service of services.splice(0)) service.dispose();
  db?.close();
});

const noteText = (state: unknown): string => (state as { text?: string } | undefined)?.text ?? '';

/** A search worker run in place over the test's store, recording what it was asked. */
function fakeWorker(store: LecternDb) {
  const calls: { open: string[]; updates: IndexChange[][]; persisted: string[][] } = { open: [], updates: [], persisted: [] };
  const factory: WorkerFactory = () => {
    const [ui, worker] = endpointPair();
    const handlers = searchHandlers(() => store, noteText);
    openChannel<SearchUiProtocol, SearchWorkerProtocol>(worker, {
      ...handlers,
      async open(request, context) {
        const outcome = await handlers.open(request, context);
        calls.open.push(outcome);
        return outcome;
      },
      update(request, context) {
        calls.updates.push(request.changes);
        return handlers.update(request, context);
      },
      async persist(request, context) {
        const keys = await handlers.persist(request, context);
        calls.persisted.push(keys);
        return keys;
      },
    });
    return ui;
  };
  return { factory, calls };
}

function service(store: LecternDb, factory: WorkerFactory): SearchService {
  const created = new SearchService(store, { createWorker: factory, updateDelayMs: 20, persistDelayMs: 60 });
  services.push(created);
  return created;
}

/** Resolves once `search` has applied `count` more changes. */
function versionAfter(search: SearchService, count: number): Promise<void> {
  const target = search.version + count;
  return new Promise((resolve) => {
    const stop = search.subscribe(() => {
      if (search.version >= target) {
        stop();
        resolve();
      }
    });
  });
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function highlight(id: string, docId: string, note: string, updatedAt: number): StoredAnnotation {
  return { id, docId, selectors: [{ type: 'TextQuoteSelector', exact: 'a quoted line', prefix: '', suffix: '' }], color: 'yellow', noteJson: { text: note }, noteText: '', createdAt: 1, updatedAt };
}

async function library(): Promise<string[]> {
  db = await openTestDb();
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    const doc = sampleDocument(`s${i}`, { text: `Search service ${i}\nOn subject${i} and montage.` });
    await saveImportedDocument(db, doc);
    ids.push(doc.id);
  }
  return ids;
}

describe('SearchService', () => {
  it('loads in its worker on first use, then answers queries from there', async () => {
    const ids = await library();
    const { factory, calls } = fakeWorker(db!);
    const search = service(db!, factory);
    const statuses: SearchStatus[] = [];
    search.subscribe(() => statuses.push(search.status));
    expect(search.status).toBe('idle');
    expect((await search.search('subject2'))[0]?.docId).toBe(ids[2]);
    expect(statuses).toEqual(['indexing', 'ready']);
    expect(calls.open).toEqual(['rebuilt']);
    await search.search('montage');
    expect(calls.open).toHaveLength(1);
  });

  it('gathers a burst of saves into one update, in one queue after the load', async () => {
    const ids = await library();
    const { factory, calls } = fakeWorker(db!);
    const search = service(db!, factory);
    // A change announced before the index is loaded waits for the load, in the same queue.
    await putAnnotation(db!, highlight('h1', ids[1]!, 'first draft', 2));
    const first = versionAfter(search, 1);
    search.changed({ kind: 'annotation', id: 'h1' });
    void search.start();
    await first;
    expect(calls.updates).toEqual([[{ kind: 'annotation', id: 'h1' }]]);
    expect(calls.open).toEqual(['rebuilt']);

    // Saves in a burst: one update, each changed thing once.
    await putAnnotation(db!, highlight('h1', ids[1]!, 'framing shots slowly', 3));
    await putNotebook(db!, { id: 'nb', title: 'Plan', content: { text: 'framing chapter' }, updatedAt: 9 });
    const burst = versionAfter(search, 1);
    search.changed({ kind: 'annotation', id: 'h1' });
    search.changed({ kind: 'notebook', id: 'nb' });
    search.changed({ kind: 'annotation', id: 'h1' });
    search.changed({ kind: 'annotation', id: 'h1' });
    await burst;
    expect(calls.updates.slice(1)).toEqual([[{ kind: 'annotation', id: 'h1' }, { kind: 'notebook', id: 'nb' }]]);
    expect((await search.search('slowly')).map((hit) => hit.annotationId)).toEqual(['h1']);
    expect((await search.search('framing')).map((hit) => hit.kind).sort()).toEqual(['highlight', 'notebook']);

    search.documentRemoved(ids[1]!);
    search.documentAdded(ids[1]!);
    await versionAfter(search, 2);
    expect(calls.updates.slice(2)).toEqual([[{ kind: 'document-removed', id: ids[1] }], [{ kind: 'document-added', id: ids[1] }]]);
    expect((await search.search('slowly')).map((hit) => hit.annotationId)).toEqual(['h1']);
  });

  it('saves only the pieces its changes touched, once changes stop', async () => {
    const ids = await library();
    const { factory, calls } = fakeWorker(db!);
    const search = service(db!, factory);
    await search.start();
    const saved = new Map((await db!.searchIndex.toArray()).map((row) => [row.key, JSON.stringify(row.value)]));
    await putAnnotation(db!, highlight('h2', ids[4]!, 'a note on sound', 5));
    search.changed({ kind: 'annotation', id: 'h2' });
    await versionAfter(search, 1);
    while (calls.persisted.length === 0) await wait(10);
    expect(calls.persisted).toEqual([[shardKey(shardOf(ids[4]!))]]);
    for (const row of await db!.searchIndex.toArray()) {
      const touched = row.key === LIBRARY_INDEX_KEY || row.key === shardKey(shardOf(ids[4]!));
      expect(JSON.stringify(row.value) === saved.get(row.key), row.key).toBe(!touched);
    }
  });

  it('loads the saved pieces at the next start, and rebuilds when the library changed meanwhile', async () => {
    const ids = await library();
    const first = fakeWorker(db!);
    await service(db!, first.factory).start();
    const second = fakeWorker(db!);
    const again = service(db!, second.factory);
    await again.start();
    expect(second.calls.open).toEqual(['loaded']);
    again.dispose();

    // A note saved while no index was listening.
    await putAnnotation(db!, highlight('h3', ids[0]!, 'unexpected cinematography', 7));
    const third = fakeWorker(db!);
    const later = service(db!, third.factory);
    expect((await later.search('cinematography')).map((hit) => hit.annotationId)).toEqual(['h3']);
    expect(third.calls.open).toEqual(['rebuilt']);
    await later.reload();
    expect(third.calls.open).toEqual(['rebuilt', 'rebuilt']);
    expect(later.status).toBe('ready');
  });

  it('reports a worker that cannot load as failed, and finds nothing', async () => {
    db = await openTestDb();
    const failing: WorkerFactory = () => {
      const [ui, worker] = endpointPair();
      openChannel<Record<never, never>, SearchWorkerProtocol>(worker, {
        open: () => Promise.reject(new Error('The disk is full.')),
        search: () => [],
        update: () => null,
        persist: () => [],
        attach: () => null,
      });
      return ui;
    };
    const search = service(db, failing);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect(await search.search('anything')).toEqual([]);
    } finally {
      console.error = original;
    }
    expect(search.status).toBe('failed');
    expect(errors).toEqual([['The search index could not be loaded.', 'The disk is full.']]);
  });
});

describe('SearchService with the import worker', () => {
  it('indexes what the import worker stores from the text it sends, without the UI asking', async () => {
    const ids = await library();
    const { factory, calls } = fakeWorker(db!);
    const search = service(db!, factory);
    await search.start();
    const importerFactory: WorkerFactory = () => {
      const [ui, worker] = endpointPair();
      openChannel<ImportUiProtocol, ImportWorkerProtocol>(worker, importHandlers(db!));
      return ui;
    };
    const outcomes: FileOutcome[] = [];
    const importer = new ImportClient({ onOutcomes: (next) => outcomes.push(...next), onRefused: () => undefined }, { createWorker: importerFactory, searchPort: () => search.importerPort() });
    const indexed = versionAfter(search, 1);
    importer.start([{ name: 'new.md', blob: new Blob(['# Kuleshov notes\n\nThe montage experiment, again.']) }]);
    await indexed;
    importer.dispose();
    expect(outcomes).toMatchObject([{ name: 'new.md', ok: true, created: true, indexed: true }]);
    const id = outcomes[0]!.ok ? outcomes[0]!.id : '';
    expect((await search.search('kuleshov')).map((hit) => [hit.kind, hit.docId, hit.title])).toEqual([['document', id, 'Kuleshov notes']]);
    // The search worker read nothing back from the store for it: no update went through the UI.
    expect(calls.updates).toEqual([]);
    expect(ids).not.toContain(id);
  });

  it('gives no port while the index is not loaded: the load then reads the new documents itself', async () => {
    await library();
    const search = service(db!, fakeWorker(db!).factory);
    expect(search.importerPort()).toBeUndefined();
  });
});
