/**
 * Which kind of bibliography a file is, read from its content: students rename files, and
 * reference managers write `.txt` or `.bib` for what is RIS. The extension only breaks a tie.
 */
import type { BibliographyFormat } from '../store/records';

/** Fields only BibLaTeX writes (Better BibTeX, JabRef in BibLaTeX mode, Zotero's BibLaTeX export). */
const BIBLATEX_FIELDS = /^\s*(?:date|journaltitle|location|urldate|eventdate|origdate|eprinttype|maintitle|langid)\s*=/imu;
const BIBLATEX_TYPES = /@(?:online|report|thesis|dataset|software|mvbook|mvcollection|patent|periodical|suppbook)\s*[{(]/iu;

/** The format of `text`, or undefined when it is none of the four. */
export function detectFormat(text: string, fileName: string): BibliographyFormat | undefined {
  const head = text.slice(0, 65536).replace(/^\uFEFF/u, '').trimStart();
  if (/^[[{]/u.test(head)) return 'csl-json';
  if (/^TY {2}- /mu.test(head)) return 'ris';
  if (/@[a-z]+\s*[{(]/iu.test(head)) {
    if (/databaseType\s*:\s*biblatex/iu.test(head) || BIBLATEX_TYPES.test(head) || BIBLATEX_FIELDS.test(head)) return 'biblatex';
    return 'bibtex';
  }
  const ext = /\.([a-z]+)$/iu.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'ris' && /^[A-Z][A-Z0-9] {2}-/mu.test(head)) return 'ris';
  return undefined;
}
