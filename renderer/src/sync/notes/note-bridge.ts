/**
 * Note content between Dexie and the library's Y.Doc. Each note (a highlight's note or a
 * notebook) is a Y.XmlText in the doc's `notes` map, read and written through a Lexical editor
 * bound with @lexical/yjs, so concurrent typing on two machines merges by character.
 *
 * syncMeta `note:<key>` records the hash of the stored JSON last known to be in step with Yjs
 * (and which XmlText that was), so an unchanged note costs one hash and a Dexie write of the
 * bridge's own is never pushed back. Headless editors live only while a call needs them.
 */
import type { LexicalEditor, SerializedEditorState } from 'lexical';
import type * as Y from 'yjs';
import type { LecternDb } from '../../../../app/store/db';
import type { StoredAnnotation, StoredNotebook } from '../../../../app/store/records';
import { LOCAL_ORIGIN, type NoteContentBridge, type NoteKey } from '../../../../app/sync/contract';
import { noteToPlainText } from '../../notes/note-text';
import { canonicalNote, noteEditor, noteHash, type NoteNodeJson } from './note-json';
import { $bringRootTo, $replaceRoot, mergeBlocks } from './note-reconcile';
import { bindEditorToNote, existingNoteText, noteTextId, type NoteBinding } from './yjs-note-binding';

/** The bridge the engine calls, plus the live editors' hold on their notes. */
export interface NoteBridge extends NoteContentBridge {
  /** A live editor holds this key: the bridge leaves its Dexie row to the editor. Returns the release. */
  bind(key: NoteKey): () => void;
  /**
   * For a live editor opening the note: whether its row in Dexie changed since it was last in
   * step with Yjs (the editor then pushes its content), and the blocks then in step.
   */
  localState?(key: NoteKey): Promise<{ changed: boolean; base?: NoteNodeJson[] }>;
}

export interface NoteBridgeOptions {
  db: LecternDb;
  doc: Y.Doc;
  /** A note that could not be read or written (the others go on). */
  onError?: (message: string) => void;
  /** Notes whose Dexie row this bridge rewrote (for the search index and open lists). */
  onChanged?: (keys: NoteKey[]) => void;
}

interface MetaValue {
  hash: string;
  /** noteTextId of the XmlText the hash was in step with. */
  root: string | null;
  /** The top-level blocks then in step: the base of the next three-way push. */
  base?: NoteNodeJson[];
}

type Row = { kind: 'annotation'; row: StoredAnnotation } | { kind: 'notebook'; row: StoredNotebook };

const META = (key: NoteKey) => `note:${key}`;

function parseKey(key: NoteKey): { kind: 'annotation' | 'notebook'; id: string } | null {
  const at = key.indexOf(':');
  const kind = key.slice(0, at);
  const id = key.slice(at + 1);
  if ((kind === 'annotation' || kind === 'notebook') && id) return { kind, id };
  return null;
}

const jsonOf = (row: Row): unknown => (row.kind === 'annotation' ? row.row.noteJson : row.row.content);

/** A headless editor bound to a note, for one call. */
interface Session {
  editor: LexicalEditor;
  bound: NoteBinding;
}

function openSession(doc: Y.Doc, key: NoteKey): Session {
  const editor = noteEditor(`lectern-sync-${key}`);
  return { editor, bound: bindEditorToNote(editor, doc, key) };
}

function closeSession(session: Session): void {
  session.bound.dispose();
}

function stateOf(session: Session): SerializedEditorState {
  return session.editor.getEditorState().toJSON();
}

function blocksOf(state: SerializedEditorState | null): NoteNodeJson[] {
  return state ? (state.root.children) : [];
}

