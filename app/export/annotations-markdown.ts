/**
 * A document's highlights and notes as one Markdown file that reads well in Obsidian: front
 * matter for its properties, the highlights in reading order as block quotes, each with its
 * colour as a tag, its place and in-text citation, the note, and a link back to the passage in
 * Lectern, then the document's bibliography entry.
 */
import { positionSelectorOf, quoteSelectorOf, type AnnotationSelector, type PageSelector } from '../anchoring/selectors';
import { citationAuthors, quoteCitation, type PassageLocator } from '../citations/quote-citation';
import type { CslItem } from '../documents/model';
import { bibliographyMarkdown } from './bibliography-markdown';
import { proposeCitekey } from '../citations/citekeys';
import { escapeMarkdown } from './markdown-escape';
import { formatPassageCitation } from './passage-citation';

/** The document the highlights belong to (a DocumentSummary has these fields). */
export interface ExportedDocument {
  id: string;
  title: string;
  metadata: CslItem;
  /** The document's stored citation key (store/citekeys-repo.ts); without it, the key a fresh library would give. */
  citekey?: string;
}

/** A highlight to export (a StoredAnnotation has these fields, plus what the reader knows). */
export interface ExportedAnnotation {
  id: string;
  selectors: readonly AnnotationSelector[];
  /** The highlighted text; defaults to the TextQuoteSelector's `exact`. */
  quote?: string;
  color: string;
  /** The note as editor JSON; null without a note. */
  noteJson: unknown;
  /** The note as plain text, used when the JSON gives nothing. */
  noteText: string;
  /** Page or paragraph of the passage, for its citation. */
  locator?: PassageLocator | null;
  createdAt?: number;
  updatedAt?: number;
}

/**
 * Writes a note's rich text (the editor's JSON) as Markdown, "" when it gives nothing. The core
 * does not load the editor: the renderer passes its converter (renderer/src/notes/note-markdown.ts).
 */
export type NoteMarkdown = (noteJson: unknown, options: { appLink?: (docId: string, annotationId?: string) => string }) => string;

/** What to export and how. */
export interface AnnotationsMarkdownInput {
  document: ExportedDocument;
  annotations: readonly ExportedAnnotation[];
  style: 'apa' | 'mla' | 'chicago' | (string & {});
  /** A link opening the document (at an annotation) in Lectern; no links without it. */
  appLink?: (docId: string, annotationId?: string) => string;
  locale?: string;
  /** How notes' rich text is written; without it, each note's plain text is. */
  noteMarkdown?: NoteMarkdown;
}

/** lectern://app/open?doc=…&annotation=…, the link Lectern registers for opening a passage. */
export function lecternLink(docId: string, annotationId?: string): string {
  const query = new URLSearchParams({ doc: docId, ...(annotationId ? { annotation: annotationId } : {}) });
  return `lectern://app/open?${query.toString()}`;
}

/** An Obsidian tag for a colour: "#highlight/yellow"; CSS colours lose what tags cannot hold. */
export function colorTag(color: string): string {
  const name = color.toLowerCase().replace(/[^a-z0-9_-]/g, '');
  return name ? `#highlight/${name}` : '#highlight';
}

function pageOf(selectors: readonly AnnotationSelector[]): number | undefined {
  return selectors.find((s): s is PageSelector => s.type === 'PageSelector')?.page;
}

/** Reading order: by position in the text, then page, then when it was made. */
export function readingOrder(a: ExportedAnnotation, b: ExportedAnnotation): number {
  const pa = positionSelectorOf(a.selectors)?.start ?? Number.MAX_SAFE_INTEGER;
  const pb = positionSelectorOf(b.selectors)?.start ?? Number.MAX_SAFE_INTEGER;
  if (pa !== pb) return pa - pb;
  const ga = pageOf(a.selectors) ?? Number.MAX_SAFE_INTEGER;
  const gb = pageOf(b.selectors) ?? Number.MAX_SAFE_INTEGER;
  return ga !== gb ? ga - gb : (a.createdAt ?? 0) - (b.createdAt ?? 0);
}

