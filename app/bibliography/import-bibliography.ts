/**
 * A bibliography file into the library: read, then every entry stored as a work in one
 * transaction, with the key the file gave each new work offered as its citation key (kept when
 * free, else made unique with a, b...). A file with nothing usable changes nothing.
 */
import type { Result } from '../documents/model';
import { citekeyOwner, citekeysFor } from '../store/citekeys-repo';
import type { LecternDb } from '../store/db';
import { addWorks, type AddWorksResult } from '../store/works-repo';
import { readBibliography, type BibliographyProgress, type ReadBibliography } from './read-bibliography';

/** What an import did: the file as read, and the works added or updated. */
export interface BibliographyImport {
  read: ReadBibliography;
  result: AddWorksResult;
}

/** Reads `bytes` and stores its entries; an unreadable file is an error naming it. */
export async function importBibliography(db: LecternDb, fileName: string, bytes: Uint8Array, onProgress?: BibliographyProgress): Promise<Result<BibliographyImport>> {
  const read = readBibliography(fileName, bytes, onProgress);
  if (!read.ok) return read;
  const origin = { fileName, format: read.value.format };
  const result = await db.transaction('rw', db.works, db.citekeys, async () => {
    const added = await addWorks(db, read.value.entries.map((e) => ({ csl: e.csl, ...(e.sourceKey ? { sourceKey: e.sourceKey } : {}), origin })));
    await citekeysFor(
      db,
      added.added.map((work) => ({ owners: [citekeyOwner.work(work.id)], csl: work.csl, ...(work.sourceKey ? { sourceKey: work.sourceKey } : {}) })),
    );
    return added;
  });
  return { ok: true, value: { read: read.value, result } };
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
