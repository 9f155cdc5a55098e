// @vitest-environment happy-dom
import { $createParagraphNode, $createTextNode, $getRoot, $isRangeSelection, $getSelection, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { freshTestDbs } from '../../../../app/store/test-support';
import type { StoredAnnotation } from '../../../../app/store/records';
import type { NoteState } from '../../notes/durable-save';
import { editorState } from '../../notes/note-test-states';
import { RichEditor } from '../../notes/RichEditor';
import { createNoteBridge, type NoteBridge } from './note-bridge';
import { noteEditor } from './note-json';
import { SyncNotesContext } from './sync-notes-context';
import { bindEditorToNote, existingNoteText } from './yjs-note-binding';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const freshDb = freshTestDbs(afterEach);
let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  localStorage.clear();
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const note = (text: string) => editorState(() => $getRoot().append($createParagraphNode().append($createTextNode(text))));

function annotation(noteJson: unknown): StoredAnnotation {
  return { id: 'h1', docId: 'd1', selectors: [], color: 'yellow', noteJson, noteText: '', createdAt: 1, updatedAt: 1 };
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
}

async function renderEditor(doc: Y.Doc | null, bridge: NoteBridge | null, initialJson: unknown, saves: NoteState[]) {
  const onSave = (state: NoteState) => {
    saves.push(state);
    return Promise.resolve();
  };
  const value = doc && bridge ? { doc, bridge } : null;
  await act(async () => {
    root.render(
      <SyncNotesContext.Provider value={value}>
        <RichEditor id="h1" noteKey="annotation:h1" initialJson={initialJson} savedAt={1} onSave={onSave} placeholder="Write a note…" label="Note on this highlight" />
      </SyncNotesContext.Provider>,
    );
    await Promise.resolve();
  });
  const input = host.querySelector<HTMLElement>('[contenteditable]')!;
  return { input, editor: (input as unknown as { __lexicalEditor: LexicalEditor }).__lexicalEditor };
}

/** Types at the end of the note, as a keystroke's insertText does. */
function typeAtEnd(editor: LexicalEditor, text: string): void {
  act(() => {
    editor.update(
      () => {
        $getRoot().selectEnd();
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText(text);
      },
      { discrete: true },
    );
  });
}

describe('YjsNotePlugin: the note editor bound live to its XmlText', () => {
  it('fills an empty XmlText with the note, sends typing to it and shows a remote change', async () => {
    const db = await freshDb();
    await db.annotations.put(annotation(note('Hello')));
    const doc = new Y.Doc();
    const bridge = createNoteBridge({ db, doc });
    const saves: NoteState[] = [];
    const { input, editor } = await renderEditor(doc, bridge, note('Hello'), saves);
    const text = (): string => String(existingNoteText(doc, 'annotation:h1') ?? '');
    await vi.waitFor(() => expect(text()).toContain('Hello'));

    typeAtEnd(editor, ' world');
    expect(text()).toContain('Hello world');

    // Another machine appends a paragraph; it reaches this editor (and its save) without a reload.
    const other = new Y.Doc();
    exchange(doc, other);
    const remote = noteEditor('remote');
    const bound = bindEditorToNote(remote, other, 'annotation:h1');
    remote.update(() => $getRoot().append($createParagraphNode().append($createTextNode('From the tablet'))), { discrete: true });
    bound.dispose();
    act(() => exchange(doc, other));
    await vi.waitFor(() => expect(input.textContent).toContain('From the tablet'));
    expect(input.textContent).toContain('Hello world');
    await vi.waitFor(() => expect(saves.at(-1)?.text).toContain('From the tablet'));

    // Undo takes back this editor's own typing, not the remote paragraph.
    act(() => {
      editor.dispatchCommand(UNDO_COMMAND, undefined);
    });
    await vi.waitFor(() => expect(input.textContent).not.toContain('world'));
    expect(input.textContent).toContain('Hello');
    expect(input.textContent).toContain('From the tablet');
    expect(text()).not.toContain('world');
  });

  it('shows the Yjs content over an older copy in Dexie, and holds the note while open', async () => {
    const db = await freshDb();
    const doc = new Y.Doc();
    const bridge = createNoteBridge({ db, doc });
    await db.annotations.put(annotation(note('Shared version')));
    await bridge.pushLocal(['annotation:h1']);
    // Yjs moves on (another machine), Dexie still holds the older copy.
    const remote = noteEditor('remote');
    const bound = bindEditorToNote(remote, doc, 'annotation:h1');
    remote.update(() => $getRoot().getFirstChildOrThrow().replace($createParagraphNode().append($createTextNode('Newer version'))), { discrete: true });
    bound.dispose();
    const saves: NoteState[] = [];
    const { input } = await renderEditor(doc, bridge, note('Shared version'), saves);
    await vi.waitFor(() => expect(input.textContent).toBe('Newer version'));
    await vi.waitFor(() => expect(saves.at(-1)?.text).toBe('Newer version'));
    // While the editor is open, the bridge leaves the row to it.
    await bridge.applyRemote(['annotation:h1']);
    expect(((await db.annotations.get('h1'))!.noteJson as { root: { children: unknown[] } }).root.children).toHaveLength(1);
  });

  it('pushes a note changed here but not yet synced onto the Yjs content, losing neither', async () => {
    const db = await freshDb();
    const doc = new Y.Doc();
    const bridge = createNoteBridge({ db, doc });
    await db.annotations.put(annotation(note('Base')));
    await bridge.pushLocal(['annotation:h1']);
    const remote = noteEditor('remote');
    const bound = bindEditorToNote(remote, doc, 'annotation:h1');
    remote.update(() => $getRoot().append($createParagraphNode().append($createTextNode('Remote line'))), { discrete: true });
    bound.dispose();
    // Changed here outside the editor, not pushed yet.
    const local = editorState(() => $getRoot().append($createParagraphNode().append($createTextNode('Base, edited here'))));
    await db.annotations.put(annotation(local));
    const { input } = await renderEditor(doc, bridge, local, []);
    await vi.waitFor(() => expect(input.textContent).toContain('Base, edited here'));
    await vi.waitFor(() => expect(input.textContent).toContain('Remote line'));
    // Only what changed here since the last sync is pushed: the line added elsewhere stays.
    const shared: string = String(existingNoteText(doc, 'annotation:h1') ?? '');
    expect(shared).toContain('Base, edited here');
    expect(shared).toContain('Remote line');
    // The old copy of the first paragraph is replaced, not kept beside the new one.
    expect([...input.querySelectorAll('p')].map((paragraph) => paragraph.textContent)).toEqual(['Base, edited here', 'Remote line']);
  });

  it('pushes what was added before the binding was ready (a quote sent as the pane opens)', async () => {
    const db = await freshDb();
    const doc = new Y.Doc();
    const bridge = createNoteBridge({ db, doc });
    await db.annotations.put(annotation(note('Existing')));
    await bridge.pushLocal(['annotation:h1']);
    const remote = noteEditor('remote');
    const bound = bindEditorToNote(remote, doc, 'annotation:h1');
    remote.update(() => $getRoot().append($createParagraphNode().append($createTextNode('Added elsewhere'))), { discrete: true });
    bound.dispose();
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slow: NoteBridge = { ...bridge, localState: async (key) => (await gate, bridge.localState!(key)) };
    const { input, editor } = await renderEditor(doc, slow, note('Existing'), []);
    typeAtEnd(editor, ' and a quote');
    await act(async () => {
      open();
      await gate;
    });
    await vi.waitFor(() => expect(String(existingNoteText(doc, 'annotation:h1'))).toContain('Existing and a quote'));
    expect(String(existingNoteText(doc, 'annotation:h1'))).toContain('Added elsewhere');
    await vi.waitFor(() => expect([...input.querySelectorAll('p')].map((paragraph) => paragraph.textContent)).toEqual(['Existing and a quote', 'Added elsewhere']));
    // The caret stayed where the typing left it: the next keystroke lands there.
    act(() => {
      editor.update(
        () => {
          const selection = $getSelection();
          if ($isRangeSelection(selection)) selection.insertText('!');
        },
        { discrete: true },
      );
    });
    expect([...input.querySelectorAll('p')].map((paragraph) => paragraph.textContent)).toEqual(['Existing and a quote!', 'Added elsewhere']);
  });

  it('binds one editor per note: a second pane on the same note follows it read-only, then takes over', async () => {
    const db = await freshDb();
    const doc = new Y.Doc();
    const bridge = createNoteBridge({ db, doc });
    await db.annotations.put(annotation(note('Open twice')));
    const onSave = () => Promise.resolve();
    const editorFor = (id: string) => (
      <RichEditor key={id} id={id} noteKey="annotation:h1" initialJson={note('Open twice')} savedAt={1} onSave={onSave} placeholder="Write a note…" label={`Note ${id}`} />
    );
    const show = async (ids: string[]) =>
      act(async () => {
        root.render(<SyncNotesContext.Provider value={{ doc, bridge }}>{ids.map(editorFor)}</SyncNotesContext.Provider>);
        await Promise.resolve();
      });
    await show(['pane-1', 'pane-2']);
    const inputs = () => [...host.querySelectorAll<HTMLElement>('[contenteditable]')];
    const editorOf = (input: HTMLElement) => (input as unknown as { __lexicalEditor: LexicalEditor }).__lexicalEditor;
    const [first, second] = inputs();
    await vi.waitFor(() => expect(String(existingNoteText(doc, 'annotation:h1'))).toContain('Open twice'));
    expect(editorOf(first!).isEditable()).toBe(true);
    expect(editorOf(second!).isEditable()).toBe(false);
    expect(second!.getAttribute('contenteditable')).toBe('false');
    expect(second!.title).toMatch(/open in another pane/);
    typeAtEnd(editorOf(first!), ' and typed');
    await vi.waitFor(() => expect(second!.textContent).toBe('Open twice and typed'));
    expect(String(existingNoteText(doc, 'annotation:h1'))).toContain('Open twice and typed');
    // The first pane closes: the second takes over and its typing reaches Yjs.
    await show(['pane-2']);
    const [only] = inputs();
    await vi.waitFor(() => expect(editorOf(only!).isEditable()).toBe(true));
    expect(only!.title).toBe('');
    typeAtEnd(editorOf(only!), ' again');
    await vi.waitFor(() => expect(String(existingNoteText(doc, 'annotation:h1'))).toContain('Open twice and typed again'));
  });

  it('with sync off the editor keeps its own history and touches no Yjs doc', async () => {
    const saves: NoteState[] = [];
    const { input, editor } = await renderEditor(null, null, note('Offline'), saves);
    typeAtEnd(editor, ' note');
    await vi.waitFor(() => expect(saves.at(-1)?.text).toBe('Offline note'));
    act(() => {
      editor.dispatchCommand(UNDO_COMMAND, undefined);
    });
    await vi.waitFor(() => expect(input.textContent).toBe('Offline'));
  });
});
