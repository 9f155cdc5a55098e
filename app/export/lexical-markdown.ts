/**
 * A note's rich text (the editor's serialized JSON) as Markdown, for exports that should read
 * well in Obsidian and other Markdown notebooks. It reads the JSON directly, so the export runs
 * anywhere (Node, worker) without the editor. Node types it knows: root, paragraph, heading,
 * quote, list and listitem, text (bold, italic, strikethrough, code), link and autolink,
 * linebreak, tab, and Lectern's citation node; the children of anything else are still written.
 */

/** A serialized editor node, read loosely: only the fields the conversion needs. */
interface NoteNode {
  type?: string;
  children?: NoteNode[];
  text?: string;
  format?: number | string;
  tag?: string;
  listType?: string;
  start?: number;
  checked?: boolean;
  url?: string;
  docId?: string;
  annotationId?: string;
}

/** Options for the conversion. */
export interface NoteMarkdownOptions {
  /** The link a citation node points to: the passage it cites, opened in Lectern. */
  appLink?: (docId: string, annotationId?: string) => string;
}

const BOLD = 1;
const ITALIC = 2;
const STRIKETHROUGH = 4;
const CODE = 16;

function rootOf(note: unknown): NoteNode | undefined {
  let value = note;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  if (!value || typeof value !== 'object') return undefined;
  const node = value as NoteNode & { root?: NoteNode };
  return node.root ?? node;
}

/** Characters Markdown would read as syntax; "#" only where Obsidian would make a tag of it. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/#(?=[^\s#])/g, '\\#');
}

/** Wraps a run in emphasis markers, keeping its edge spaces outside (CommonMark needs that). */
function wrap(text: string, marker: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  if (!match || match[2] === '') return text;
  return `${match[1] ?? ''}${marker}${match[2]}${marker}${match[3] ?? ''}`;
}

function formatBits(format: NoteNode['format']): number {
  return typeof format === 'number' ? format : 0;
}

function textRun(node: NoteNode): string {
  const raw = node.text ?? '';
  const bits = formatBits(node.format);
  if (bits & CODE) return wrap(raw.replace(/`/g, 'ˋ'), '`');
  let out = escapeMarkdown(raw);
  if (bits & STRIKETHROUGH) out = wrap(out, '~~');
  if (bits & ITALIC) out = wrap(out, '*');
  if (bits & BOLD) out = wrap(out, '**');
  return out;
}

function linkTarget(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

function inline(nodes: NoteNode[] | undefined, options: NoteMarkdownOptions): string {
  return (nodes ?? []).map((node) => inlineNode(node, options)).join('');
}

function inlineNode(node: NoteNode, options: NoteMarkdownOptions): string {
  switch (node.type) {
    case 'text':
      return textRun(node);
    case 'linebreak':
      return '  \n';
    case 'tab':
      return '\t';
    case 'link':
    case 'autolink':
      return node.url ? `[${inline(node.children, options)}](${linkTarget(node.url)})` : inline(node.children, options);
    case 'lectern-citation': {
      const label = escapeMarkdown(node.text ?? '');
      return options.appLink && node.docId ? `[${label}](${linkTarget(options.appLink(node.docId, node.annotationId))})` : label;
    }
    default:
      return node.children ? inline(node.children, options) : escapeMarkdown(node.text ?? '');
  }
}

function indent(text: string, by: string): string {
  return text.replace(/\n(?=.)/g, `\n${by}`);
}

function listBlock(node: NoteNode, options: NoteMarkdownOptions): string {
  const ordered = node.listType === 'number';
  let number = typeof node.start === 'number' ? node.start : 1;
  const lines: string[] = [];
  for (const item of node.children ?? []) {
    const nested = (item.children ?? []).filter((child) => child.type === 'list');
    const own = (item.children ?? []).filter((child) => child.type !== 'list');
    // An item holding only a nested list continues the previous item rather than starting one.
    if (own.length === 0 && nested.length > 0 && lines.length > 0) {
      const marker = ordered ? `${number - 1}. ` : '- ';
      for (const list of nested) lines.push(' '.repeat(marker.length) + indent(listBlock(list, options), ' '.repeat(marker.length)));
      continue;
    }
    const marker = ordered ? `${number++}. ` : '- ';
    const box = node.listType === 'check' ? (item.checked ? '[x] ' : '[ ] ') : '';
    lines.push(marker + box + indent(inline(own, options), ' '.repeat(marker.length)));
    for (const list of nested) lines.push(' '.repeat(marker.length) + indent(listBlock(list, options), ' '.repeat(marker.length)));
  }
  return lines.join('\n');
}

function block(node: NoteNode, options: NoteMarkdownOptions): string {
  switch (node.type) {
    case 'paragraph':
      // A paragraph that starts like a list item or heading must stay a paragraph.
      return inline(node.children, options).replace(/^(\d+)([.)])(?=\s)/, '$1\\$2').replace(/^([-+#])(?=\s)/, '\\$1');
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(/^h([1-6])$/.exec(node.tag ?? '')?.[1] ?? 2)));
      return `${'#'.repeat(level)} ${inline(node.children, options)}`;
    }
    case 'quote':
      return inline(node.children, options)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'list':
      return listBlock(node, options);
    default:
      return (node.children ?? []).some((child) => child.children) ? blocks(node.children, options) : inlineNode(node, options);
  }
}

function blocks(nodes: NoteNode[] | undefined, options: NoteMarkdownOptions): string {
  return (nodes ?? [])
    .map((node) => block(node, options))
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/**
 * Markdown for a note's serialized editor state (the object, its root node, or its JSON text).
 * Empty or unreadable notes give "".
 */
export function noteToMarkdown(note: unknown, options: NoteMarkdownOptions = {}): string {
  const root = rootOf(note);
  if (!root) return '';
  return root.type === 'root' || !root.type ? blocks(root.children, options) : block(root, options);
}
