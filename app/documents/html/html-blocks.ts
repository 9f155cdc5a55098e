/**
 * Walking a parsed HTML tree into block drafts: headings, paragraphs, list items, quotes and code,
 * with emphasis, strong, code and link marks as offsets into each block's text.
 *
 * Imported HTML never reaches the app's DOM: the reader renders these blocks as React text, so
 * no script, event handler, javascript: link, iframe, meta refresh or style from a page can run.
 * (The design's rule that HTML be sanitized with DOMPurify before it reaches the DOM applies to
 * any future view that renders a page's own markup; nothing does today.) The walk still drops
 * scripts, styles, embedded frames, objects, forms, templates and page chrome, so none of their
 * content becomes text, and keeps link marks only for http(s) and mailto targets.
 */
import type { BlockDraft } from '../assemble';
import type { DraftFootnoteLink } from '../format-importer';
import type { BlockKind } from '../model';
import { isBoilerplate, isNeverText, NEVER_TEXT } from './html-content';
import { attr, isTag, isText, rawTextOf, type AnyNode, type Element } from './html-dom';
import { safeHref } from './html-links';
import { bareLabel, declaresNote, isMarker, type NoteIndex, type NoteKeys } from './html-notes';
import { InlineBuffer } from './inline-buffer';

/** How to walk one file. */
export interface HtmlWalkOptions {
  keys: NoteKeys;
  notes: NoteIndex;
  /** Web pages: drop navigation, share bars and comment threads (Word files and books have none). */
  dropBoilerplate: boolean;
  /** True when the walk starts inside the page's article, whose own header is kept. */
  inArticle?: boolean;
  /** The page's http(s) address, for relative links. */
  linkBase?: string;
}

/** A note marker placed in a draft. */
export interface DraftMarker {
  draft: number;
  offset: number;
  length: number;
  /** Key of the note it points to. */
  target: string;
}

/** The blocks of one file, its note markers, and which draft holds each note. */
export interface HtmlBlocks {
  drafts: BlockDraft[];
  markers: DraftMarker[];
  notes: Map<string, number>;
}

interface Context {
  heading?: number;
  quote: boolean;
  listDepth: number;
  ordered: boolean;
  inItem: boolean;
  pre: boolean;
  inArticle: boolean;
  inNote: boolean;
}

const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'address', 'center', 'body', 'html',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption',
  'figure', 'figcaption', 'details', 'summary', 'hgroup', 'fieldset', 'legend', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);
const MARKS: Record<string, 'emphasis' | 'strong' | 'code'> = {
  em: 'emphasis', i: 'emphasis', cite: 'emphasis', dfn: 'emphasis', var: 'emphasis',
  strong: 'strong', b: 'strong', code: 'code', kbd: 'code', samp: 'code', tt: 'code',
};
/**
 * Importers flatten what lies deeper than MAX_ELEMENT_DEPTH before walking; should a tree still
 * nest deeper than this, its deeper content is read as plain text rather than walked, never lost.
 */
const MAX_DEPTH = 300;

/** Converts the tree under `root` into block drafts. */
export function htmlToBlocks(root: AnyNode, options: HtmlWalkOptions): HtmlBlocks {
  const writer = new BlockWriter(options);
  const context: Context = { quote: false, listDepth: 0, ordered: false, inItem: false, pre: false, inArticle: options.inArticle ?? false, inNote: false };
  writer.walkChildren(root, context, 0);
  writer.finish(context);
  return { drafts: writer.drafts, markers: writer.markers, notes: writer.notes };
}

class BlockWriter {
  readonly drafts: BlockDraft[] = [];
  readonly markers: DraftMarker[] = [];
  readonly notes = new Map<string, number>();
  private readonly buffer = new InlineBuffer();
  /** The note key of the block being written, when an element inside it is a note target. */
  private noteKey: string | undefined;
  private readonly deferred: { element: Element; key: string | undefined }[] = [];
  private lastWasNote = false;

  constructor(private readonly options: HtmlWalkOptions) {}

  walkChildren(node: AnyNode, context: Context, depth: number): void {
    if (!('children' in node)) return;
    if (depth > MAX_DEPTH) {
      this.buffer.append(rawTextOf(node), context.pre);
      return;
    }
    for (const child of node.children) {
      if (isText(child)) this.buffer.append(child.data, context.pre);
      else if (isTag(child)) this.walkElement(child, context, depth + 1);
    }
  }

  finish(context: Context): void {
    this.flush(context);
    for (const { element, key } of this.deferred.splice(0)) this.writeNote(element, key, context);
  }

  private walkElement(element: Element, context: Context, depth: number): void {
    const name = element.name;
    // Books often hide their footnotes until the marker is tapped; a hidden note is still a note.
    if ((isNeverText(element) && !(declaresNote(element) && !NEVER_TEXT.has(name))) || name === 'rt' || name === 'rp') return;
    if (this.options.dropBoilerplate && isBoilerplate(element, context.inArticle)) return;
    const id = attr(element, 'id');
    const key = id ? this.options.keys.idKey(id) : undefined;
    const target = key !== undefined && this.options.notes.targets.has(key);
    if (!context.inNote && (target || declaresNote(element))) {
      if (BLOCKS.has(name) || declaresNote(element)) {
        const popup = name === 'aside' || attr(element, 'epub:type').includes('footnote');
        if (popup) this.deferred.push({ element, key });
        else {
          this.flush(context);
          this.writeNote(element, key, context);
        }
        return;
      }
      // An inline anchor inside the note's paragraph ("<p><a id='fn1'>1</a> Text</p>"): the paragraph is the note.
      this.noteKey ??= key;
    }
    if (name === 'br') return this.buffer.lineBreak();
    if (name === 'hr') {
      this.flush(context);
      this.push({ kind: 'rule', text: '' }, false);
      return;
    }
    if (name === 'td' || name === 'th') this.buffer.separate('\t');
    if (name === 'a') return this.walkLink(element, context, depth);
    const mark = context.pre ? undefined : MARKS[name];
    if (mark) return this.buffer.mark(mark, () => this.walkChildren(element, context, depth));
    if (!BLOCKS.has(name)) return this.walkChildren(element, context, depth);
    this.flush(context);
    const inner = innerContext(element, context);
    this.walkChildren(element, inner, depth);
    this.flush(inner);
  }

