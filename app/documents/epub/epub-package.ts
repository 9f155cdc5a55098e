/**
 * The package of an EPUB: META-INF/container.xml names the package file (.opf), whose manifest
 * lists the files and whose spine gives the reading order. Read with an XML parser over plain
 * objects, so it works in the import worker and in Node.
 */
import { attr, findAll, localName, parseXml, type Document, type Element } from '../html/html-dom';
import { resolvePath } from './epub-paths';

/** One chapter in reading order. */
export interface SpineItem {
  /** Archive path of the chapter. */
  path: string;
  mediaType: string;
}

/** The parsed package file. */
export interface EpubPackage {
  opfPath: string;
  opf: Document;
  spine: SpineItem[];
}

const CHAPTER_TYPES = /^(?:application\/xhtml\+xml|text\/html|application\/x-dtbook\+xml)$/i;

/** The archive path of the package file, from container.xml. */
export function packagePath(containerXml: string): string | undefined {
  const rootfile = findAll(parseXml(containerXml), (e) => localName(e) === 'rootfile')
    .find((e) => !attr(e, 'media-type') || attr(e, 'media-type') === 'application/oebps-package+xml');
  const path = rootfile ? attr(rootfile, 'full-path') : '';
  return path ? resolvePath('', path) : undefined;
}

/** Reads the manifest and spine of the package file at `opfPath`. */
export function readPackage(opfPath: string, opfXml: string): EpubPackage {
  const opf = parseXml(opfXml);
  const manifest = new Map<string, Element>();
  for (const item of findAll(opf, (e) => localName(e) === 'item')) manifest.set(attr(item, 'id'), item);
  const spine: SpineItem[] = [];
  for (const ref of findAll(opf, (e) => localName(e) === 'itemref')) {
    const item = manifest.get(attr(ref, 'idref'));
    if (!item) continue;
    const mediaType = attr(item, 'media-type');
    const path = resolvePath(opfPath, attr(item, 'href').split('#')[0] ?? '');
    if (path && CHAPTER_TYPES.test(mediaType) && !spine.some((s) => s.path === path)) spine.push({ path, mediaType });
  }
  return { opfPath, opf, spine };
}

/** Archive paths that META-INF/encryption.xml says are encrypted (DRM, or obfuscated fonts). */
export function encryptedPaths(encryptionXml: string): Set<string> {
  const references = findAll(parseXml(encryptionXml), (e) => localName(e) === 'cipherreference');
  return new Set(references.map((e) => resolvePath('', attr(e, 'uri'))).filter((p): p is string => p !== undefined));
}
