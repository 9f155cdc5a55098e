/** Test helpers: each call gives a fresh, isolated in-memory IndexedDB. Imported by tests only. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openLecternDb, type OpenLecternDbOptions } from './db';
import type { LecternDb } from './db';
import type { ParsedDocument } from '../documents/model';

/** Store options for a test; pass the same `indexedDB` and `name` to reopen a database. */
export type TestDbOptions = Omit<OpenLecternDbOptions, 'indexedDB' | 'IDBKeyRange'> & { indexedDB?: IDBFactory };

let counter = 0;

/** Opens a Lectern store on its own fake IndexedDB, so tests never share state. */
export async function openTestDb(options: TestDbOptions = {}): Promise<LecternDb> {
  counter += 1;
  const db = openLecternDb({
    name: `lectern-test-${counter}`,
    ...options,
    indexedDB: options.indexedDB ?? new IDBFactory(),
    IDBKeyRange,
  });
  await db.open();
  return db;
}

/**
 * A maker of fresh stores that are all closed after each test: pass the test runner's
 * `afterEach` (this module stays free of the runner, as benchmarks use it too).
 */
export function freshTestDbs(afterEach: (cleanup: () => void) => void): () => Promise<LecternDb> {
  const open: LecternDb[] = [];
  afterEach(() => open.splice(0).forEach((db) => db.close()));
  return async () => {
    const db = await openTestDb();
    open.push(db);
    return db;
  };
}

/** A small parsed document built in the test, with a distinct id per `seed`. */
export function sampleDocument(seed: string, overrides: Partial<ParsedDocument> = {}): ParsedDocument {
  const text = `Reading notes ${seed}\nThe argument rests on earlier work [1].`;
  const heading = `Reading notes ${seed}`.length;
  return {
    id: seed.padStart(64, '0'),
    format: 'md',
    fileName: `notes-${seed}.md`,
    byteLength: text.length,
    encoding: 'utf-8',
    text,
    blocks: [
      { kind: 'heading', start: 0, end: heading, level: 1 },
      { kind: 'paragraph', start: heading + 1, end: text.length, marks: [{ type: 'emphasis', start: heading + 5, end: heading + 13 }] },
    ],
    metadata: {
      id: seed,
      type: 'article-journal',
      title: `Reading notes ${seed}`,
      author: [{ family: 'Ezerova', given: 'Daria' }],
      issued: { 'date-parts': [[2021, 3]] },
    },
    provenance: { titleIsFallback: false },
    ...overrides,
  };
}
