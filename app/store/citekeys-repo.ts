/**
 * Citation keys kept once given (schema v6): one row per owner ("doc:<document id>",
 * "ref:<reference id>", "work:<imported work id>"); the owners of one work share its key. A key
 * is made the first time a work needs one (an export, a copied citation, the synced file, the
 * metadata editor) and read back ever after, so adding, removing or re-reading other works never
 * changes it. Two works never hold the same key, compared without case (citekeyIdentity).
 */
import type { CslItem, Result } from '../documents/model';
import type { CitedWork } from '../citations/cited-works';
import { citekeyIdentity, citekeyProblem, freeCitekey, proposeCitekey } from '../citations/citekeys';
import type { LecternDb } from './db';
import type { StoredCitekey, StoredWork } from './records';

/** One work asking for its key: who owns it, and what a new key is made from. */
export interface CitekeyRequest {
  /** Every owner of the work: a source's "doc:" id, its cited variants' "ref:" ids, imported "work:" ids. */
  owners: readonly string[];
  csl: CslItem;
  /** The key the work's bibliography file gave it, taken when free and valid. */
  sourceKey?: string;
}

/** Owner ids, as the store writes them. */
export const citekeyOwner = {
  doc: (docId: string): string => `doc:${docId}`,
  ref: (referenceId: string): string => `ref:${referenceId}`,
  work: (workId: string): string => `work:${workId}`,
};

/**
 * A Cited Works entry's request: its library document's "doc:" id, every variant's "ref:" id and
 * its imported works' "work:" ids; an imported work's own key is offered when it has one.
 */
export function citedWorkRequest(work: CitedWork, importedWorks?: ReadonlyMap<string, StoredWork>): CitekeyRequest {
  const owners = [
    ...(work.libraryDocId ? [citekeyOwner.doc(work.libraryDocId)] : []),
    ...work.variants.map((variant) => citekeyOwner.ref(variant.referenceId)),
    ...(work.workIds ?? []).map(citekeyOwner.work),
  ];
  const sourceKey = (work.workIds ?? []).map((id) => importedWorks?.get(id)?.sourceKey).find((key) => key !== undefined);
  return { owners, csl: work.csl, ...(sourceKey ? { sourceKey } : {}) };
}

/**
 * Which of a work's stored rows gives its key when they disagree (a cited work that gained a
 * variant with a key of its own): the student's edit first, then a key that left Lectern, then
 * the oldest.
 */
function rank(row: StoredCitekey): number[] {
  return [row.edited ? 0 : 1, row.pinned ? 0 : 1, row.updatedAt];
}

function better(a: StoredCitekey, b: StoredCitekey): boolean {
  const [x, y] = [rank(a), rank(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]!;
  return false;
}

/**
 * One key per work, in order: the stored key of any of its owners, else a new one
 * (proposeCitekey, or the work's own sourceKey when free, with a, b... against every key in the
 * library), stored for every owner. `pin` marks the keys as having left Lectern (exports, the
 * synced file, a copied citation). Two works of one call never get one key: when stored rows
 * would give them one (a cited work split in two), the later work gets a new key.
 */
export function citekeysFor(db: LecternDb, works: readonly CitekeyRequest[], options: { pin?: boolean } = {}): Promise<string[]> {
  if (works.length === 0) return Promise.resolve([]);
  return db.transaction('rw', db.citekeys, async () => {
    const rows = await db.citekeys.toArray();
    const byOwner = new Map(rows.map((row) => [row.owner, row]));
    const taken = new Set(rows.map((row) => citekeyIdentity(row.key)));
    const givenNow = new Set<string>();
    const writes: StoredCitekey[] = [];
    const now = Date.now();
    const keys = works.map((work) => {
      let best: StoredCitekey | undefined;
      for (const owner of work.owners) {
        const row = byOwner.get(owner);
        if (row && (!best || better(row, best))) best = row;
      }
      let key = best?.key;
      let edited = best?.edited ?? false;
      let pinned = best?.pinned ?? false;
      if (key !== undefined && givenNow.has(citekeyIdentity(key))) {
        key = undefined;
        edited = false;
        pinned = false;
      }
      if (key === undefined) {
        const own = work.sourceKey;
        key = own && !citekeyProblem(own) && !taken.has(citekeyIdentity(own)) ? freeCitekey(own, taken) : freeCitekey(proposeCitekey(work.csl), taken);
      }
      givenNow.add(citekeyIdentity(key));
      pinned = pinned || options.pin === true;
      for (const owner of work.owners) {
        const row = byOwner.get(owner);
        if (row && row.key === key && row.pinned === pinned && row.edited === edited) continue;
        const next: StoredCitekey = { owner, key, pinned, edited, updatedAt: now };
        byOwner.set(owner, next);
        writes.push(next);
      }
      return key;
    });
    if (writes.length) await db.citekeys.bulkPut(writes);
    return keys;
  });
}

/** The stored key of any of `owners` (the best by the same rule as citekeysFor), without making one. */
export async function storedCitekey(db: LecternDb, owners: readonly string[]): Promise<string | undefined> {
  const rows = (await db.citekeys.bulkGet([...owners])).filter((row): row is StoredCitekey => row !== undefined);
  let best: StoredCitekey | undefined;
  for (const row of rows) if (!best || better(row, best)) best = row;
  return best?.key;
}

/** The stored key of each of `owners` that has one, by owner; makes none. */
export async function citekeysByOwner(db: LecternDb, owners: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.citekeys.bulkGet([...owners]);
  return new Map(rows.filter((row): row is StoredCitekey => row !== undefined).map((row) => [row.owner, row.key]));
}

/**
 * The student's edit: `key` becomes the work's key, for `owners` and every owner that shared
 * their key (the same work), pinned and marked edited. Refused, changing nothing, when the key
 * is not one BibTeX, biber, pandoc and CSL tools all read, or another work holds it.
 */
export function setCitekey(db: LecternDb, owners: readonly string[], key: string): Promise<Result<void>> {
  const wanted = key.trim();
  const problem = citekeyProblem(wanted);
  if (problem) return Promise.resolve({ ok: false, error: problem });
  if (owners.length === 0) return Promise.resolve({ ok: false, error: 'There is no work to give this key to.' });
  return db.transaction('rw', db.citekeys, async (): Promise<Result<void>> => {
    const rows = await db.citekeys.toArray();
    const mine = new Set(owners);
    const oldKeys = new Set(rows.filter((row) => mine.has(row.owner)).map((row) => row.key));
    const group = rows.filter((row) => mine.has(row.owner) || oldKeys.has(row.key));
    const groupOwners = new Set(group.map((row) => row.owner));
    const clash = rows.find((row) => !groupOwners.has(row.owner) && citekeyIdentity(row.key) === citekeyIdentity(wanted));
    if (clash) return { ok: false, error: `Another work already has the key “${clash.key}”. Choose another one.` };
    const now = Date.now();
    const all = new Set([...owners, ...groupOwners]);
    await db.citekeys.bulkPut([...all].map((owner) => ({ owner, key: wanted, pinned: true, edited: true, updatedAt: now })));
    return { ok: true, value: undefined };
  });
}
