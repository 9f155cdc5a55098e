/**
 * A bibliography file into the library: read, then every entry stored as a work in one
 * transaction, with the key the file gave each new work offered as its citation key (kept when
 * free, else made unique with a, b...). A file with nothing usable changes nothing.
 */
import type { Result } from '../documents/model';
import { citekeyOwner, citekeysFor } from '../store/citekeys-repo';
import type { LecternDb } from '../store/db';
import { addWorks } from '../store/works-repo';
import type { BibliographyImport } from './import-summary';
import { readBibliography, type BibliographyProgress } from './read-bibliography';

export { importSummary, type BibliographyImport } from './import-summary';

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
