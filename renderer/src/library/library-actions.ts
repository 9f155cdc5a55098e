/**
 * The library's writes that outlive a click: trash moves with undo, restores, collection
 * membership. Each turns a storage failure into a message instead of failing silently.
 */
import { listAnnotationsByDoc } from '../../../app/store/annotations-repo';
import { addToCollection } from '../../../app/store/collections-repo';
import type { DocumentSummary } from '../../../app/store/documents-repo';
import type { LecternDb } from '../../../app/store/db';
import { describeStorageError } from '../../../app/store/storage-errors';
import { deleteForever, moveDocumentToTrash, restoreFromTrash } from '../../../app/store/trash-repo';
import type { SearchService } from '../search/search-service';
import type { NoticeAction } from '../services/notices';

/** How the library reports back. */
export interface LibraryFeedback {
  notify: (text: string, action?: NoticeAction) => void;
  onError: (text: string) => void;
  /** A document left the library: panes showing it close. */
  onTrashed: (docId: string) => void;
}

/** What the library's writes use: its feedback, the store, and the search index they keep current. */
export interface LibraryWrites extends LibraryFeedback {
  database: LecternDb;
  search: Pick<SearchService, 'documentAdded' | 'documentRemoved'>;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The question asked before a document goes to the trash, naming what goes with it. */
export async function trashQuestion(database: LecternDb, doc: DocumentSummary): Promise<string> {
  const count = (await listAnnotationsByDoc(database, doc.id)).length;
  const withHighlights = count ? ` and its ${plural(count, 'highlight')}` : '';
  return `Move “${doc.title}”${withHighlights} to the Trash? You can restore it for 30 days.`;
}

/** Moves a document to the trash and offers Undo. */
export async function trashDocument(doc: DocumentSummary, feedback: LibraryWrites): Promise<void> {
  try {
    const trashId = await moveDocumentToTrash(feedback.database, doc.id);
    if (!trashId) return;
    feedback.search.documentRemoved(doc.id);
    feedback.onTrashed(doc.id);
    feedback.notify(`Moved “${doc.title}” to the Trash.`, { label: 'Undo', run: () => void restoreTrashed(trashId, feedback) });
  } catch (error) {
    feedback.onError(describeStorageError(error));
  }
}

/** Puts a trashed document back with its highlights and notes. */
export async function restoreTrashed(trashId: string, feedback: LibraryWrites, title?: string): Promise<void> {
  try {
    const result = await restoreFromTrash(feedback.database, trashId);
    if (!result.ok) return feedback.onError(result.error);
    feedback.search.documentAdded(result.docId);
    if (title) feedback.notify(`Restored “${title}” with its highlights and notes.`);
  } catch (error) {
    feedback.onError(describeStorageError(error));
  }
}

/** Removes a trash entry for good. */
export async function deleteTrashed(trashId: string, feedback: LibraryWrites): Promise<void> {
  try {
    await deleteForever(feedback.database, trashId);
  } catch (error) {
    feedback.onError(describeStorageError(error));
  }
}

/** Adds a document to a collection, saying so. */
export async function addDocumentTo(collection: { id: string; name: string }, doc: { id: string; title: string }, feedback: LibraryWrites): Promise<void> {
  try {
    if (await addToCollection(feedback.database, collection.id, [doc.id])) feedback.notify(`Added “${doc.title}” to “${collection.name}”.`);
  } catch (error) {
    feedback.onError(describeStorageError(error));
  }
}

/** Runs a store write, reporting a failure as a message. */
export async function guarded(feedback: LibraryFeedback, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    feedback.onError(describeStorageError(error));
  }
}
