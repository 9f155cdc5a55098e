/**
 * Which CSL fields the metadata editor shows for each kind of work. A chapter needs its book's
 * title, editors and pages; a web page needs its URL and the date it was read. Fields a type
 * does not list can still be kept on the item: the editor only chooses what to offer.
 */
import type { CslItem } from '../documents/model';

/** How the editor edits a field: one line of text, a list of names, a date, or a number. */
export type CslFieldKind = 'text' | 'names' | 'date' | 'number';

/** One editable field of a CSL item. */
export interface CslField {
  /** The CSL-JSON variable, e.g. "container-title", "author", "issued". */
  key: keyof CslItem | (string & {});
  /** What the editor labels it with, in the words of the type ("Book title" for a chapter). */
  label: string;
  kind: CslFieldKind;
}

/** The CSL types the editor offers, with labels, in the order of a type picker. */
export const CSL_TYPES: readonly { type: string; label: string }[] = [
  { type: 'article-journal', label: 'Journal article' },
  { type: 'article-magazine', label: 'Magazine article' },
  { type: 'article-newspaper', label: 'Newspaper article' },
  { type: 'review', label: 'Review' },
  { type: 'book', label: 'Book' },
  { type: 'chapter', label: 'Book chapter' },
  { type: 'paper-conference', label: 'Conference paper' },
  { type: 'thesis', label: 'Thesis' },
  { type: 'report', label: 'Report' },
  { type: 'webpage', label: 'Web page' },
  { type: 'interview', label: 'Interview' },
  { type: 'motion_picture', label: 'Film' },
  { type: 'document', label: 'Document' },
];

const f = (key: string, label: string, kind: CslFieldKind = 'text'): CslField => ({ key, label, kind });

const TITLE = f('title', 'Title');
const AUTHOR = f('author', 'Authors', 'names');
const EDITOR = f('editor', 'Editors', 'names');
const TRANSLATOR = f('translator', 'Translators', 'names');
const ISSUED = f('issued', 'Date', 'date');
const ACCESSED = f('accessed', 'Accessed', 'date');
const PAGE = f('page', 'Pages');
const PUBLISHER = f('publisher', 'Publisher');
const PLACE = f('publisher-place', 'Place');
const DOI = f('DOI', 'DOI');
const URL_FIELD = f('URL', 'URL');
const LANGUAGE = f('language', 'Language');
const NOTE = f('note', 'Note');
const VOLUME = f('volume', 'Volume', 'number');
const ISSUE = f('issue', 'Issue', 'number');

/** Fields that sit in the middle of each type's list, between the common head and tail. */
const TYPE_FIELDS: Readonly<Record<string, readonly CslField[]>> = {
  'article-journal': [f('container-title', 'Journal'), VOLUME, ISSUE, PAGE, DOI, URL_FIELD, f('ISSN', 'ISSN')],
  'article-magazine': [f('container-title', 'Magazine'), VOLUME, ISSUE, PAGE, URL_FIELD, ACCESSED],
  'article-newspaper': [f('container-title', 'Newspaper'), f('section', 'Section'), PAGE, URL_FIELD, ACCESSED],
  review: [f('reviewed-title', 'Reviewed work'), f('reviewed-author', 'Reviewed authors', 'names'), f('container-title', 'Published in'), VOLUME, ISSUE, PAGE, DOI, URL_FIELD],
  book: [EDITOR, TRANSLATOR, f('edition', 'Edition', 'number'), f('collection-title', 'Series'), VOLUME, f('number-of-pages', 'Number of pages', 'number'), PUBLISHER, PLACE, f('ISBN', 'ISBN'), DOI, URL_FIELD],
  chapter: [f('container-title', 'Book title'), EDITOR, TRANSLATOR, f('edition', 'Edition', 'number'), f('collection-title', 'Series'), PAGE, PUBLISHER, PLACE, f('ISBN', 'ISBN'), DOI, URL_FIELD],
  'paper-conference': [f('container-title', 'Proceedings title'), EDITOR, f('event-title', 'Conference'), f('event-place', 'Conference place'), PAGE, PUBLISHER, PLACE, DOI, URL_FIELD],
  thesis: [f('genre', 'Degree (e.g. PhD thesis)'), f('publisher', 'University'), PLACE, f('number-of-pages', 'Number of pages', 'number'), URL_FIELD],
  report: [f('genre', 'Report type'), f('number', 'Report number'), f('publisher', 'Institution'), PLACE, f('collection-title', 'Series'), PAGE, DOI, URL_FIELD],
  webpage: [f('container-title', 'Website'), PUBLISHER, URL_FIELD, ACCESSED],
  interview: [f('interviewer', 'Interviewer', 'names'), f('container-title', 'Published in'), f('medium', 'Medium'), URL_FIELD, ACCESSED],
  motion_picture: [f('director', 'Directors', 'names'), f('publisher', 'Studio or distributor'), PLACE, f('dimensions', 'Running time'), f('medium', 'Medium'), URL_FIELD],
  document: [f('container-title', 'Published in'), PUBLISHER, PLACE, URL_FIELD, ACCESSED],
};

/**
 * The fields the metadata editor shows for `type`, in display order: title and authors first,
 * then what the type needs, then date, language and note. An unknown type gets the fields of a
 * generic document, so nothing the student typed becomes uneditable.
 */
export function fieldsForType(type: string): CslField[] {
  const middle = TYPE_FIELDS[type] ?? TYPE_FIELDS['document'] ?? [];
  // A film's makers are its directors, listed in the middle; "Authors" would mislead there.
  const head = type === 'motion_picture' ? [TITLE] : [TITLE, AUTHOR];
  return [...head, ...middle, ISSUED, LANGUAGE, NOTE];
}
