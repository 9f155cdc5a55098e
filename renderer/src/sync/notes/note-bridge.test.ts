import { $createQuoteNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode, type SerializedEditorState, type TextNode } from 'lexical';
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
    // updatedAt is the row's synced field: writing a remote note leaves it, so joining sends nothing back.
    expect(stored.updatedAt).toBe(1000);
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
    expect(stored.updatedAt).toBe(400);
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

/** Every word of `text`, for checking that none was lost in a merge. */
const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

describe('note bridge: concurrent offline edits of one note', () => {
  const base = ['The commons are shared resources', 'Hardin predicted their ruin'];

  async function twoMachinesWithNote() {
    const a = await machine();
    const b = await machine();
    await a.db.annotations.put(annotation('h1', paragraphs(...base)));
    await b.db.annotations.put(annotation('h1'));
    await a.bridge.pushLocal(['annotation:h1']);
    exchange(a.doc, b.doc);
    await b.bridge.applyRemote(['annotation:h1']);
    expect((await noteOf(b.db, 'h1')).noteText).toBe(base.join('\n'));
    return { a, b };
  }

  async function settle(a: Awaited<ReturnType<typeof machine>>, b: Awaited<ReturnType<typeof machine>>) {
    exchange(a.doc, b.doc);
    await a.bridge.applyRemote(['annotation:h1']);
    await b.bridge.applyRemote(['annotation:h1']);
    const [noteA, noteB] = [await noteOf(a.db, 'h1'), await noteOf(b.db, 'h1')];
    expect(noteA.noteJson).toEqual(noteB.noteJson);
    expect(noteA.noteText).toBe(noteB.noteText);
    return noteA.noteText;
  }

  it('merges typing in bound editors: every word of both machines is kept', async () => {
    const { a, b } = await twoMachinesWithNote();
    typeInto(a.doc, 'annotation:h1', () => {
      const last = $getRoot().getLastChildOrThrow<ElementNode>().getFirstChildOrThrow<TextNode>();
      last.setTextContent(`${last.getTextContent()}. Ostrom showed otherwise`);
    });
    typeInto(b.doc, 'annotation:h1', () => {
      const [first, second] = $getRoot().getChildren<ElementNode>();
      const firstText = first!.getFirstChildOrThrow<TextNode>();
      firstText.setTextContent(`Local fisheries: ${firstText.getTextContent()}`);
      const secondText = second!.getFirstChildOrThrow<TextNode>();
      secondText.setTextContent(secondText.getTextContent().replace('predicted', 'famously predicted'));
    });
    const text = await settle(a, b);
    for (const word of [...words(base.join(' ')), 'Ostrom', 'showed', 'otherwise', 'Local', 'fisheries', 'famously']) expect(words(text)).toContain(word);
    expect(text).toBe('Local fisheries: The commons are shared resources\nHardin famously predicted their ruin. Ostrom showed otherwise');
  });

  it('merges notes changed outside an editor on both machines (smallest-change push): no word lost', async () => {
    const { a, b } = await twoMachinesWithNote();
    await a.db.annotations.put(annotation('h1', paragraphs(base[0]!, `${base[1]!}. Ostrom showed otherwise`)));
    await b.db.annotations.put(annotation('h1', paragraphs(`Local fisheries: ${base[0]!}`, base[1]!.replace('predicted', 'famously predicted'), 'A third paragraph from B')));
    await a.bridge.pushLocal(['annotation:h1']);
    await b.bridge.pushLocal(['annotation:h1']);
    const text = await settle(a, b);
    expect(text).toBe('Local fisheries: The commons are shared resources\nHardin famously predicted their ruin. Ostrom showed otherwise\nA third paragraph from B');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('keeps both notes when two machines start the same note at once', async () => {
    const a = await machine();
    const b = await machine();
    await a.db.annotations.put(annotation('h1', paragraphs('Written on A')));
    await b.db.annotations.put(annotation('h1', paragraphs('Written on B')));
    await a.bridge.pushLocal(['annotation:h1']);
    await b.bridge.pushLocal(['annotation:h1']);
    exchange(a.doc, b.doc);
    // One XmlText wins the map entry; the machine whose XmlText lost merges its note into the winner.
    await a.bridge.pushLocal(['annotation:h1']);
    await b.bridge.pushLocal(['annotation:h1']);
    const text = await settle(a, b);
    expect(text.split('\n').sort()).toEqual(['Written on A', 'Written on B']);
  });
});

describe('note bridge: a change here racing a change from elsewhere', () => {
  it('pushes only what changed here since the last sync, keeping the blocks added elsewhere', async () => {
    const a = await machine();
    const b = await machine();
    await a.db.annotations.put(annotation('h1', paragraphs('One', 'Two')));
    await b.db.annotations.put(annotation('h1'));
    await a.bridge.pushLocal(['annotation:h1']);
    exchange(a.doc, b.doc);
    await b.bridge.applyRemote(['annotation:h1']);
    // B adds a paragraph (applied to A's doc, not yet to A's Dexie); A edits "Two" outside an editor.
    typeInto(b.doc, 'annotation:h1', () => {
      $getRoot().append($createParagraphNode().append($createTextNode('Three from B')));
    });
    exchange(a.doc, b.doc);
    await a.db.annotations.put(annotation('h1', paragraphs('One', 'Two, edited on A')));
    await a.bridge.pushLocal(['annotation:h1']);
    expect((await noteOf(a.db, 'h1')).noteText).toBe('One\nTwo, edited on A\nThree from B');
    // And the other way round: the remote change arrives first, with the local one still unpushed.
    await a.db.annotations.put(annotation('h1', paragraphs('Zero on A', 'One', 'Two, edited on A', 'Three from B')));
    typeInto(b.doc, 'annotation:h1', () => {
      $getRoot().append($createParagraphNode().append($createTextNode('Four from B')));
    });
    exchange(a.doc, b.doc);
    await a.bridge.applyRemote(['annotation:h1']);
    const text = (await noteOf(a.db, 'h1')).noteText;
    expect(text).toBe('Zero on A\nOne\nTwo, edited on A\nThree from B\nFour from B');
    exchange(a.doc, b.doc);
    await b.bridge.applyRemote(['annotation:h1']);
    expect((await noteOf(b.db, 'h1')).noteText).toBe(text);
  });

  it('keeps both versions of a paragraph changed on both sides outside an editor', async () => {
    const a = await machine();
    await a.db.annotations.put(annotation('h1', paragraphs('Shared line')));
    await a.bridge.pushLocal(['annotation:h1']);
    typeInto(a.doc, 'annotation:h1', () => {
      $getRoot().getFirstChildOrThrow<ElementNode>().getFirstChildOrThrow<TextNode>().setTextContent('Shared line, edited elsewhere');
    });
    await a.db.annotations.put(annotation('h1', paragraphs('Shared line, edited here')));
    await a.bridge.pushLocal(['annotation:h1']);
    const text = (await noteOf(a.db, 'h1')).noteText;
    expect(text.split('\n').sort()).toEqual(['Shared line, edited elsewhere', 'Shared line, edited here']);
  });

  it('reports a note from elsewhere that it cannot read and leaves the row as it was', async () => {
    const a = await machine();
    await a.db.annotations.put(annotation('h1', paragraphs('Kept as it was')));
    await a.bridge.pushLocal(['annotation:h1']);
    const before = await noteOf(a.db, 'h1');
    // A block of a type this version does not know, as a broken or hostile client could send.
    const text = a.doc.getMap('notes').get('annotation:h1') as Y.XmlText;
    const hostile = new Y.XmlText();
    Y.transact(a.doc, () => {
      text.insertEmbed(text.length, hostile);
      hostile.setAttribute('__type', 'no-such-node');
    }, 'remote');
    await a.bridge.applyRemote(['annotation:h1']);
    expect(a.errors).toHaveLength(1);
    expect(a.errors[0]).toMatch(/annotation:h1/);
    expect(await noteOf(a.db, 'h1')).toEqual(before);
  });

  it('reports a stored note it cannot read and changes nothing', async () => {
    const a = await machine();
    await a.db.annotations.put(annotation('h1', { root: { type: 'root', children: [{ type: 'no-such-node', children: 'x' }] } }));
    await a.bridge.pushLocal(['annotation:h1']);
    expect(a.doc.getMap('notes').size).toBe(0);
    expect(a.errors.length).toBe(1);
    expect(a.errors[0]).toMatch(/annotation:h1/);
  });
});
