/**
 * A note's rich text as Markdown that reads well in Obsidian and other Markdown notebooks, written
 * by @lexical/markdown over the note's Lexical nodes. Its default transformers are not enough for
 * text a student typed: they leave "1.", "#tag" and "[x]" at a line's start unescaped, write line
 * breaks as soft breaks (a quote's lines run together) and keep a code run's edge spaces inside the
 * code span. So every transformer here is Lectern's own: text runs are escaped and wrapped
 * (app/export/markdown-escape.ts), line breaks are hard, and each block escapes what would start
 * another block at the start of its lines.
 */
import { $isLinkNode, LinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode, ListItemNode, ListNode } from '@lexical/list';
import { $convertToMarkdownString, type ElementTransformer, type TextMatchTransformer, type Transformer } from '@lexical/markdown';
import { $isHeadingNode, $isQuoteNode, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $isLineBreakNode, $isParagraphNode, $isTextNode, LineBreakNode, ParagraphNode, TextNode, type ElementNode, type LexicalNode } from 'lexical';
import { escapeMarkdown } from '../../../app/export/markdown-escape';
import { $isCitationNode, CitationNode } from './CitationNode';
import { readNote } from './note-state';

/** Options for the conversion. */
export interface NoteMarkdownOptions {
  /** The link a citation node points to: the passage it cites, opened in Lectern. */
  appLink?: (docId: string, annotationId?: string) => string;
}

/** What a line break inside a block becomes: a hard break (two spaces, then the new line). */
const HARD_BREAK = '  \n';
/** Export-only transformers: nothing here is read back from Markdown. */
const NEVER = /(?!)/;
const noImport = (): false => false;

