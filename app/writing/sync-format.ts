/**
 * The formats the synced bibliography file can take, kept free of any dependency so the IPC
 * contract (and with it main) can name them without loading the exporters.
 */

/** The formats a writing tool reads: BibLaTeX and BibTeX (LaTeX, pandoc, Obsidian plugins), CSL-JSON (pandoc, Zettlr). */
export const SYNC_FORMATS = ['biblatex', 'bibtex', 'csl-json'] as const;

/** One of {@link SYNC_FORMATS}. */
export type SyncFormat = (typeof SYNC_FORMATS)[number];

/** How each format is named to the student. */
export const SYNC_FORMAT_LABELS: Readonly<Record<SyncFormat, string>> = {
  biblatex: 'BibLaTeX (.bib)',
  bibtex: 'BibTeX (.bib)',
  'csl-json': 'CSL-JSON (.json)',
};

/** The file extension a format is written with. */
export function syncExtension(format: SyncFormat): 'bib' | 'json' {
  return format === 'csl-json' ? 'json' : 'bib';
}

/** The file name a format suggests. */
export function syncFileName(format: SyncFormat): string {
  return `library.${syncExtension(format)}`;
}
