/**
 * The title and authors a Word document states in docProps/core.xml (not its date: see below). Word fills
 * dc:creator with the account name of whoever made the file, so stand-in names such as
 * "Microsoft Office User" are not taken for authors.
 */
import type { FormatReading } from '../format-importer';
import { findAll, localName, parseXml, textOf } from '../html/html-dom';
import { parseStatedNames } from '../html/stated-values';

const PLACEHOLDER_NAMES = /^(?:microsoft office user|office user|windows user|user|admin|administrator|author|owner|unknown|guest|student|[a-z]?\d*)$/i;
const PLACEHOLDER_TITLES = /^(?:document\d*|untitled|title|microsoft word - .*)$/i;

/** Reads core.xml (already unpacked and decoded); missing or odd fields are simply left out. */
export function readCoreProperties(xml: string): FormatReading['stated'] {
  const document = parseXml(xml);
  const field = (name: string): string | undefined => {
    const element = findAll(document, (e) => localName(e) === name)[0];
    const text = element ? textOf(element) : '';
    return text === '' ? undefined : text;
  };
  const stated: FormatReading['stated'] = {};
  const title = field('title');
  if (title && !PLACEHOLDER_TITLES.test(title)) stated.title = title;
  const creators = (field('creator') ?? '').split(/\s*;\s*/).filter((n) => n !== '' && !PLACEHOLDER_NAMES.test(n));
  const author = parseStatedNames(creators);
  if (author.length > 0) stated.author = author;
  // dcterms:created and dcterms:modified are the file's timestamps (when Word saved it), never
  // when the work was published, so no date is taken from them.
  return stated;
}