/** Escapes what would start a list, heading or rule at the start of any of the lines. */
function escapeLineStarts(text: string): string {
  return text.replace(/^([ \t]*\d{1,9})([.)])(?=[ \t]|$)/gm, '$1\\$2').replace(/^([ \t]*)([-+=#])(?=[ \t]|$|\2)/gm, '$1\\$2');
}

/** Wraps a run in markers, keeping its edge spaces outside (CommonMark needs that). */
function wrap(text: string, open: string, close = open): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  if (!match || match[2] === '') return text;
  return `${match[1] ?? ''}${open}${match[2]}${close}${match[3] ?? ''}`;
}

/** A code span whose fence is longer than any backtick run inside, so the code keeps its backticks. */
function codeSpan(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A span starting or ending with a backtick needs a space inside each fence (read back as none).
  const pad = /^`|`$/.test(code.trim()) ? ' ' : '';
  return wrap(code, fence + pad, pad + fence);
}

function textRun(node: TextNode): string {
  const raw = node.getTextContent();
  if (node.hasFormat('code')) return codeSpan(raw);
  let out = escapeMarkdown(raw);
  if (node.hasFormat('strikethrough')) out = wrap(out, '~~');
  if (node.hasFormat('italic')) out = wrap(out, '*');
  if (node.hasFormat('bold')) out = wrap(out, '**');
  return out;
}

function linkTarget(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

function textMatch(dependencies: TextMatchTransformer['dependencies'], output: (node: LexicalNode, children: (node: ElementNode) => string) => string | null): TextMatchTransformer {
  return { dependencies, export: output, regExp: NEVER, type: 'text-match' };
}

function block(dependencies: ElementTransformer['dependencies'], output: ElementTransformer['export']): ElementTransformer {
  return { dependencies, export: output, regExp: NEVER, replace: noImport, type: 'element' };
}

/** The inline transformers: citations, links, line breaks, text runs; a nested list is written by its list. */
function inlineTransformers(options: NoteMarkdownOptions): TextMatchTransformer[] {
  return [
    textMatch([CitationNode], (node) => {
      if (!$isCitationNode(node)) return null;
      const label = escapeMarkdown(node.getTextContent());
      const { docId, annotationId } = node.getTarget();
      return options.appLink && docId ? `[${label}](${linkTarget(options.appLink(docId, annotationId))})` : label;
    }),
    textMatch([LinkNode], (node, children) => {
      if (!$isLinkNode(node)) return null;
      const url = node.getURL();
      return url ? `[${children(node)}](${linkTarget(url)})` : children(node);
    }),
    textMatch([LineBreakNode], (node) => ($isLineBreakNode(node) ? HARD_BREAK : null)),
    textMatch([TextNode], (node) => ($isTextNode(node) ? textRun(node) : null)),
    textMatch([ListNode], (node) => ($isListNode(node) ? '' : null)),
  ];
}

function indent(text: string, by: number): string {
  return text.replace(/\n(?=.)/g, `\n${' '.repeat(by)}`);
}

/** A list, its nested lists indented under the item they follow by that item's marker width. */
function listMarkdown(list: ListNode, children: (node: ElementNode) => string): string {
  const ordered = list.getListType() === 'number';
  const start = list.getStart();
  let number = typeof start === 'number' ? start : 1;
  const lines: string[] = [];
  for (const item of list.getChildren()) {
    if (!$isListItemNode(item)) continue;
    const nested = item.getChildren().filter($isListNode);
    const own = escapeLineStarts(children(item).trim());
    // An empty bullet would be read as a heading's underline or as text; a check box stays.
    const empty = own === '' && list.getListType() !== 'check';
    // An item holding only a nested list continues the previous item rather than starting one.
    const continues = nested.length > 0 && (empty || nested.length === item.getChildrenSize()) && lines.length > 0;
    const marker = ordered ? `${continues ? number - 1 : number}. ` : '- ';
    if (!continues && !empty) {
      const box = list.getListType() === 'check' ? (item.getChecked() ? '[x] ' : '[ ] ') : '';
      lines.push(marker + box + indent(own, marker.length));
      number++;
    }
    const by = continues || !empty ? marker.length : 0;
    for (const sub of nested) {
      const text = listMarkdown(sub, children);
      // A numbered list starting at another number than 1 cannot interrupt a paragraph: a blank line first.
      if (text && lines.length > 0 && sub.getListType() === 'number' && sub.getStart() !== 1) lines.push('');
      if (text) lines.push(' '.repeat(by) + indent(text, by));
    }
  }
  return lines.join('\n');
}

const BLOCKS: ElementTransformer[] = [
  block([ParagraphNode], (node, children) => {
    return $isParagraphNode(node) ? escapeLineStarts(children(node).trim()) : null;
  }),
  block([HeadingNode], (node, children) => {
    if (!$isHeadingNode(node)) return null;
    // One line; a "#" run at its end would be read as the heading's closing sequence.
    const text = children(node).trim().split(HARD_BREAK).join(' ').replace(/(^|\s)#(#*\s*)$/, '$1\\#$2');
    const level = Math.min(6, Math.max(1, Number(/^h([1-6])$/.exec(node.getTag() ?? '')?.[1] ?? 2)));
    return text ? `${'#'.repeat(level)} ${text}` : '';
  }),
  block([QuoteNode], (node, children) => {
    if (!$isQuoteNode(node)) return null;
    const text = children(node).trim();
    return text ? escapeLineStarts(text).split('\n').map((line) => `> ${line}`).join('\n') : '';
  }),
  block([ListNode, ListItemNode], (node, children) => ($isListNode(node) ? listMarkdown(node, children) : null)),
];

/**
 * Markdown for a note's stored editor state (the state, its root node, or its JSON text); blocks
 * are separated by one blank line. Empty or unreadable notes give "".
 */
export function noteToMarkdown(note: unknown, options: NoteMarkdownOptions = {}): string {
  const transformers: Transformer[] = [...BLOCKS, ...inlineTransformers(options)];
  const markdown = readNote(note, () => $convertToMarkdownString(transformers)) ?? '';
  // An empty block still takes its line in the output: blank lines are collapsed to one.
  return markdown.replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
}
