/**
 * What a bibliography import did, and the sentence the student reads about it. Apart from the
 * import so the Library's import button can say it without loading the parsers.
 */
import type { AddWorksResult } from '../store/works-repo';
import type { ReadBibliography } from './read-bibliography';

/** What an import did: the file as read, and the works added or updated. */
export interface BibliographyImport {
  read: ReadBibliography;
  result: AddWorksResult;
}

/** The notice after an import: "Imported 12 works from refs.bib. 2 entries skipped: …". */
export function importSummary(fileName: string, done: BibliographyImport): string {
  const { added, updated } = done.result;
  const sentences = [`Imported ${added.length} ${added.length === 1 ? 'work' : 'works'} from ${fileName}.`];
  const { duplicates } = done.result;
  if (duplicates > 0) sentences.push(`${duplicates} ${duplicates === 1 ? 'entry was the same work as another and was' : 'entries were the same work as others and were'} merged.`);
  if (updated.length > 0) sentences.push(`${updated.length} already in your bibliography ${updated.length === 1 ? 'was' : 'were'} updated.`);
  for (const warning of done.read.warnings) sentences.push(`${warning}.`);
  return sentences.join(' ');
}
