/**
 * Footnotes and endnotes in HTML: the markers in the text (Word's `<sup><a href="#footnote-1">`
 * as mammoth writes it, EPUB 3's `epub:type="noteref"`, DPUB-ARIA's `role="doc-noteref"`) and the
 * notes they point to. Notes are found in a pass before the walk, across every file of a book,
 * so a marker in chapter 3 can point to a note in notes.xhtml.
 */
import { attr, findAll, textOf, type AnyNode, type Element } from './html-dom';

/** How hrefs and ids of one file become keys shared by all files ("ch3.xhtml#n1"). */
export interface NoteKeys {
  /** The key an href points to, or undefined when it leaves the document (a web link). */
  hrefKey: (href: string) => string | undefined;
  /** The key of an element id in this file. */
  idKey: (id: string) => string;
}

/** What the pass before the walk learns about notes. */
export interface NoteIndex {
  /** Keys of the elements markers point to: each such element is a note. */
  targets: Map<string, { label: string }>;
  /** Keys of the markers themselves, so a note's "back to text" link can be dropped. */
  markerIds: Set<string>;
}

/** An empty index, to which files are added one by one. */
export function emptyNoteIndex(): NoteIndex {
  return { targets: new Map(), markerIds: new Set() };
}

const NOTE_TYPES = /\b(?:footnote|endnote|rearnote|note)\b/;
const NOTE_ROLES = new Set(['doc-footnote', 'doc-endnote']);
/** Marker texts are short: "1", "[12]", "*", "iv". Longer linked text is a cross-reference, not a note marker. */
const MARKER_TEXT = /^[[(]?[\w*†‡§¶]{1,4}[\])]?$/u;

/** Adds the markers of one parsed file to the index. */
export function indexNotes(root: AnyNode, keys: NoteKeys, index: NoteIndex): void {
  for (const anchor of findAll(root, (e) => e.name === 'a')) {
    if (!isMarker(anchor)) continue;
    const target = keys.hrefKey(attr(anchor, 'href'));
    if (!target) continue;
    if (!index.targets.has(target)) index.targets.set(target, { label: bareLabel(textOf(anchor)) });
    for (const id of [attr(anchor, 'id'), anchor.parent && 'attribs' in anchor.parent ? attr(anchor.parent, 'id') : '']) {
      if (id) index.markerIds.add(keys.idKey(id));
    }
  }
}

/** True for a link that is a note marker rather than an ordinary link. */
export function isMarker(anchor: Element): boolean {
  const href = attr(anchor, 'href');
  if (!href.includes('#')) return false;
  if (epubTypes(anchor).includes('noteref') || attr(anchor, 'role') === 'doc-noteref') return true;
  const text = textOf(anchor);
  if (!MARKER_TEXT.test(text)) return false;
  const parent = anchor.parent && 'name' in anchor.parent ? anchor.parent : undefined;
  const inSup = parent?.name === 'sup' || anchor.children.some((c) => 'name' in c && c.name === 'sup');
  return inSup || /^(?:footnote|endnote)-ref/.test(attr(anchor, 'id'));
}

/** True for an element that is a note by its own declaration (EPUB or DPUB-ARIA), referenced or not. */
export function declaresNote(element: Element): boolean {
  return epubTypes(element).some((t) => NOTE_TYPES.test(t)) || NOTE_ROLES.has(attr(element, 'role'));
}

/** "[12]" → "12", "(a)" → "a". */
export function bareLabel(text: string): string {
  return text.replace(/^[[(]|[\])]$/g, '');
}

function epubTypes(element: Element): string[] {
  return attr(element, 'epub:type').toLowerCase().split(/\s+/).filter(Boolean);
}
