import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openLecternDb, type LecternDb } from '../../../app/store/db';
import { endpointPair, openChannel, type Handlers, type WorkerFactory } from '../workers/channel';
import { importHandlers } from './import-jobs';
import type { FileOutcome, ImportUiProtocol, ImportWorkerProtocol } from './protocol';
import { ImportClient, type ImportProgress } from './use-import';

let db: LecternDb | undefined;
afterEach(() => db?.close());

/** A worker factory running `handlers` in place of the worker, and counting the workers started. */
function fakeWorker(handlers: Handlers<ImportWorkerProtocol, ImportUiProtocol>) {
  const started = { count: 0 };
  const factory: WorkerFactory = () => {
    started.count += 1;
    const [ui, worker] = endpointPair();
    openChannel<ImportUiProtocol, ImportWorkerProtocol>(worker, handlers);
    return ui;
  };
  return { factory, started };
}

/** Runs a client until its progress clears; returns what it reported. */
function watch(client: ImportClient) {
  const progress: (ImportProgress | null)[] = [];
  client.progress.subscribe(() => progress.push(client.progress.get()));
  const idle = () =>
    new Promise<void>((resolve) => {
      const stop = client.progress.subscribe(() => {
        if (client.progress.get() === null) {
          stop();
          resolve();
        }
      });
    });
  return { progress, idle };
}

const file = (name: string, text: string) => ({ name, blob: new Blob([text]) });

describe('ImportClient', () => {
  it('imports through the worker: progress per file, outcomes in order, one worker for every job', async () => {
    db = openLecternDb({ name: 'use-import', indexedDB: new IDBFactory(), IDBKeyRange });
    const { factory, started } = fakeWorker(importHandlers(db));
    const outcomes: FileOutcome[] = [];
    const client = new ImportClient({ onOutcomes: (next) => outcomes.push(...next), onRefused: () => expect.fail('refused') }, { createWorker: factory });
    const { progress, idle } = watch(client);
    client.start([file('one.txt', 'The first note\nOn reading slowly.'), file('two.md', '# The second note\n\nOn reading twice.')]);
    await idle();
    expect(outcomes.map((o) => (o.ok ? [o.name, o.title, o.created] : [o.name, o.error]))).toEqual([
      ['one.txt', 'The first note', true],
      ['two.md', 'The second note', true],
    ]);
    expect(await db.documents.count()).toBe(2);
    expect(progress.filter(Boolean).map((p) => [p!.done, p!.total])).toEqual([[0, 2], [0, 2], [1, 2], [2, 2]]);
    client.start([file('one.txt', 'The first note\nOn reading slowly.')]);
    await idle();
    expect(outcomes.at(-1)).toMatchObject({ name: 'one.txt', ok: true, created: false });
    expect(started.count).toBe(1);
    client.dispose();
  });

  it('asks the UI thread to sanitize web pages', async () => {
    db = openLecternDb({ name: 'use-import-html', indexedDB: new IDBFactory(), IDBKeyRange });
    const { factory } = fakeWorker(importHandlers(db));
    const asked: string[] = [];
    const outcomes: FileOutcome[] = [];
    const sanitize = (html: string) => {
      asked.push(html);
      return html.replace(/<script[\s\S]*?<\/script>/g, '');
    };
    const client = new ImportClient({ onOutcomes: (next) => outcomes.push(...next), onRefused: () => undefined }, { createWorker: factory, sanitize });
    const { idle } = watch(client);
    client.start([file('page.html', '<html><head><title>A page</title></head><body><p>Kept text.</p><script>steal()</script></body></html>')]);
    await idle();
    expect(asked).toHaveLength(1);
    expect(outcomes).toMatchObject([{ name: 'page.html', ok: true }]);
    const stored = await db.contents.toArray();
    expect(stored[0]?.text).toContain('Kept text.');
    expect(stored[0]?.text).not.toContain('steal');
    client.dispose();
  });

  it('cancels the job in progress and keeps what was stored', async () => {
    const seen: { aborted: boolean }[] = [];
    const { factory } = fakeWorker({
      'attach-search': () => null,
      async import({ files }, { signal, progress }) {
        for (const [done, f] of files.entries()) {
          if (signal.aborted) break;
          progress({ type: 'progress', done, total: files.length, current: f.name });
          progress({ type: 'files', outcomes: [{ name: f.name, ok: true, id: f.name, title: f.name, created: true }] });
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        seen.push({ aborted: signal.aborted });
        return { cancelled: signal.aborted };
      },
    });
    const outcomes: FileOutcome[] = [];
    const client = new ImportClient({ onOutcomes: (next) => outcomes.push(...next), onRefused: () => undefined }, { createWorker: factory });
    const { idle } = watch(client);
    client.start(Array.from({ length: 50 }, (_, i) => file(`${i}.txt`, 'text')));
    const stop = client.progress.subscribe(() => {
      if ((client.progress.get()?.done ?? 0) >= 2) client.cancel();
    });
    await idle();
    stop();
    expect(seen).toEqual([{ aborted: true }]);
    expect(outcomes.length).toBeGreaterThanOrEqual(2);
    expect(outcomes.length).toBeLessThan(50);
    client.dispose();
  });

  it('refuses a selection past the import limit without starting a worker', () => {
    const { factory, started } = fakeWorker({ import: () => expect.fail('started'), 'attach-search': () => null });
    const refused: string[] = [];
    const client = new ImportClient({ onOutcomes: () => undefined, onRefused: (message) => refused.push(message) }, { createWorker: factory });
    // Only sizes are read before the worker would start: a stand-in for a 300 MB file will do.
    client.start([file('small.txt', 'text'), { name: 'huge.pdf', blob: { size: 300 * 1024 * 1024 } as Blob }]);
    expect(refused).toEqual([expect.stringContaining('“huge.pdf” is larger than 256 MB')]);
    expect(started.count).toBe(0);
    expect(client.progress.get()).toBeNull();
  });
});
