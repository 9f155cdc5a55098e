/**
 * A stored note (the editor's JSON) read back into Lexical nodes by a headless editor that has
 * the note editor's nodes, so exports and search read a note the way the editor does. Headless
 * needs no DOM: this runs on the page, in a worker and in Node tests alike.
 */
import { createHeadlessEditor } from '@lexical/headless';
import type { EditorState, LexicalEditor, SerializedEditorState, SerializedLexicalNode } from 'lexical';
import { NOTE_NODES } from './note-nodes';

/** A serialized node, read loosely: stored JSON may lack fields the editor would write. */
type LooseNode = Record<string, unknown> & { type?: unknown; children?: unknown; text?: unknown };

/** Notes are shallow; anything deeper is malformed or hostile and is cut off there. */
const MAX_DEPTH = 200;
const INLINE = new Set(['text', 'linebreak', 'tab', 'link', 'autolink', 'lectern-citation']);
const KNOWN = new Set(['root', 'paragraph', ...INLINE, ...NOTE_NODES.map((node) => node.getType())]);

let shared: LexicalEditor | undefined;

function editor(): LexicalEditor {
  shared ??= createHeadlessEditor({
    namespace: 'lectern-note-reader',
    nodes: [...NOTE_NODES],
    onError: (error) => {
      throw error;
    },
  });
  return shared;
}

function isNode(value: unknown): value is LooseNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textNode(node: LooseNode): SerializedLexicalNode {
  return {
    ...node,
    type: node.type === 'lectern-citation' ? 'lectern-citation' : 'text',
    text: typeof node.text === 'string' ? node.text : '',
    format: typeof node.format === 'number' ? node.format : 0,
    detail: typeof node.detail === 'number' ? node.detail : 0,
    mode: 'normal',
    style: typeof node.style === 'string' ? node.style : '',
    version: 1,
  } as SerializedLexicalNode;
}

/**
 * The node with the fields Lexical's importers read filled in. A type the editor does not know
 * keeps its content: its text as a text run, its children in its place (a paragraph of them at the
 * top level), so a note written by another version still exports and is found by search.
 */
function normalized(node: LooseNode, depth: number, topLevel: boolean): SerializedLexicalNode[] {
  if (depth > MAX_DEPTH) return [];
  // A root anywhere but the top is not one: its children are kept as an unknown node's are.
  const type = typeof node.type === 'string' && (node.type !== 'root' || depth === 0) ? node.type : '';
  const childList = Array.isArray(node.children) ? node.children.filter(isNode) : undefined;
  if (type === 'text' || type === 'lectern-citation' || (!KNOWN.has(type) && typeof node.text === 'string')) {
    return wrapped([textNode(node)], topLevel);
  }
  if (type === 'linebreak' || type === 'tab') return wrapped([{ type, version: 1 }], topLevel);
  if (!KNOWN.has(type)) {
    if (!childList) return [];
    const container = childList.some((child) => Array.isArray(child.children));
    if (topLevel && !container) return [element({ type: 'paragraph' }, childList, depth, false)];
    return childList.flatMap((child) => normalized(child, depth + 1, topLevel));
  }
  return wrapped([element(node, childList ?? [], depth, type === 'root')], topLevel && INLINE.has(type));
}

/** Inline nodes cannot sit in the root: they go into a paragraph there. */
function wrapped(nodes: SerializedLexicalNode[], topLevel: boolean): SerializedLexicalNode[] {
  return topLevel ? [{ type: 'paragraph', children: nodes, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', version: 1 } as SerializedLexicalNode] : nodes;
}

function element(node: LooseNode, children: LooseNode[], depth: number, childrenTopLevel: boolean): SerializedLexicalNode {
  return {
    direction: null,
    format: '',
    indent: 0,
    version: 1,
    ...node,
    children: children.flatMap((child) => normalized(child, depth + 1, childrenTopLevel)),
  } as SerializedLexicalNode;
}

/** The stored note as a serialized editor state: from the state, its root node, a lone block, or their JSON text. */
function serializedState(note: unknown): SerializedEditorState | undefined {
  let value = note;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  if (!isNode(value)) return undefined;
  const given = isNode(value.root) ? value.root : value;
  const root: LooseNode = given.type === 'root' || given.type === undefined ? given : { type: 'root', children: [given] };
  const [parsed] = normalized({ ...root, type: 'root' }, 0, false);
  return parsed ? ({ root: parsed } as SerializedEditorState) : undefined;
}

/**
 * Runs `read` over the note's nodes ($getRoot() and the rest of Lexical's $ functions work inside
 * it); undefined when the note is empty or is not an editor state at all.
 */
export function readNote<T>(note: unknown, read: () => T): T | undefined {
  const serialized = serializedState(note);
  if (!serialized) return undefined;
  const reader = editor();
  let state: EditorState;
  try {
    state = reader.parseEditorState(serialized);
  } catch {
    return undefined;
  }
  return state.read(read, { editor: reader });
}
