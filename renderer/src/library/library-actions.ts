/**
 * The library's writes that outlive a click: trash moves with undo, restores, collection
 * membership. Each turns a storage failure into a message instead of failing silently.
 */
import { listAnnotationsByDoc } from '../../../app/store/annotations-repo';
import { addToCollection } from '../../../app/store/collections-repo';
import type { DocumentSummary } from '../../../app/store/documents-repo';
import { describeStorageError } from '../../../app/store/storage-errors';
import { deleteForever, moveDocumentToTrash, restoreFromTrash } from '../../../app/store/trash-repo';
import { searchService } from '../search/search-service';
import type { NoticeAction } from '../shell/notices';
import { database } from '../store/hooks';

/** How the library reports back. */
export interface LibraryFeedback {
  notify: (text: string, action?: NoticeAction) => void;
  onError: (text: string) => void;
  /** A document left the library: panes showing it close. */
  onTrashed: (docId: string) => void;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The question asked before a document goes to the trash, naming what goes with it. */
export async function trashQuestion(doc: DocumentSummary): Promise<string> {
  const count = (await listAnnotationsByDoc(database(), doc.id)).length;
  const withHighlights = count ? ` and its ${plural(count, 'highlight')}` : '';
  return `Move “${doc.title}”${withHighlights} to the Trash? You can restore it for 30 days.`;
}

/** Moves a document to the trash and offers Undo. */
export async function trashDocument(doc: DocumentSummary, feedback: LibraryFeedback): Promise<void> {
  try {
    const trashId = await moveDocumentToTrash(database(), doc.id);
    if (!trashId) return;
    searchService.documentRemoved(doc.id);
    feedback.onTrashed(doc.id);
    feedback.notify(`Moved “${doc.title}” to the Trash.`, { label: 'Undo', run: () => void restoreTrashed(trashId, feedback) });
  } catch (error) {
    feedback.onError(describeStorageError(error));
  }
}

/** Puts a trashed document back with its highlights and notes. */
export async function restoreTrashed(trashId: string, feedback: LibraryFeedback, title?: string): Promise<void> {
  try {
    const result = await restoreFromTrash(database(), trashId);
    if (!result.ok) return feedback.onError(result.error);
    searchService.documentAdded(result.docId);
    if (title) feedback.notify(`Restored “${title}” with its highlights and notes.`);
  } catch (error) {
    feedback.onError(describeStorageError(error));
  }
}

/** Removes a trash entry for good. */
export async function deleteTrashed(trashId: string, feedback: LibraryFeedback): Promise<void> {
  try {
    await deleteForever(database(), trashId);
  } catch (error) {
    feedback.onError(describeStorageError(error));
  }
}

/** Adds a document to a collection, saying so. */
export async function addDocumentTo(collection: { id: string; name: string }, doc: { id: string; title: string }, feedback: LibraryFeedback): Promise<void> {
  try {
    if (await addToCollection(database(), collection.id, [doc.id])) feedback.notify(`Added “${doc.title}” to “${collection.name}”.`);
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
