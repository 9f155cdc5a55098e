import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StoredAnnotation } from '../../../../app/store/records';
import { freshTestDbs } from '../../../../app/store/test-support';
import type { NoteKey } from '../../../../app/sync/contract';
import { editorState } from '../../notes/note-test-states';
import { createNoteBridge } from './note-bridge';

const freshDb = freshTestDbs(afterEach);
const COUNT = 200;

function annotation(i: number, withNote: boolean): StoredAnnotation {
  const noteJson = withNote
    ? editorState(() => {
        $getRoot().append($createParagraphNode().append($createTextNode(`Note ${i}: the commons, revisited`)), $createParagraphNode().append($createTextNode(`Second paragraph of note ${i}`)));
      })
    : null;
  return { id: `h${i}`, docId: 'd1', selectors: [], color: 'yellow', noteJson, noteText: '', createdAt: 1, updatedAt: 1 };
}

it(`carries ${COUNT} notes from one machine to another through pushLocal and applyRemote`, async () => {
  const [dbA, dbB] = [await freshDb(), await freshDb()];
  const [docA, docB] = [new Y.Doc(), new Y.Doc()];
  const errors: string[] = [];
  const a = createNoteBridge({ db: dbA, doc: docA, onError: (message) => errors.push(message) });
  const changed: NoteKey[] = [];
  const b = createNoteBridge({ db: dbB, doc: docB, onError: (message) => errors.push(message), onChanged: (keys) => changed.push(...keys) });
  const keys = Array.from({ length: COUNT }, (_, i) => `annotation:h${i}` as const);
  await dbA.annotations.bulkPut(Array.from({ length: COUNT }, (_, i) => annotation(i, true)));
  await dbB.annotations.bulkPut(Array.from({ length: COUNT }, (_, i) => annotation(i, false)));

  let updates = 0;
  docA.on('update', () => (updates += 1));
  const timings: Record<string, number> = {};
  let started = performance.now();
  await a.pushLocal(keys);
  timings.pushLocal = performance.now() - started;
  expect(docA.getMap('notes').size).toBe(COUNT);
  // All in one Yjs transaction: one update for the engine to log.
  expect(updates).toBe(1);
  const afterPush = updates;
  started = performance.now();
  await a.pushLocal(keys);
  timings.pushLocalUnchanged = performance.now() - started;
  expect(updates).toBe(afterPush);

  Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA), 'remote');
  started = performance.now();
  await b.applyRemote(keys);
  timings.applyRemote = performance.now() - started;
  expect(changed.length).toBe(COUNT);
  const notes = await dbB.annotations.toArray();
  expect(notes.filter((note) => note.noteText.startsWith(`Note ${note.id.slice(1)}: the commons, revisited\nSecond paragraph`)).length).toBe(COUNT);
  expect(await dbB.syncMeta.count()).toBe(COUNT);
  expect(errors).toEqual([]);
  console.info(`notes sync, ${COUNT} notes (ms): ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([name, ms]) => [name, Math.round(ms)])))}`);
});
