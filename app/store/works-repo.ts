/**
 * Works imported from bibliography files: the student's own reference list, kept in the library
 * without a document. Re-importing a file (or another export of the same library) adds no
 * duplicates: an entry that is the same work as a stored one (work-identity.ts sameWork: same
 * DOI, or first author, year and most of the title) updates that work in place, keeping its id,
 * so its citation key and its place in the index stay.
 */
import { sameWork, workSignature, type WorkSignature } from '../citations/work-identity';
import type { LecternDb } from './db';
import type { StoredCitekey, StoredWork } from './records';

/** A work to add: the store gives `id` and the times when they are missing. */
export type WorkInput = Omit<StoredWork, 'id' | 'addedAt' | 'updatedAt'> & Partial<Pick<StoredWork, 'id' | 'addedAt' | 'updatedAt'>>;

/** What one addWorks call did, enough to undo it. */
export interface AddWorksResult {
  /** Works new to the library, in the order given. */
  added: StoredWork[];
  /** Works already there that the import updated: as they were, and as they are now. */
  updated: { before: StoredWork; after: StoredWork }[];
  /** Entries that were the same work as an earlier entry of the same call, merged into it. */
  duplicates: number;
}

function bucketKeys(signature: WorkSignature): string[] {
  return [...(signature.family ? [`${signature.family}|${signature.year ?? ''}`] : []), ...(signature.doi ? [`doi:${signature.doi}`] : [])];
}

/** Finds stored works by signature, bucketed as the Cited Works index buckets references. */
class WorkFinder {
  private readonly buckets = new Map<string, { work: StoredWork; signature: WorkSignature }[]>();

  add(work: StoredWork): void {
    const signature = workSignature(work.csl);
    for (const key of bucketKeys(signature)) {
      const list = this.buckets.get(key) ?? [];
      list.push({ work, signature });
      this.buckets.set(key, list);
    }
  }

  remove(id: string): void {
    for (const [key, list] of this.buckets) this.buckets.set(key, list.filter((entry) => entry.work.id !== id));
  }

  find(signature: WorkSignature): StoredWork | undefined {
    for (const key of bucketKeys(signature)) {
      const hit = this.buckets.get(key)?.find((entry) => sameWork(entry.signature, signature));
      if (hit) return hit.work;
    }
    return undefined;
  }
}

/**
 * Adds works in one transaction: all of them or, when the write fails, none. An entry that is
 * the same work as one stored (or as an earlier entry of the same call) replaces its
 * description (the file is the student's own record of it) and keeps its id and addedAt.
 */
export function addWorks(db: LecternDb, works: readonly WorkInput[]): Promise<AddWorksResult> {
  return db.transaction('rw', db.works, async () => {
    const now = Date.now();
    const finder = new WorkFinder();
    const stored = await db.works.toArray();
    for (const work of stored) finder.add(work);
    const original = new Map(stored.map((w) => [w.id, w]));
    const added = new Map<string, StoredWork>();
    const changed = new Map<string, StoredWork>();
    // Each new work's addedAt is a millisecond after the one before, so the file's order is the
    // list's order (addedAt is the only index; ties would fall to the random ids).
    let order = 0;
    let duplicates = 0;
    for (const input of works) {
      const existing = finder.find(workSignature(input.csl));
      const id = existing?.id ?? input.id ?? globalThis.crypto.randomUUID();
      const work: StoredWork = {
        id,
        csl: { ...input.csl, id },
        ...(input.sourceKey ?? existing?.sourceKey ? { sourceKey: input.sourceKey ?? existing?.sourceKey } : {}),
        origin: input.origin,
        addedAt: existing?.addedAt ?? input.addedAt ?? now + order++,
        updatedAt: input.updatedAt ?? now,
      };
      if (existing && (added.has(existing.id) || changed.has(existing.id))) duplicates += 1;
      if (existing) finder.remove(existing.id);
      finder.add(work);
      if (original.has(id)) changed.set(id, work);
      else added.set(id, work);
    }
    const rows = [...added.values(), ...changed.values()];
    if (rows.length > 0) await db.works.bulkPut(rows);
    return {
      added: [...added.values()],
      updated: [...changed.values()].map((after) => ({ before: original.get(after.id) as StoredWork, after })),
      duplicates,
    };
  });
}

/** Every imported work, oldest import first. */
export function listWorks(db: LecternDb): Promise<StoredWork[]> {
  return db.works.orderBy('addedAt').toArray();
}

/** Removes one imported work and its citation-key row; resolves false when there was none. */
export function deleteWork(db: LecternDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.works, db.citekeys, async () => {
    const had = (await db.works.get(id)) !== undefined;
    await db.works.delete(id);
    await db.citekeys.delete(`work:${id}`);
    return had;
  });
}

/** Undoes one addWorks call: the works it added go (with their key rows), the ones it updated are as they were. */
export function undoAddWorks(db: LecternDb, result: AddWorksResult): Promise<void> {
  return db.transaction('rw', db.works, db.citekeys, async () => {
    await db.works.bulkDelete(result.added.map((w) => w.id));
    await db.citekeys.bulkDelete(result.added.map((w) => `work:${w.id}`));
    if (result.updated.length > 0) await db.works.bulkPut(result.updated.map((u) => u.before));
  });
}

/** Changes whenever a work is added, updated or removed: the Index view rebuilds on it. */
export async function worksRevision(db: LecternDb): Promise<string> {
  let count = 0;
  let latest = 0;
  await db.works.each((work) => {
    count += 1;
    latest = Math.max(latest, work.updatedAt);
  });
  return `${count}:${latest}`;
}

/** Works removed together, with their citation-key rows, so an Undo puts back exactly what was. */
export interface RemovedWorks {
  works: StoredWork[];
  citekeys: StoredCitekey[];
}

/** Removes imported works (the student's "Remove from bibliography") in one transaction. */
export function removeWorks(db: LecternDb, ids: readonly string[]): Promise<RemovedWorks> {
  return db.transaction('rw', db.works, db.citekeys, async () => {
    const works = (await db.works.bulkGet([...ids])).filter((w): w is StoredWork => w !== undefined);
    const owners = works.map((w) => `work:${w.id}`);
    const citekeys = (await db.citekeys.bulkGet(owners)).filter((row): row is StoredCitekey => row !== undefined);
    await db.works.bulkDelete(works.map((w) => w.id));
    await db.citekeys.bulkDelete(owners);
    return { works, citekeys };
  });
}

/** Puts back what removeWorks took. */
export function restoreWorks(db: LecternDb, removed: RemovedWorks): Promise<void> {
  return db.transaction('rw', db.works, db.citekeys, async () => {
    await db.works.bulkPut(removed.works);
    await db.citekeys.bulkPut(removed.citekeys);
  });
}
