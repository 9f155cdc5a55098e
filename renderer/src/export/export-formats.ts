/** The choices of the export dialog (kept apart from the heavy export code, which loads on demand). */

/** What to export. */
export type ExportScope = 'documents' | 'works-cited' | 'cited-works' | 'highlights';

/** Bibliographic formats and styles, with the file extension each is saved under. */
export const BIBLIOGRAPHY_FORMATS = [
  { id: 'bibtex', label: 'BibTeX', extension: 'bib' },
  { id: 'biblatex', label: 'BibLaTeX', extension: 'bib' },
  { id: 'ris', label: 'RIS', extension: 'ris' },
  { id: 'csl-json', label: 'CSL-JSON', extension: 'json' },
  { id: 'apa', label: 'APA 7 bibliography', extension: 'txt' },
  { id: 'mla', label: 'MLA 9 works cited', extension: 'txt' },
  { id: 'chicago', label: 'Chicago author-date', extension: 'txt' },
  { id: 'gost-r-7-0-5-2008', label: 'GOST R 7.0.5-2008', extension: 'txt' },
] as const;

/** Formats for highlights and their notes. */
export const HIGHLIGHT_FORMATS = [
  { id: 'markdown', label: 'Markdown (Obsidian)', extension: 'md' },
  { id: 'web-annotation', label: 'W3C Web Annotation (JSON-LD)', extension: 'jsonld' },
] as const;

