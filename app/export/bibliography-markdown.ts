/**
 * Bibliography entries as Markdown: citeproc's HTML output with italics and bold kept as
 * Markdown emphasis, so titles stay italic when notes are read in Obsidian.
 */
import type { CslItem, Result } from '../documents/model';
import { formatBibliography, type ExportOptions } from './export';
import { escapeMarkdown } from './markdown-escape';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** One entry's HTML as Markdown: <i>/<em> become *, <b>/<strong> become **, other tags go. */
export function entryHtmlToMarkdown(html: string): string {
  let out = '';
  // An empty element would leave a bare marker pair that reads as emphasis of what follows.
  const solid = html.replace(/<(i|em|b|strong)\b[^>]*>\s*<\/\1>/giu, '');
  for (const part of solid.split(/(<[^>]*>)/u)) {
    const tag = /^<\/?\s*([a-z]+)/iu.exec(part)?.[1]?.toLowerCase();
    if (part.startsWith('<') && tag) {
      if (tag === 'i' || tag === 'em') out += '*';
      else if (tag === 'b' || tag === 'strong') out += '**';
      continue;
    }
    out += escapeMarkdown(decodeEntities(part));
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/** The bibliography of `items` in `style`, one Markdown string per entry. */
export function bibliographyMarkdown(items: readonly CslItem[], style: string, options: Omit<ExportOptions, 'output'> = {}): Result<string[]> {
  const html = formatBibliography(items, style, { ...options, output: 'html' });
  if (!html.ok) return html;
  const entries = [...html.value.matchAll(/<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/gu)].map((m) => entryHtmlToMarkdown(m[1] ?? ''));
  return { ok: true, value: entries.filter((entry) => entry !== '') };
}
