/**
 * Plain text out of a rich-text editor state (notes and notebooks are stored as the editor's JSON):
 * walks the tree for `text` fields, putting line breaks between block nodes so words of separate
 * paragraphs never run together. Pure: the core does not load the editor.
 */

/** Node types that hold a run of text rather than blocks. */
const INLINE = new Set(['text', 'link', 'autolink', 'hashtag', 'mark', 'code-highlight', 'tab']);

/** The readable text of an editor state (object or JSON string); "" for anything else. */
export function plainTextFromEditorState(state: unknown): string {
  let value = state;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return value as string;
    }
  }
  const parts: string[] = [];
  walk(value, parts, 0);
  return parts.join('').replace(/\n{3,}/g, '\n\n').trim();
}

function walk(node: unknown, parts: string[], depth: number): void {
  // Editor states are shallow; a deep one is malformed or hostile, and stopping keeps the stack safe.
  if (depth > 200 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, parts, depth + 1);
    return;
  }
  const record = node as { type?: unknown; text?: unknown; children?: unknown; root?: unknown };
  if (typeof record.text === 'string') parts.push(record.text);
  if (record.type === 'linebreak') parts.push('\n');
  if (record.root !== undefined) walk(record.root, parts, depth + 1);
  if (record.children !== undefined) {
    walk(record.children, parts, depth + 1);
    if (typeof record.type === 'string' && !INLINE.has(record.type)) parts.push('\n');
  }
}
