/**
 * BibTeX and BibLaTeX files as Zotero, Better BibTeX, JabRef and Mendeley write them, read
 * entry by entry: citation-js parses the entries (LaTeX accents, @string macros, month macros,
 * BibLaTeX fields), but one unclosed brace makes it refuse the whole file. So the file is cut
 * into entries here first; batches of entries are parsed together, and a batch that fails is
 * parsed one entry at a time, so a broken entry is skipped and named while its neighbours import.
 */
import { fromBibtexText } from '../export/citation-js';
import type { CslItem } from '../documents/model';

/** One `@type{...}` block of the file as written. */
export interface BibtexChunk {
  type: string;
  /** The key as written ("smith2020"), "" for @string, @preamble, @comment. */
  key: string;
  text: string;
  /** 1-based line where the block starts, for warnings. */
  line: number;
}

const START = /@([a-zA-Z]+)\s*([{(])/gu;

/**
 * Cuts the file into blocks. Text between blocks is a comment to BibTeX. A block whose braces
 * never close ends where the next line starting with "@type{" begins, so one unclosed brace
 * costs one entry, not the rest of the file.
 */
export function splitBibtex(text: string): BibtexChunk[] {
  const chunks: BibtexChunk[] = [];
  let line = 1;
  let counted = 0;
  const lineAt = (offset: number) => {
    for (let i = counted; i < offset; i++) if (text.charCodeAt(i) === 10) line += 1;
    counted = Math.max(counted, offset);
    return line;
  };
  START.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = START.exec(text))) {
    const start = match.index;
    const type = (match[1] ?? '').toLowerCase();
    const close = match[2] === '(' ? ')' : '}';
    let depth = 1;
    let end = -1;
    let i = START.lastIndex;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') {
        i += 1;
        continue;
      }
      if (c === '{' || (close === ')' && c === '(')) depth += 1;
      else if (c === '}' || (close === ')' && c === ')')) depth -= 1;
      else if (c === '\n' && /^@[a-zA-Z]+\s*[{(]/u.test(text.slice(i + 1, i + 40)) && type !== 'comment') break;
      if (depth === 0) {
        end = i + 1;
        break;
      }
    }
    const body = text.slice(start, end === -1 ? i : end);
    const key = type === 'string' || type === 'preamble' || type === 'comment' ? '' : (/^@[a-zA-Z]+\s*[{(]\s*([^,\s}]*)/u.exec(body)?.[1] ?? '');
    chunks.push({ type, key, text: end === -1 ? `${body}\u0000` : body, line: lineAt(start) });
    START.lastIndex = end === -1 ? i : end;
  }
  return chunks;
}

/** Entries parsed per call to citation-js; small enough that a failing batch is cheap to redo. */
const BATCH = 200;

/** The parsed entries, in file order, with the chunks that could not be read. */
export interface BibtexParse {
  entries: { csl: Record<string, unknown>; chunk: BibtexChunk }[];
  failed: { chunk: BibtexChunk; reason: string }[];
}

// citation-js reads "\\enquote{x}" but not the starred form biblatex documents use.
const STARRED_COMMAND = /\\([a-zA-Z]+)\*(?=\s*[{[])/gu;

function parseChunks(prefix: string, chunks: readonly BibtexChunk[]): CslItem[] {
  return fromBibtexText(prefix + chunks.map((c) => c.text.replace(STARRED_COMMAND, '\\$1')).join('\n'));
}

function reasonOf(error: unknown): string {
  if (error instanceof RangeError) return 'its braces nest too deeply to read';
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).replace(/^SyntaxError:\s*/u, '').slice(0, 160);
}

/** Parses every entry of `chunks`; @string macros apply to all of them, wherever they stand. */
export function parseBibtexChunks(chunks: readonly BibtexChunk[], onProgress?: (done: number, total: number) => void): BibtexParse {
  const macros = chunks.filter((c) => c.type === 'string' && !c.text.endsWith('\u0000'));
  const prefix = macros.map((c) => c.text).join('\n') + '\n';
  const entries = chunks.filter((c) => c.type !== 'string' && c.type !== 'comment' && c.type !== 'preamble');
  const result: BibtexParse = { entries: [], failed: [] };
  const take = (batch: readonly BibtexChunk[], items: readonly CslItem[]): boolean => {
    if (items.length !== batch.length) return false;
    batch.forEach((chunk, i) => result.entries.push({ csl: items[i] as Record<string, unknown>, chunk }));
    return true;
  };
  for (let at = 0; at < entries.length; at += BATCH) {
    const batch = entries.slice(at, at + BATCH);
    if (!batch.some((c) => c.text.endsWith('\u0000'))) {
      try {
        if (take(batch, parseChunks(prefix, batch))) {
          onProgress?.(Math.min(at + BATCH, entries.length), entries.length);
          continue;
        }
      } catch {
        // One entry of the batch is broken: read them one by one below.
      }
    }
    for (const chunk of batch) {
      if (chunk.text.endsWith('\u0000')) {
        result.failed.push({ chunk, reason: 'a brace is never closed' });
        continue;
      }
      try {
        const items = parseChunks(prefix, [chunk]);
        if (!take([chunk], items)) result.failed.push({ chunk, reason: 'it could not be read as an entry' });
      } catch (error) {
        result.failed.push({ chunk, reason: reasonOf(error) });
      }
    }
    onProgress?.(Math.min(at + BATCH, entries.length), entries.length);
  }
  return result;
}
