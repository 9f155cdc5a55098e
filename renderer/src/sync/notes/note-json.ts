/**
 * Note editor states compared, hashed and brought in step the way the note editor reads them:
 * a stored state is read by a headless editor with the note editor's nodes and written back, so
 * two states that the editor shows alike compare equal.
 */
import { createHeadlessEditor } from '@lexical/headless';
import type { LexicalEditor, SerializedEditorState, SerializedLexicalNode } from 'lexical';
import { NOTE_NODES } from '../../notes/note-nodes';

let parser: LexicalEditor | undefined;

/** A headless editor with the note editor's nodes. */
export function noteEditor(namespace: string): LexicalEditor {
  return createHeadlessEditor({
    namespace,
    nodes: [...NOTE_NODES],
    onError: (error) => {
      throw error;
    },
  });
}

/** A serialized node with its children, as editor states hold them. */
export type NoteNodeJson = SerializedLexicalNode & { children?: NoteNodeJson[]; text?: string };

/**
 * The note as the editor would store it, or null when there is no note (null, not an editor
 * state, or an empty root). Throws nothing: a state the editor cannot read is null.
 */
export function canonicalNote(json: unknown): SerializedEditorState | null {
  if (json === null || json === undefined) return null;
  parser ??= noteEditor('lectern-note-canonical');
  try {
    const state = parser.parseEditorState(json as SerializedEditorState);
    const out = state.toJSON();
    return (out.root.children as unknown[]).length > 0 ? out : null;
  } catch {
    return null;
  }
}

/** True when the two stored notes read the same in the editor. */
export function sameNote(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonicalNote(a)) === JSON.stringify(canonicalNote(b));
}

/** A short, stable hash of a stored note as stored (53-bit, hex). */
export function noteHash(json: unknown): string {
  const text = JSON.stringify(json ?? null);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16) + ':' + text.length.toString(16);
}
