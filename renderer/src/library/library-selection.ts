/**
 * What the library shows: everything, one tag, one collection, or the trash. Kept in
 * localStorage so the library opens on the same shelf after a restart.
 */

/** The library's current filter. */
export type LibrarySelection = { kind: 'all' } | { kind: 'tag'; tag: string } | { kind: 'collection'; id: string } | { kind: 'trash' };

const STORAGE_KEY = 'lectern.library.filter';

/** The saved selection; anything damaged or missing gives "All documents". */
export function loadSelection(storage: Pick<Storage, 'getItem'> = localStorage): LibrarySelection {
  try {
    const parsed = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Partial<{ kind: string; tag: unknown; id: unknown }> | null;
    if (parsed?.kind === 'tag' && typeof parsed.tag === 'string' && parsed.tag) return { kind: 'tag', tag: parsed.tag };
    if (parsed?.kind === 'collection' && typeof parsed.id === 'string' && parsed.id) return { kind: 'collection', id: parsed.id };
    if (parsed?.kind === 'trash') return { kind: 'trash' };
  } catch {
    // A damaged entry only costs the remembered filter.
  }
  return { kind: 'all' };
}

/** Saves the selection. */
export function saveSelection(selection: LibrarySelection, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(selection));
  } catch {
    // A full or disabled storage only costs the remembered filter.
  }
}

/** True when both select the same shelf. */
export function sameSelection(a: LibrarySelection, b: LibrarySelection): boolean {
  if (a.kind === 'tag' && b.kind === 'tag') return a.tag.toLocaleLowerCase() === b.tag.toLocaleLowerCase();
  if (a.kind === 'collection' && b.kind === 'collection') return a.id === b.id;
  return a.kind === b.kind && a.kind !== 'tag' && a.kind !== 'collection';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days (rounded up) a trashed item has left before it is emptied; never below 0. */
export function daysLeft(deletedAt: number, retentionDays: number, now: number = Date.now()): number {
  return Math.max(0, Math.ceil((deletedAt + retentionDays * DAY_MS - now) / DAY_MS));
}

/** Tags typed as "a, b, c": split at commas, blanks dropped (normalizeTags does the rest). */
export function parseTagInput(input: string): string[] {
  return input.split(',').map((tag) => tag.trim()).filter(Boolean);
}