/** Creates the bridge over a library's Dexie store and Y.Doc. */
export function createNoteBridge({ db, doc, onError, onChanged }: NoteBridgeOptions): NoteBridge {
  const holders = new Map<NoteKey, number>();
  /** Notes Yjs has whose row has not arrived yet. */
  const waiting = new Set<NoteKey>();
  const report = (key: NoteKey, error: unknown) => onError?.(`Note ${key} could not be synced: ${error instanceof Error ? error.message : String(error)}`);

  async function readRows(keys: readonly NoteKey[]): Promise<Map<NoteKey, Row>> {
    const annotations: { key: NoteKey; id: string }[] = [];
    const notebooks: { key: NoteKey; id: string }[] = [];
    for (const key of keys) {
      const parsed = parseKey(key);
      if (parsed?.kind === 'annotation') annotations.push({ key, id: parsed.id });
      else if (parsed?.kind === 'notebook') notebooks.push({ key, id: parsed.id });
    }
    const [a, n] = await Promise.all([db.annotations.bulkGet(annotations.map((entry) => entry.id)), db.notebooks.bulkGet(notebooks.map((entry) => entry.id))]);
    const rows = new Map<NoteKey, Row>();
    annotations.forEach((entry, index) => {
      const row = a[index];
      if (row) rows.set(entry.key, { kind: 'annotation', row });
    });
    notebooks.forEach((entry, index) => {
      const row = n[index];
      if (row) rows.set(entry.key, { kind: 'notebook', row });
    });
    return rows;
  }

  async function readMeta(keys: readonly NoteKey[]): Promise<Map<NoteKey, MetaValue>> {
    const found = await db.syncMeta.bulkGet(keys.map(META));
    const meta = new Map<NoteKey, MetaValue>();
    keys.forEach((key, index) => {
      const value = found[index]?.value as MetaValue | undefined;
      if (value && typeof value.hash === 'string') meta.set(key, value);
    });
    return meta;
  }

  /**
   * Brings the session's XmlText to `target` (a stored note): whole when the XmlText is empty,
   * otherwise with the smallest change: given the `base` last in step, only what changed here
   * since then (a three-way merge), so what changed elsewhere meanwhile stays. `union` keeps every
   * block of both (the XmlText this machine wrote was replaced by one created elsewhere at once).
   */
  function push(session: Session, target: SerializedEditorState, union: boolean, base: NoteNodeJson[] | undefined): void {
    const current = stateOf(session);
    const currentBlocks = blocksOf(current);
    let targetBlocks = blocksOf(target);
    if (union) {
      const present = new Set(currentBlocks.map((block) => JSON.stringify(block)));
      targetBlocks = [...currentBlocks, ...targetBlocks.filter((block) => !present.has(JSON.stringify(block)))];
    } else if (base) {
      targetBlocks = mergeBlocks(base, currentBlocks, targetBlocks);
    }
    const empty = session.bound.text.length === 0;
    doc.transact(() => {
        session.editor.update(() => (empty ? $replaceRoot(targetBlocks) : $bringRootTo(currentBlocks, targetBlocks)), { discrete: true });
    }, LOCAL_ORIGIN);
    // Whatever the in-place update could not express is replaced block by block.
    const after = blocksOf(stateOf(session));
    if (JSON.stringify(after) !== JSON.stringify(targetBlocks)) {
      doc.transact(() => {
          session.editor.update(() => $replaceRoot(targetBlocks), { discrete: true });
      }, LOCAL_ORIGIN);
    }
  }

  interface Write {
    key: NoteKey;
    /** Hash of the stored JSON read before the Yjs work: the row is written only if still so. */
    readHash: string;
    /** New content for the row, or undefined to record the hash only. */
    json?: SerializedEditorState;
    root: string | null;
  }

  /** Writes rows and their in-step hashes in one transaction; rows changed meanwhile are left (and returned). */
  async function write(writes: readonly Write[]): Promise<NoteKey[]> {
    if (writes.length === 0) return [];
    const skipped: NoteKey[] = [];
    const changed: NoteKey[] = [];
    await db.transaction('rw', db.annotations, db.notebooks, db.syncMeta, async () => {
      const rows = await readRows(writes.map((entry) => entry.key));
      const annotations: StoredAnnotation[] = [];
      const notebooks: StoredNotebook[] = [];
      const meta: { key: string; value: MetaValue }[] = [];
      for (const entry of writes) {
        const row = rows.get(entry.key);
        if (!row || noteHash(jsonOf(row)) !== entry.readHash) {
          skipped.push(entry.key);
          continue;
        }
        let stored: unknown = jsonOf(row);
        if (entry.json) {
          stored = entry.json;
          changed.push(entry.key);
          if (row.kind === 'annotation') {
            // updatedAt is the row's synced field (the writing machine's time): stamping it here would
            // send every note back to the server each time a machine joins.
            annotations.push({ ...row.row, noteJson: entry.json, noteText: noteToPlainText(entry.json) });
          } else {
            notebooks.push({ ...row.row, content: entry.json });
          }
        }
        meta.push({ key: META(entry.key), value: { hash: noteHash(stored), root: entry.root, base: blocksOf(canonicalNote(stored)) } });
      }
      await Promise.all([db.annotations.bulkPut(annotations), db.notebooks.bulkPut(notebooks), db.syncMeta.bulkPut(meta)]);
    });
    if (changed.length > 0) onChanged?.(changed);
    return skipped;
  }

  /** True when the stored note has changed since it was last in step with Yjs. */
  function locallyChanged(json: unknown, meta: MetaValue | undefined): boolean {
    if (meta) return meta.hash !== noteHash(json);
    return canonicalNote(json) !== null;
  }

  async function applyRemote(keys: readonly NoteKey[]): Promise<void> {
    const all = [...new Set([...keys, ...waiting])];
    if (all.length === 0) return;
    const [rows, meta] = await Promise.all([readRows(all), readMeta(all)]);
    const writes: Write[] = [];
    // One Yjs transaction for the whole call: one update (one syncLog row) however many notes.
    doc.transact(() => {
      for (const key of all) {
        if (holders.has(key)) {
          waiting.delete(key);
          continue;
        }
        const row = rows.get(key);
        if (!row) {
          // The row (a highlight made elsewhere) has not arrived yet, or is gone.
          if (existingNoteText(doc, key)) waiting.add(key);
          else waiting.delete(key);
          continue;
        }
        waiting.delete(key);
        const text = existingNoteText(doc, key);
        if (!text || text.length === 0) continue;
        const stored = jsonOf(row);
        let session: Session | undefined;
        try {
          session = openSession(doc, key);
          const previous = meta.get(key);
          if (locallyChanged(stored, previous)) {
            // A change made here and not yet pushed: merged in first, never overwritten.
            const target = canonicalNote(stored);
            const replaced = previous?.root != null && previous.root !== noteTextId(text);
            if (target) push(session, target, replaced, replaced ? undefined : previous?.base);
          }
          const derived = stateOf(session);
          const same = JSON.stringify(canonicalNote(stored)) === JSON.stringify(canonicalNote(derived));
          writes.push({ key, readHash: noteHash(stored), json: same ? undefined : derived, root: noteTextId(text) });
        } catch (error) {
          report(key, error);
        } finally {
          if (session) closeSession(session);
        }
      }
    }, LOCAL_ORIGIN);
    // A row changed while Yjs was read is pushed by the engine's next pushLocal and comes back then.
    await write(writes);
  }

  async function pushLocal(keys: readonly NoteKey[]): Promise<void> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return;
    const [rows, meta] = await Promise.all([readRows(unique), readMeta(unique)]);
    const writes: Write[] = [];
    doc.transact(() => {
      for (const key of unique) {
        const row = rows.get(key);
        if (!row) continue;
        const stored = jsonOf(row);
        const hash = noteHash(stored);
        const previous = meta.get(key);
        const existing = existingNoteText(doc, key);
        const root = existing ? noteTextId(existing) : null;
        if (previous && previous.hash === hash && (previous.root === root || !existing)) continue;
        if (holders.has(key)) {
          // The live editor already wrote Yjs as the student typed.
          writes.push({ key, readHash: hash, root });
          continue;
        }
        const target = canonicalNote(stored);
        if (!target) {
          // No note here: nothing to push (Yjs content, if any, comes in through applyRemote).
          if (stored !== null && stored !== undefined && existing === undefined) report(key, new Error('the stored note is not an editor state'));
          continue;
        }
        let session: Session | undefined;
        try {
          session = openSession(doc, key);
          const text = session.bound.text;
          const replaced = previous?.root != null && existing !== undefined && previous.root !== root;
          if (JSON.stringify(canonicalNote(stateOf(session))) !== JSON.stringify(target)) push(session, target, replaced, replaced ? undefined : previous?.base);
          const derived = stateOf(session);
          const same = JSON.stringify(canonicalNote(derived)) === JSON.stringify(target);
          writes.push({ key, readHash: hash, json: same ? undefined : derived, root: noteTextId(text) });
        } catch (error) {
          report(key, error);
        } finally {
          if (session) closeSession(session);
        }
      }
    }, LOCAL_ORIGIN);
    await write(writes);
  }

  async function localState(key: NoteKey): Promise<{ changed: boolean; base?: NoteNodeJson[] }> {
    const [rows, meta] = await Promise.all([readRows([key]), readMeta([key])]);
    const row = rows.get(key);
    const previous = meta.get(key);
    const existing = existingNoteText(doc, key);
    const base = previous && existing && previous.root === noteTextId(existing) ? previous.base : undefined;
    return { changed: row ? locallyChanged(jsonOf(row), previous) : false, base };
  }

  return {
    applyRemote,
    pushLocal,
    localState,
    bind(key) {
      holders.set(key, (holders.get(key) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const count = (holders.get(key) ?? 1) - 1;
        if (count > 0) holders.set(key, count);
        else holders.delete(key);
      };
    },
  };
}
