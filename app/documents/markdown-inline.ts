/**
 * Markdown inline tokens (from marked's lexer) into plain text plus marks. The reader shows the
 * rendered words, not the asterisks, so emphasis, strong, code and links become offsets into the
 * plain text.
 */
import type { Token } from 'marked';
import type { InlineMark } from './model';

/** Plain text of a run of inline tokens, with its marks (offsets relative to `text`). */
export interface InlineText {
  text: string;
  marks: InlineMark[];
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™',
  mdash: '—', ndash: '–', hellip: '…', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“',
  rdquo: '”', shy: '\u00ad', middot: '·', deg: '°', sect: '§', para: '¶', times: '×', euro: '€',
};

/** Decodes the character references marked leaves in text tokens. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Renders inline tokens to plain text and marks; soft line breaks become spaces. */
export function renderInline(tokens: readonly Token[] | undefined): InlineText {
  const out: InlineText = { text: '', marks: [] };
  appendTokens(tokens ?? [], out);
  return trimInline(out);
}

function appendTokens(tokens: readonly Token[], out: InlineText): void {
  for (const token of tokens) appendToken(token, out);
}

function appendToken(token: Token, out: InlineText): void {
  const children = 'tokens' in token && Array.isArray(token.tokens) ? token.tokens : undefined;
  switch (token.type) {
    case 'text':
      if (children) appendTokens(children, out);
      else out.text += decodeEntities(String(token.text ?? '')).replace(/\s*\n\s*/g, ' ');
      return;
    case 'escape':
      out.text += String(token.text ?? '');
      return;
    case 'br':
      out.text += '\n';
      return;
    case 'codespan':
      marked(out, 'code', () => {
        out.text += String(token.text ?? '');
      });
      return;
    case 'strong':
    case 'em':
      marked(out, token.type === 'em' ? 'emphasis' : 'strong', () => appendTokens(children ?? [], out));
      return;
    case 'link':
      marked(out, 'link', () => appendTokens(children ?? [], out), String(token.href ?? ''));
      return;
    case 'image':
      out.text += decodeEntities(String(token.text ?? ''));
      return;
    case 'html':
    case 'checkbox':
      // Inline HTML tags carry no words of their own; task-list boxes are not text.
      return;
    default:
      if (children) appendTokens(children, out);
      else if ('text' in token && typeof token.text === 'string') out.text += decodeEntities(token.text);
  }
}

function marked(out: InlineText, type: InlineMark['type'], render: () => void, href?: string): void {
  const start = out.text.length;
  render();
  if (out.text.length > start) out.marks.push({ type, start, end: out.text.length, ...(href ? { href } : {}) });
}

/** Trims the text, shifting and clamping marks so they still cover the same words. */
function trimInline({ text, marks }: InlineText): InlineText {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const shifted = marks
    .map((m) => ({ ...m, start: Math.max(0, m.start - lead), end: Math.min(trimmed.length, m.end - lead) }))
    .filter((m) => m.start < m.end);
  return { text: trimmed, marks: shifted };
}

/** Concatenates inline runs with a separator (table cells), keeping marks aligned. */
export function joinInline(parts: readonly InlineText[], separator: string): InlineText {
  const out: InlineText = { text: '', marks: [] };
  parts.forEach((part, i) => {
    if (i > 0) out.text += separator;
    const offset = out.text.length;
    out.text += part.text;
    out.marks.push(...part.marks.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset })));
  });
  return out;
}
