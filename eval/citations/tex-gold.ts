/**
 * Gold citations of a notes-and-bibliography document from its LaTeX source. Citations in notes
 * carry no links to the bibliography (a note style prints the work in full, then shortened, then
 * "Ibid."), so they are read from the body: every \cite-family command, key by key in order,
 * with the note it sits in (a \footnote, or the note an \autocite or \footcite makes). The PDF
 * still gives the rest: biblatex marks each bibliography entry with a named destination
 * ("cite.0@anderson1983"), hyperref each note ("Hfootnote.3"), so entries come in reading order
 * with their first lines, and each citation with the page its note is printed on.
 */
import { openPdf } from '../../app/documents/pdf/pdfjs';
import { entryText, itemsOf, type GoldFromLinks } from './pdf-links';

/** One citation of the source: the note it is in (1-based) and the cited key. */
export interface SourceCitation {
  note: number;
  key: string;
}

/** \cite, \autocite, \footcite, \parencite, \textcite, \smartcite (and their capitalised and starred forms). */
const CITE = /^\\(?<command>[Aa]uto|[Ff]oot|[Pp]aren|[Tt]ext|[Ss]mart|)cite\*?/u;

/** Skips optional [..] arguments from `at`; returns where the mandatory argument starts. */
function skipOptional(source: string, at: number): number {
  let i = at;
  for (;;) {
    while (source[i] === ' ') i++;
    if (source[i] !== '[') return i;
    const close = source.indexOf(']', i);
    if (close < 0) return source.length;
    i = close + 1;
  }
}

/**
 * The citations of a LaTeX body in a note style, in order. A \footnote opens a note; an
 * \autocite, \footcite or \smartcite outside one makes a note of its own. Citations in running
 * text are refused: their page is not known from the source.
 */
export function citationsInNotes(source: string): SourceCitation[] {
  const found: SourceCitation[] = [];
  let note = 0;
  // Brace depth at which the current \footnote closes; -1 outside notes.
  let noteDepth = -1;
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '%' && source[i - 1] !== '\\') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === noteDepth) noteDepth = -1;
    } else if (ch === '\\') {
      const rest = source.slice(i, i + 20);
      if (rest.startsWith('\\footnote{')) {
        note++;
        noteDepth = depth;
        depth++;
        i += '\\footnote'.length;
        continue;
      }
      const m = CITE.exec(rest);
      if (!m) continue;
      const open = skipOptional(source, i + m[0].length);
      if (source[open] !== '{') continue;
      const close = source.indexOf('}', open);
      const keys = source.slice(open + 1, close).split(',').map((k) => k.trim()).filter(Boolean);
      const command = (m.groups?.command ?? '').toLowerCase();
      let at = note;
      if (noteDepth < 0) {
        if (command !== 'auto' && command !== 'foot' && command !== 'smart') throw new Error(`a citation outside notes: ${source.slice(i, close + 1)}`);
        at = ++note;
      }
      for (const key of keys) found.push({ note: at, key });
      i = close;
    }
  }
  return found;
}

/** Gold for a notes document: its source's citations, its PDF's entries and note pages. */
export async function goldFromSource(source: string, bytes: Uint8Array): Promise<GoldFromLinks> {
  const cited = citationsInNotes(source);
  const opened = await openPdf(bytes);
  if (!opened.ok) throw new Error(opened.detail);
  const pdf = opened.pdf;
  try {
    const destinations = await pdf.getDestinations();
    const place = async (name: string): Promise<{ page: number; left: number; top: number } | undefined> => {
      const dest = destinations[name] as unknown[] | undefined;
      if (!dest) return undefined;
      const page = await pdf.getPageIndex(dest[0] as { num: number; gen: number });
      return { page, left: Number(dest[2] ?? 0), top: Number(dest[3] ?? 0) };
    };
    const keys = [...new Set(cited.map((c) => c.key))];
    const entries: Array<{ key: string; page: number; left: number; top: number }> = [];
    for (const key of keys) {
      const at = await place(`cite.0@${key}`);
      if (!at) throw new Error(`no bibliography entry for ${key}`);
      entries.push({ key, ...at });
    }
    // Reading order: by page, column, then from the top down.
    entries.sort((a, b) => a.page - b.page || a.left - b.left || b.top - a.top);
    const pageItems = new Map<number, Awaited<ReturnType<typeof itemsOf>>>();
    const itemsOn = async (page: number) => {
      let items = pageItems.get(page);
      if (!items) pageItems.set(page, (items = await itemsOf(await pdf.getPage(page + 1))));
      return items;
    };
    const goldEntries = [];
    for (const [index, e] of entries.entries()) goldEntries.push({ index, page: e.page + 1, text: entryText(await itemsOn(e.page), e.left, e.top) });
    const indexOf = new Map(entries.map((e, i) => [e.key, i]));
    const citations = [];
    for (const c of cited) {
      const note = await place(`Hfootnote.${c.note}`);
      if (!note) throw new Error(`no note ${c.note} in the PDF`);
      citations.push({ page: note.page + 1, text: `note ${c.note}: ${c.key}`, entry: indexOf.get(c.key)!, note: c.note });
    }
    const firstEntry = entries[0];
    return { pages: pdf.numPages, ...(firstEntry ? { heading: { page: firstEntry.page + 1, text: 'bibliography' } } : {}), entries: goldEntries, citations };
  } finally {
    await pdf.destroy();
  }
}
