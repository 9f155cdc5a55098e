/**
 * Markdown (.md) into block drafts, through marked's lexer: headings keep their level, list
 * items their depth and numbering, block quotes become quote blocks, code blocks keep their
 * text verbatim, and inline formatting becomes marks over the rendered words.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { BlockDraft } from './assemble';
import { joinInline, renderInline, type InlineText } from './markdown-inline';
import { splitFrontMatter } from './front-matter';
import { limitMarkdownNesting } from './markdown-nesting';
import { parsePlainText } from './plain-text';
import type { StatedMetadata } from './text-metadata';

/** Block drafts of a Markdown document and the metadata its front matter states. */
export interface ParsedMarkdown {
  drafts: BlockDraft[];
  stated: StatedMetadata;
  /**
   * How the structure was simplified, when it was: 'flattened' when lists or quotes nested
   * beyond MAX_MARKDOWN_DEPTH were cut to that depth, 'plain' when the Markdown could not be
   * parsed at all (nesting inline marks thousands deep) and its text was read as plain text.
   */
  simplified?: 'flattened' | 'plain';
}

interface Context {
  inQuote: boolean;
  /** Nesting depth inside lists; -1 outside any list. */
  listDepth: number;
  ordered: boolean;
}

/** Parses Markdown source into block drafts. */
export function parseMarkdown(source: string): ParsedMarkdown {
  const { body, stated } = splitFrontMatter(source.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, ''));
  const limited = limitMarkdownNesting(body);
  const drafts: BlockDraft[] = [];
  try {
    walk(new Lexer({ gfm: true }).lex(limited.source), { inQuote: false, listDepth: -1, ordered: false }, drafts);
  } catch (error) {
    // Only a stack overflow is expected here (marked and the walk recurse over inline nesting,
    // and its patterns over very long lines); the words are then read as plain text, not lost.
    if (!(error instanceof RangeError)) throw error;
    return { drafts: parsePlainText(limited.source).drafts, stated, simplified: 'plain' };
  }
  return { drafts, stated, ...(limited.flattened ? { simplified: 'flattened' as const } : {}) };
}

function walk(tokens: readonly Token[], context: Context, drafts: BlockDraft[]): void {
  for (const token of tokens) visit(token, context, drafts);
}

function visit(token: Token, context: Context, drafts: BlockDraft[]): void {
  switch (token.type) {
    case 'heading':
      push(drafts, { kind: 'heading', level: (token as Tokens.Heading).depth }, renderInline(token.tokens));
      return;
    case 'paragraph':
    case 'text':
      push(drafts, textBlockShape(context), 'tokens' in token && token.tokens ? renderInline(token.tokens) : renderInline([token]));
      return;
    case 'blockquote':
      walk((token as Tokens.Blockquote).tokens, { ...context, inQuote: true }, drafts);
      return;
    case 'list': {
      const list = token as Tokens.List;
      const inner: Context = { ...context, listDepth: context.listDepth + 1, ordered: list.ordered };
      for (const item of list.items) walk(item.tokens, inner, drafts);
      return;
    }
    case 'code':
      drafts.push({ kind: 'code', text: String((token as Tokens.Code).text ?? '') });
      return;
    case 'hr':
      drafts.push({ kind: 'rule', text: '' });
      return;
    case 'table': {
      const table = token as Tokens.Table;
      for (const row of [table.header, ...table.rows]) {
        push(drafts, { kind: 'paragraph' }, joinInline(row.map((cell) => renderInline(cell.tokens)), ' | '));
      }
      return;
    }
    case 'html': {
      // Raw HTML blocks keep their words; comments and tags alone add nothing to read.
      const words = String((token as Tokens.HTML).text ?? '')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/<[^>]*>/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (words !== '') drafts.push({ kind: context.inQuote ? 'quote' : 'paragraph', text: words });
      return;
    }
    default:
      // space, def (link reference definitions) and checkboxes are not blocks of text.
      return;
  }
}

function textBlockShape(context: Context): Omit<BlockDraft, 'text'> {
  if (context.listDepth >= 0) return { kind: 'list-item', level: context.listDepth, ordered: context.ordered };
  return { kind: context.inQuote ? 'quote' : 'paragraph' };
}

function push(drafts: BlockDraft[], shape: Omit<BlockDraft, 'text'>, inline: InlineText): void {
  if (inline.text === '') return;
  drafts.push({ ...shape, text: inline.text, ...(inline.marks.length > 0 ? { marks: inline.marks } : {}) });
}
