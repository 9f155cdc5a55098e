/**
 * Paths inside an EPUB: hrefs in the package file and in chapters are relative to the file that
 * holds them and may be %-escaped ("Text/chapter%201.xhtml"); archive entries are not.
 */

/** The folder of an archive path, with a trailing slash ('' at the root). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(0, slash + 1) : '';
}

/** Resolves `href` (no fragment) against the folder of `from`; undefined when it leaves the archive. */
export function resolvePath(from: string, href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return undefined;
  const segments: string[] = [];
  const joined = href.startsWith('/') ? href.slice(1) : folderOf(from) + href;
  for (const segment of unescape(joined).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else segments.push(segment);
  }
  return segments.join('/');
}

function unescape(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