function locatorOf(annotation: ExportedAnnotation): PassageLocator | null {
  if (annotation.locator) return annotation.locator;
  const page = pageOf(annotation.selectors);
  return page ? { label: 'page', value: page } : null;
}

function locatorLabel(locator: PassageLocator): string {
  return locator.label === 'page' ? `p. ${locator.value}` : `¶ ${locator.value}`;
}

/** YAML scalars as JSON strings: valid YAML, and safe for colons, quotes and "#". */
const yaml = (value: string): string => JSON.stringify(value);

function frontMatter(document: ExportedDocument, appLink: AnnotationsMarkdownInput['appLink']): string {
  const item = document.metadata;
  const authors = [...(item.author ?? [])].map((n) => n.literal ?? [n.given, n['non-dropping-particle'], n.family].filter(Boolean).join(' ')).filter(Boolean);
  const year = item.issued?.['date-parts']?.[0]?.[0];
  const lines = ['---', `title: ${yaml(document.title || item.title || 'Untitled')}`];
  if (authors.length > 0) lines.push('authors:', ...authors.map((a) => `  - ${yaml(a)}`));
  if (typeof year === 'number') lines.push(`year: ${year}`);
  lines.push(`citekey: ${document.citekey ?? proposeCitekey(item)}`);
  if (appLink) lines.push(`source: ${yaml(appLink(document.id))}`);
  lines.push('tags:', '  - lectern', '---');
  return lines.join('\n');
}

function quoteBlock(text: string): string {
  return text
    .trim()
    .split(/\n+/u)
    .map((line) => `> ${escapeMarkdown(line.replace(/\s+/gu, ' ').trim())}`)
    .join('\n');
}

function plainNote(text: string): string {
  return text
    .split(/\n{2,}/u)
    .map((p) => escapeMarkdown(p.trim()))
    .filter(Boolean)
    .join('\n\n');
}

function highlightSection(annotation: ExportedAnnotation, input: AnnotationsMarkdownInput): string {
  const quote = annotation.quote ?? quoteSelectorOf(annotation.selectors)?.exact ?? '';
  const locator = locatorOf(annotation);
  const formatted = formatPassageCitation(input.document.metadata, input.style, locator, input.locale ? { locale: input.locale } : {});
  const citation = formatted.ok ? formatted.value : quoteCitation(input.document.metadata, locator);
  const meta = [colorTag(annotation.color), ...(locator ? [locatorLabel(locator)] : []), escapeMarkdown(citation)];
  if (input.appLink) meta.push(`[Open in Lectern](${input.appLink(input.document.id, annotation.id)})`);
  const rich = input.noteMarkdown?.(annotation.noteJson, input.appLink ? { appLink: input.appLink } : {}) ?? '';
  const note = rich || plainNote(annotation.noteText);
  return [quoteBlock(quote), meta.join(' · '), ...(note ? [note] : [])].join('\n\n');
}

function bibliography(input: AnnotationsMarkdownInput): string {
  const entries = bibliographyMarkdown([input.document.metadata], input.style, input.locale ? { locale: input.locale } : {});
  if (entries.ok && entries.value.length > 0) return entries.value.join('\n\n');
  // Without the style the entry is still recognisable: author, year and title.
  const item = input.document.metadata;
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? 'n.d.';
  return `${escapeMarkdown(citationAuthors(item))} (${year}). *${escapeMarkdown(item.title ?? input.document.title)}*.`;
}

/** The document's highlights and notes as Markdown, ready to save as a .md file. */
export function annotationsToMarkdown(input: AnnotationsMarkdownInput): string {
  const { document } = input;
  const sections = [...input.annotations].sort(readingOrder).map((a) => highlightSection(a, input));
  const parts = [frontMatter(document, input.appLink), `# ${escapeMarkdown(document.title || document.metadata.title || 'Untitled')}`];
  if (input.appLink) parts.push(`[Open in Lectern](${input.appLink(document.id)})`);
  parts.push(sections.length > 0 ? sections.join('\n\n---\n\n') : '*No highlights yet.*');
  parts.push('## Bibliography', bibliography(input));
  return parts.join('\n\n') + '\n';
}