  private walkLink(anchor: Element, context: Context, depth: number): void {
    const href = attr(anchor, 'href');
    const target = href ? this.options.keys.hrefKey(href) : undefined;
    if (context.inNote && target !== undefined && this.options.notes.markerIds.has(target)) return;
    if (!context.inNote && target !== undefined && this.options.notes.targets.has(target) && isMarker(anchor)) {
      const text = rawTextOf(anchor).replace(/\s+/g, ' ').trim();
      if (text !== '') this.buffer.marker(text === bareLabel(text) ? `[${text}]` : text, target);
      return;
    }
    const url = safeHref(href, this.options.linkBase);
    if (url) this.buffer.mark('link', () => this.walkChildren(anchor, context, depth), url);
    else this.walkChildren(anchor, context, depth);
  }

  /** A note becomes one paragraph that starts with its number, under a "Notes" heading. */
  private writeNote(element: Element, key: string | undefined, context: Context): void {
    const inner = new BlockWriter(this.options);
    const noteContext: Context = { ...context, heading: undefined, quote: false, inItem: false, listDepth: 0, inNote: true };
    inner.walkChildren(element, noteContext, 0);
    inner.finish(noteContext);
    const parts = inner.drafts.filter((d) => d.text !== '');
    parts.forEach((draft, i) => {
      if (i > 0) this.buffer.lineBreak();
      const offset = this.buffer.text.length;
      this.buffer.append(draft.text, true);
      this.buffer.marks.push(...(draft.marks ?? []).map((m) => ({ ...m, start: m.start + offset, end: m.end + offset })));
    });
    this.noteKey = key;
    this.flush({ ...noteContext, inNote: false });
  }

  private flush(context: Context): void {
    const noteKey = this.noteKey;
    this.noteKey = undefined;
    if (this.buffer.isEmpty) {
      this.buffer.take(false);
      return;
    }
    const kind: BlockKind = context.pre ? 'code' : context.heading ? 'heading' : context.inItem ? 'list-item' : context.quote ? 'quote' : 'paragraph';
    let { text, marks, markers } = this.buffer.take(kind === 'code');
    const draft: BlockDraft = { kind, text };
    if (kind === 'heading') draft.level = context.heading;
    if (kind === 'list-item') Object.assign(draft, { level: context.listDepth - 1, ordered: context.ordered });
    const label = noteKey ? this.options.notes.targets.get(noteKey)?.label : undefined;
    if (label && !startsWithLabel(text, label)) {
      // "12. Note", but "* Note": a period only follows a number or letter.
      const prefix = /^[\p{L}\p{N}]+$/u.test(label) ? `${label}. ` : `${label} `;
      text = prefix + text;
      draft.text = text;
      marks = marks.map((m) => ({ ...m, start: m.start + prefix.length, end: m.end + prefix.length }));
      markers = markers.map((m) => ({ ...m, offset: m.offset + prefix.length }));
    }
    if (marks.length > 0) draft.marks = marks;
    const index = this.push(draft, noteKey !== undefined);
    if (noteKey !== undefined && !this.notes.has(noteKey)) this.notes.set(noteKey, index);
    for (const m of markers) this.markers.push({ draft: index, offset: m.offset, length: m.length, target: m.target });
  }

  private push(draft: BlockDraft, isNote: boolean): number {
    if (isNote && !this.lastWasNote && this.drafts.at(-1)?.kind !== 'heading') {
      this.drafts.push({ kind: 'heading', text: 'Notes', level: 2 });
    }
    this.lastWasNote = isNote;
    this.drafts.push(draft);
    return this.drafts.length - 1;
  }
}

function innerContext(element: Element, context: Context): Context {
  const name = element.name;
  const level = /^h([1-6])$/.exec(name)?.[1];
  if (level) return { ...context, heading: Number(level) };
  switch (name) {
    case 'blockquote':
      return { ...context, quote: true };
    case 'ul':
    case 'ol':
      return { ...context, listDepth: context.listDepth + 1, ordered: name === 'ol', inItem: false };
    case 'li':
      return { ...context, inItem: context.listDepth > 0 };
    case 'pre':
      return { ...context, pre: true };
    case 'article':
      return { ...context, inArticle: true };
    default:
      return context;
  }
}

/** "12. Text" or "12 Text" already carries its number; "120 people" does not carry "12". */
function startsWithLabel(text: string, label: string): boolean {
  return text.startsWith(label) && !/[\p{L}\p{N}]/u.test(text[label.length] ?? '');
}

/** Links each marker to the note it points to; markers whose note was not imported are left unlinked. */
export function footnoteLinks(markers: readonly DraftMarker[], notes: ReadonlyMap<string, number>): DraftFootnoteLink[] {
  return markers.flatMap((m) => {
    const noteDraft = notes.get(m.target);
    return noteDraft === undefined ? [] : [{ markerDraft: m.draft, markerOffset: m.offset, markerLength: m.length, noteDraft }];
  });
}
