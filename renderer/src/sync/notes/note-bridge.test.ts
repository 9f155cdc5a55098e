import { $createQuoteNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, type SerializedEditorState } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { LecternDb } from '../../../../app/store/db';
import type { StoredAnnotation } from '../../../../app/store/records';
import { freshTestDbs } from '../../../../app/store/test-support';
import { LOCAL_ORIGIN, type NoteKey } from '../../../../app/sync/contract';
import { $createCitationNode } from '../../notes/CitationNode';
import { editorState } from '../../notes/note-test-states';
import { noteToPlainText } from '../../notes/note-text';
import { createNoteBridge } from './note-bridge';
import { noteEditor, noteHash } from './note-json';
import { bindEditorToNote } from './yjs-note-binding';

const freshDb = freshTestDbs(afterEach);

function annotation(id: string, noteJson: unknown = null): StoredAnnotation {
  return {
    id,
    docId: 'doc-1',
    selectors: [{ type: 'TextQuoteSelector', exact: 'quoted words' }],
    color: 'yellow',
    noteJson,
    noteText: noteJson ? noteToPlainText(noteJson) : '',
    createdAt: 1000,
    updatedAt: 1000,
  };
}

function paragraphs(...texts: string[]): SerializedEditorState {
  return editorState(() => {
    for (const text of texts) $getRoot().append($createParagraphNode().append($createTextNode(text)));
  });
}

/** Two machines: each a Dexie store and a Y.Doc; `exchange` sends each doc's missing updates to the other. */
async function machine() {
  const db = await freshDb();
  const doc = new Y.Doc();
  const errors: string[] = [];
  const bridge = createNoteBridge({ db, doc, onError: (message) => errors.push(message) });
  return { db, doc, bridge, errors };
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, 'remote');
  Y.applyUpdate(a, toA, 'remote');
}

/** Types into a note through a headless editor bound to its XmlText, as a live editor would. */
function typeInto(doc: Y.Doc, key: NoteKey, build: () => void): void {
  const editor = noteEditor('test-typing');
  const bound = bindEditorToNote(editor, doc, key);
  editor.update(build, { discrete: true });
  bound.dispose();
}

async function noteOf(db: LecternDb, id: string): Promise<StoredAnnotation> {
  return (await db.annotations.get(id))!;
}

