/**
 * The bibliography file Lectern keeps in sync for pandoc, LaTeX and Obsidian: every source of
 * the library, every work its sources cite (the Cited Works index, one entry per work) and every
 * work imported from a bibliography, each under its stored citation key. The output is sorted by
 * key and otherwise depends only on the library, so an unchanged library gives the same bytes and
 * a changed one a small diff.
 */
import type { CslItem, Result } from '../documents/model';
import { bibtexMonths, retypeEditedChapters, toBibtexReady } from '../export/bibtex-fields';
import { toBibtexText } from '../export/citation-js';
import { withSpelledInitials } from '../export/export-tidy';
import type { SyncEntry } from './sync-entries';
import type { SyncFormat } from './sync-format';

export { SYNC_FORMATS, syncFileName, type SyncFormat } from './sync-format';
export { syncEntries, type SyncEntry, type SyncSources } from './sync-entries';

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
