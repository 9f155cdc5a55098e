/**
 * The bibliography file Lectern keeps in sync for pandoc, LaTeX and Obsidian: every source of
 * the library, every work its sources cite (the Cited Works index, one entry per work) and every
 * work imported from a bibliography, each under its stored citation key. The output is sorted by
 * key and otherwise depends only on the library, so an unchanged library gives the same bytes and
 * a changed one a small diff.
 */
import { buildCitedWorks } from '../citations/cited-works';
import type { CslItem, Result } from '../documents/model';
import { bibtexMonths, retypeEditedChapters, toBibtexReady } from '../export/bibtex-fields';
import { toBibtexText } from '../export/citation-js';
import { withSpelledInitials } from '../export/export-tidy';
import type { StoredCitation, StoredReference, StoredWork } from '../store/records';
import type { SyncFormat } from './sync-format';

export { SYNC_FORMATS, syncFileName, type SyncFormat } from './sync-format';

/** What the synced file is made from: the library's rows. */
export interface SyncSources {
  documents: readonly { id: string; title: string; metadata: CslItem }[];
  references: readonly StoredReference[];
  citations: readonly StoredCitation[];
  /** Works imported from bibliography files. */
  works: readonly StoredWork[];
}

/** One work of the file, with every owner its key is stored under (see StoredCitekey.owner). */
export interface SyncEntry {
  owners: string[];
  csl: CslItem;
  /** The key an imported bibliography gave the work, offered as its key when free. */
  sourceKey?: string;
}

/**
 * The works of the file, once each: documents first (in the order given), each taking the
 * owners of the cited works it is; then the cited works not in the library; then imported works.
 */
export function syncEntries(sources: SyncSources): SyncEntry[] {
  const entries: SyncEntry[] = [];
  const byDoc = new Map<string, SyncEntry>();
  for (const doc of sources.documents) {
    const entry: SyncEntry = { owners: [`doc:${doc.id}`], csl: doc.metadata };
    byDoc.set(doc.id, entry);
    entries.push(entry);
  }
  // No texts: the index's search for names in texts only finds mentions, which the file does not need.
  const cited = buildCitedWorks({ documents: sources.documents.map(({ id, title, metadata }) => ({ id, title, metadata })), references: sources.references, citations: sources.citations });
  for (const work of cited) {
    const refs = work.variants.map((variant) => `ref:${variant.referenceId}`);
    const inLibrary = work.libraryDocId ? byDoc.get(work.libraryDocId) : undefined;
    if (inLibrary) inLibrary.owners.push(...refs);
    else entries.push({ owners: refs, csl: work.csl });
  }
  for (const work of sources.works) entries.push({ owners: [`work:${work.id}`], csl: work.csl, ...(work.sourceKey ? { sourceKey: work.sourceKey } : {}) });
  return entries;
}

/** A key of its own in the item would contradict the entry's key: the stored key wins. */
const PRIVATE_FIELDS = new Set(['citation-key']);

function publicItem(item: CslItem, key: string): CslItem {
  const out: CslItem = { id: key, type: item.type };
  for (const [field, value] of Object.entries(item)) if (field !== 'id' && field !== 'type' && !PRIVATE_FIELDS.has(field) && value !== undefined) out[field] = value;
  return withSpelledInitials(out);
}

/**
 * The file's text: `entries` under `keys` (one per entry, same order), sorted by key, in
 * `format`. Two entries with one key (two owners the student gave the same key) are written
 * once, as a file with a repeated key is refused by BibTeX and pandoc alike.
 */
export function syncedBibliography(entries: readonly SyncEntry[], keys: readonly string[], format: SyncFormat): Result<string> {
  const byKey = new Map<string, CslItem>();
  entries.forEach((entry, index) => {
    const key = keys[index];
    if (key && !byKey.has(key)) byKey.set(key, publicItem(entry.csl, key));
  });
  const items = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((key) => byKey.get(key)!);
  try {
    if (format === 'csl-json') return { ok: true, value: JSON.stringify(items, null, 2) + '\n' };
    const ready = items.map((item) => toBibtexReady(item, item.id));
    const text = bibtexMonths(retypeEditedChapters(toBibtexText(ready, format), ready));
    return { ok: true, value: text.endsWith('\n') ? text : `${text}\n` };
  } catch (error) {
    return { ok: false, error: `Lectern could not write the bibliography as ${format}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
