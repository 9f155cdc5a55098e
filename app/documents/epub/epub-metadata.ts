/**
 * What an EPUB's package file says about the book: Dublin Core title, creators (with EPUB 2
 * opf:role / opf:file-as attributes or EPUB 3 refining <meta> elements), date, publisher,
 * language and identifiers (ISBN, DOI).
 */
import type { FormatReading } from '../format-importer';
import { attr, findAll, localName, textOf, type Document, type Element } from '../html/html-dom';
import type { CslItem, CslName } from '../model';
import { cleanDoi, parseStatedDate, parseStatedName } from '../html/stated-values';

/** Reads the book's metadata from the parsed package file. */
export function readEpubMetadata(opf: Document): FormatReading['stated'] {
  const metadata = findAll(opf, (e) => localName(e) === 'metadata')[0];
  if (!metadata) return { extra: { type: 'book' } };
  // Only Dublin Core elements have these local names in <metadata>, whatever prefix the file uses.
  const dc = (name: string): Element[] => findAll(metadata, (e) => localName(e) === name);
  const refinements = readRefinements(metadata);
  const stated: FormatReading['stated'] = {};
  const title = chooseTitle(dc('title'), refinements);
  if (title) stated.title = title;
  const creators = { author: [] as CslName[], editor: [] as CslName[], translator: [] as CslName[] };
  for (const creator of [...dc('creator'), ...dc('contributor')]) {
    const refined = refinements.get(attr(creator, 'id')) ?? new Map<string, string>();
    const role = (attr(creator, 'opf:role') || refined.get('role') || (creator.name.endsWith('creator') ? 'aut' : '')).toLowerCase();
    const fileAs = attr(creator, 'opf:file-as') || refined.get('file-as') || '';
    const name = parseStatedName(fileAs.includes(',') ? fileAs : textOf(creator));
    const list = role === 'aut' ? creators.author : role === 'edt' ? creators.editor : role === 'trl' ? creators.translator : undefined;
    if (name && list) list.push(name);
  }
  if (creators.author.length > 0) stated.author = creators.author;
  const date = dc('date').find((d) => !/modification/i.test(attr(d, 'opf:event'))) ?? dc('date')[0];
  const issued = date ? parseStatedDate(textOf(date)) : undefined;
  if (issued) stated.issued = issued;
  const extra: Partial<CslItem> = { type: 'book' };
  if (creators.editor.length > 0) extra.editor = creators.editor;
  if (creators.translator.length > 0) extra.translator = creators.translator;
  const publisher = dc('publisher').map(textOf).find(Boolean);
  if (publisher) extra.publisher = publisher;
  const language = dc('language').map(textOf).find(Boolean);
  if (language) extra.language = language;
  for (const identifier of dc('identifier').map(textOf)) {
    const isbn = isbnOf(identifier);
    if (isbn && !extra.ISBN) extra.ISBN = isbn;
    const doi = /doi/i.test(identifier) || identifier.startsWith('10.') ? cleanDoi(identifier) : undefined;
    if (doi && !extra.DOI) extra.DOI = doi;
  }
  stated.extra = extra;
  return stated;
}

/** EPUB 3 <meta refines="#id" property="x">value</meta>, by refined id. */
function readRefinements(metadata: Element): Map<string, Map<string, string>> {
  const refinements = new Map<string, Map<string, string>>();
  for (const meta of findAll(metadata, (e) => localName(e) === 'meta' && attr(e, 'refines').startsWith('#'))) {
    const id = attr(meta, 'refines').slice(1);
    const properties = refinements.get(id) ?? new Map<string, string>();
    properties.set(attr(meta, 'property').toLowerCase(), textOf(meta));
    refinements.set(id, properties);
  }
  return refinements;
}

/** The main title: EPUB 3 may state several (main, subtitle, collection); the main one, else the first. */
function chooseTitle(titles: Element[], refinements: Map<string, Map<string, string>>): string | undefined {
  const main = titles.find((t) => refinements.get(attr(t, 'id'))?.get('title-type') === 'main') ?? titles[0];
  return main ? textOf(main) || undefined : undefined;
}

/** An ISBN-10 or ISBN-13 in an identifier ("urn:isbn:978-0-14-044913-6"), digits only. */
function isbnOf(identifier: string): string | undefined {
  const digits = identifier.replace(/^(?:urn:)?isbn:?/i, '').replace(/[\s-]/g, '');
  return /^(?:97[89]\d{10}|\d{9}[\dX])$/i.test(digits) ? digits.toUpperCase() : undefined;
}
