/**
 * One Lexical editor bound to one note's Y.XmlText in the library's Y.Doc (@lexical/yjs), used
 * by the headless editors of the note bridge and by the live note editor alike.
 *
 * The library's Y.Doc is already kept in step with the server by the library's provider, so the
 * binding only needs a local stand-in for a provider: an awareness without remote peers (no
 * cursors are shared) and connect/disconnect that do nothing.
 */
import {
  createYjsBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
  type ProviderAwareness,
  type UserState,
} from '@lexical/yjs';
import { COLLABORATION_TAG, SKIP_COLLAB_TAG, type LexicalEditor } from 'lexical';
import * as Y from 'yjs';
import { LOCAL_ORIGIN, type NoteKey } from '../../../../app/sync/contract';
import { $keepingCaret } from './note-reconcile';

/** The `notes` map of a library's Y.Doc. */
export function notesMap(doc: Y.Doc): Y.Map<Y.XmlText> {
  return doc.getMap<Y.XmlText>('notes');
}

/** The XmlText of a note when the doc has one (a non-XmlText value is treated as none). */
export function existingNoteText(doc: Y.Doc, key: NoteKey): Y.XmlText | undefined {
  const value = notesMap(doc).get(key);
  return value instanceof Y.XmlText ? value : undefined;
}

/**
 * The XmlText of a note, created (in a LOCAL_ORIGIN transaction) when the doc has none yet.
 * Idempotent: a second call returns the same type, never a replacement.
 */
export function noteText(doc: Y.Doc, key: NoteKey): Y.XmlText {
  const existing = existingNoteText(doc, key);
  if (existing) return existing;
  const created = new Y.XmlText();
  doc.transact(() => notesMap(doc).set(key, created), LOCAL_ORIGIN);
  return created;
}

/** Where a note's XmlText was created ("client:clock"): a concurrent creation elsewhere replaces it. */
export function noteTextId(text: Y.XmlText): string | null {
  const item = text._item;
  return item ? `${item.id.client}:${item.id.clock}` : null;
}

/** An awareness with no peers: the binding publishes no cursor and shows none. */
function localAwareness(): ProviderAwareness {
  return {
    getLocalState: () => null,
    getStates: () => new Map<number, UserState>(),
    on: () => undefined,
    off: () => undefined,
    setLocalState: () => undefined,
    setLocalStateField: () => undefined,
  };
}

/** The provider the binding functions take; the library's own provider does the networking. */
export function localProvider(): Provider {
  return {
    awareness: localAwareness(),
    connect: () => undefined,
    disconnect: () => undefined,
    on: () => undefined,
    off: () => undefined,
  };
}

type CollabHolder = { _collabNode?: unknown };

/**
 * Forgets the collab nodes an earlier (now gone) binding cached on the note's shared types, so a
 * new binding builds its own rather than reusing nodes keyed to another editor.
 */
function forgetCollabNodes(type: Y.XmlText | Y.XmlElement | Y.Map<unknown>): void {
  (type as unknown as CollabHolder)._collabNode = undefined;
  if (type instanceof Y.XmlText) {
    for (const part of type.toDelta() as { insert?: unknown }[]) {
      const inserted = part.insert;
      if (inserted instanceof Y.XmlText || inserted instanceof Y.XmlElement || inserted instanceof Y.Map) forgetCollabNodes(inserted);
    }
  } else if (type instanceof Y.XmlElement) {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText || child instanceof Y.XmlElement) forgetCollabNodes(child);
    }
  }
}

/** A live binding between an editor and a note's XmlText. */
export interface NoteBinding {
  binding: Binding;
  text: Y.XmlText;
  /** Stops forwarding in both directions. */
  dispose(): void;
}

/**
 * Binds `editor` to the note's XmlText: the XmlText's content is loaded into the editor when it
 * has any (it replaces what the editor shows), editor updates go to Yjs and Yjs changes made by
 * anyone else come into the editor.
 */
export function bindEditorToNote(editor: LexicalEditor, doc: Y.Doc, key: NoteKey, provider: Provider = localProvider()): NoteBinding {
  const text = noteText(doc, key);
  forgetCollabNodes(text);
  const binding = createYjsBinding({ editor, id: key, doc, docMap: new Map([[key, doc]]), getXmlText: () => text });
  if (text.length > 0) loadIntoEditor(binding);

  const onYjs = (events: Y.YEvent<Y.XmlText>[], transaction: Y.Transaction) => {
    if (transaction.origin === binding) return;
    syncYjsChangesToLexical(binding, provider, events, transaction.origin instanceof Y.UndoManager);
  };
  text.observeDeep(onYjs as (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => void);
  const stopUpdates = editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
    if (tags.has(SKIP_COLLAB_TAG)) return;
    syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
  });
  return {
    binding,
    text,
    dispose() {
      stopUpdates();
      text.unobserveDeep(onYjs as (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => void);
    },
  };
}

/** Replaces the editor's content with the XmlText's, as a remote change would (not pushed back). */
function loadIntoEditor(binding: Binding): void {
  const { editor, root } = binding;
  editor.update(
    () => {
      // The nodes the editor showed are replaced: the caret is put back at the same offset.
      $keepingCaret(() => {
        root.syncPropertiesFromYjs(binding, null);
        root.applyChildrenYjsDelta(binding, root.getSharedType().toDelta() as never);
        root.syncChildrenFromYjs(binding);
      });
    },
    { discrete: true, skipTransforms: true, tag: COLLABORATION_TAG },
  );
}
