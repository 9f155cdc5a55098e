/**
 * The works of the synced bibliography file, read from the store: every source, every cited work
 * (the Cited Works index, one entry per work) and every imported work, each with the owners its
 * citation key is stored under. Free of the exporters, so the UI can find a work's key without
 * loading citation-js.
 */
import { buildCitedWorks } from '../citations/cited-works';
import type { CslItem } from '../documents/model';
import type { LecternDb } from '../store/db';
import { listAllCitations, listAllReferences } from '../store/library-reads';
import type { StoredCitation, StoredReference, StoredWork } from '../store/records';

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
 * owners of the cited works it is; then the Cited Works index's other entries, imported works
 * merged into the cited work they are or standing alone.
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
  const cited = buildCitedWorks({
    documents: sources.documents.map(({ id, title, metadata }) => ({ id, title, metadata })),
    references: sources.references,
    citations: sources.citations,
    works: sources.works,
  });
  const sourceKeys = new Map(sources.works.map((work) => [work.id, work.sourceKey]));
  for (const work of cited) {
    const owners = [...work.variants.map((variant) => `ref:${variant.referenceId}`), ...(work.workIds ?? []).map((id) => `work:${id}`)];
    const inLibrary = work.libraryDocId ? byDoc.get(work.libraryDocId) : undefined;
    if (inLibrary) {
      inLibrary.owners.push(...owners);
      continue;
    }
    // An imported work offers the key its file gave it.
    const sourceKey = (work.workIds ?? []).map((id) => sourceKeys.get(id)).find(Boolean);
    entries.push({ owners, csl: work.csl, ...(sourceKey ? { sourceKey } : {}) });
  }
  return entries;
}

/** The rows the file is made of, read in one transaction so they agree; documents oldest first, so the order never depends on the clock's ties. */
export function readSyncSources(db: LecternDb): Promise<SyncSources> {
  return db.transaction('r', [db.documents, db.references, db.citations, db.works], async () => {
    const summaries = await db.documents.orderBy('addedAt').toArray();
    const ids = new Set(summaries.map((doc) => doc.id));
    const works = await db.works.toArray();
    return {
      documents: summaries.map((doc) => ({ id: doc.id, title: doc.title, metadata: doc.metadata })),
      references: (await listAllReferences(db)).filter((reference) => ids.has(reference.docId)),
      citations: (await listAllCitations(db)).filter((citation) => ids.has(citation.docId)),
      works: works.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    };
  });
}