describe('note bridge: applyRemote', () => {
  it('writes a note typed on another machine into Dexie as Lexical JSON and plain text', async () => {
    const a = await machine();
    const b = await machine();
    await a.db.annotations.put(annotation('h1'));
    await b.db.annotations.put(annotation('h1'));
    typeInto(a.doc, 'annotation:h1', () => {
      $getRoot().append($createParagraphNode().append($createTextNode('Ostrom on commons')));
    });
    exchange(a.doc, b.doc);
    await b.bridge.applyRemote(['annotation:h1']);
    const stored = await noteOf(b.db, 'h1');
    expect(stored.noteText).toBe('Ostrom on commons');
    expect(JSON.stringify(stored.noteJson)).toContain('"text":"Ostrom on commons"');
    expect(stored.updatedAt).toBeGreaterThan(1000);
    const meta = await b.db.syncMeta.get('note:annotation:h1');
    expect((meta?.value as { hash: string }).hash).toBe(noteHash(stored.noteJson));
    expect(b.errors).toEqual([]);
  });

  it('carries a notebook quote with its citation node and attributes', async () => {
    const a = await machine();
    const b = await machine();
    const content = editorState(() => {
      const quote = $createQuoteNode().append($createTextNode('“The tragedy of the commons” '), $createCitationNode('(Hardin 1968, p. 1244)', { docId: 'doc-9', annotationId: 'h-7' }));
      $getRoot().append($createParagraphNode().append($createTextNode('Notes for week 3')), quote);
    });
    await a.db.notebooks.put({ id: 'nb1', title: 'Week 3', content, updatedAt: 500 });
    await b.db.notebooks.put({ id: 'nb1', title: 'Week 3', content: null, updatedAt: 400 });
    await a.bridge.pushLocal(['notebook:nb1']);
    exchange(a.doc, b.doc);
    await b.bridge.applyRemote(['notebook:nb1']);
    const stored = (await b.db.notebooks.get('nb1'))!;
    expect(stored.content).toEqual(content);
    expect(stored.updatedAt).toBeGreaterThan(400);
    const quote = (stored.content as SerializedEditorState).root.children[1] as unknown as { type: string; children: Record<string, unknown>[] };
    expect(quote.type).toBe('quote');
    expect(quote.children[1]).toMatchObject({ type: 'lectern-citation', docId: 'doc-9', annotationId: 'h-7', text: '(Hardin 1968, p. 1244)', mode: 'token' });
  });

  it('waits for a highlight that has not arrived, then applies its note', async () => {
    const a = await machine();
    const b = await machine();
    await a.db.annotations.put(annotation('h2'));
    typeInto(a.doc, 'annotation:h2', () => {
      $getRoot().append($createParagraphNode().append($createTextNode('arrives before its highlight')));
    });
    exchange(a.doc, b.doc);
    await b.bridge.applyRemote(['annotation:h2']);
    expect(await b.db.annotations.get('h2')).toBeUndefined();
    await b.db.annotations.put(annotation('h2'));
    await b.bridge.applyRemote([]);
    expect((await noteOf(b.db, 'h2')).noteText).toBe('arrives before its highlight');
  });

  it('leaves a note held by a live editor to that editor', async () => {
    const a = await machine();
    const b = await machine();
    await a.db.annotations.put(annotation('h3'));
    await b.db.annotations.put(annotation('h3'));
    typeInto(a.doc, 'annotation:h3', () => {
      $getRoot().append($createParagraphNode().append($createTextNode('typed on A')));
    });
    exchange(a.doc, b.doc);
    const release = b.bridge.bind('annotation:h3');
    await b.bridge.applyRemote(['annotation:h3']);
    expect((await noteOf(b.db, 'h3')).noteJson).toBeNull();
    release();
    await b.bridge.applyRemote(['annotation:h3']);
    expect((await noteOf(b.db, 'h3')).noteText).toBe('typed on A');
  });
});

describe('note bridge: pushLocal', () => {
  it('pushes a first note whole, is a no-op when unchanged, and never duplicates', async () => {
    const a = await machine();
    const note = paragraphs('First paragraph', 'Second paragraph');
    await a.db.annotations.put(annotation('h1', note));
    let updates = 0;
    a.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      expect(origin).toBe(LOCAL_ORIGIN);
      updates += 1;
    });
    await a.bridge.pushLocal(['annotation:h1']);
    expect(updates).toBeGreaterThan(0);
    const text = a.doc.getMap('notes').get('annotation:h1') as Y.XmlText;
    expect(text.toString()).toContain('First paragraph');
    const pushed = updates;
    await a.bridge.pushLocal(['annotation:h1']);
    await a.bridge.pushLocal(['annotation:h1']);
    expect(updates).toBe(pushed);
    // Even without the hash (a fresh start of the sync state), equal content writes nothing.
    await a.db.syncMeta.clear();
    await a.bridge.pushLocal(['annotation:h1']);
    expect(updates).toBe(pushed);
    const b = await machine();
    await b.db.annotations.put(annotation('h1'));
    exchange(a.doc, b.doc);
    await b.bridge.applyRemote(['annotation:h1']);
    expect((await noteOf(b.db, 'h1')).noteJson).toEqual(note);
    expect((await noteOf(b.db, 'h1')).noteText).toBe('First paragraph\nSecond paragraph');
  });

  it('does not push back what applyRemote wrote', async () => {
    const a = await machine();
    const b = await machine();
    await a.db.annotations.put(annotation('h1', paragraphs('from A')));
    await b.db.annotations.put(annotation('h1'));
    await a.bridge.pushLocal(['annotation:h1']);
    exchange(a.doc, b.doc);
    await b.bridge.applyRemote(['annotation:h1']);
    let updates = 0;
    b.doc.on('update', () => (updates += 1));
    await b.bridge.pushLocal(['annotation:h1']);
    expect(updates).toBe(0);
  });
});
