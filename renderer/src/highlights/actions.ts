import { describeRange } from '../../../app/anchoring/describe';
import type { PageSelector } from '../../../app/anchoring/selectors';
import { deleteAnnotation, getAnnotation, putAnnotation, type StoredAnnotation } from '../../../app/store/annotations-repo';
import { searchEvents } from '../search/search-events';
import { reportStorageError } from '../shell/storage-report';
import { database } from '../store/hooks';
import type { HighlightColor } from './colors';

/** Writes one highlight, reports a failure to the student and tells search what changed. */
async function saved<T>(id: string, write: () => Promise<T>): Promise<T> {
  try {
    const result = await write();
    searchEvents.annotationChanged(id);
    return result;
  } catch (error) {
    reportStorageError(error);
    throw error;
  }
}

/** Creates a highlight over [start, end) of a document's text; resolves with it, or null when it could not be saved (already reported). */
export async function createHighlight(
  docId: string,
  text: string,
  start: number,
  end: number,
  color: HighlightColor,
  page?: PageSelector,
): Promise<StoredAnnotation | null> {
  const { quote, position } = describeRange(text, start, end);
  const now = Date.now();
  const annotation: StoredAnnotation = {
    id: crypto.randomUUID(),
    docId,
    selectors: page ? [quote, position, page] : [quote, position],
    color,
    noteJson: null,
    noteText: '',
    createdAt: now,
    updatedAt: now,
  };
  try {
    await saved(annotation.id, () => putAnnotation(database(), annotation));
    return annotation;
  } catch {
    return null;
  }
}

/** Changes a highlight's colour; a failure is reported, not thrown. */
export async function recolorHighlight(id: string, color: HighlightColor): Promise<void> {
  const current = await getAnnotation(database(), id);
  if (current) await saved(id, () => putAnnotation(database(), { ...current, color, updatedAt: Date.now() })).catch(() => undefined);
}

/**
 * Saves a highlight's note as the student types. A failure is reported and rethrown, so the
 * durable saver keeps the draft for the next attempt.
 */
export async function saveHighlightNote(id: string, noteJson: unknown, noteText: string): Promise<void> {
  const current = await getAnnotation(database(), id);
  if (current) await saved(id, () => putAnnotation(database(), { ...current, noteJson, noteText, updatedAt: Date.now() }));
}

/** Deletes a highlight and returns it, so the caller can offer undo; undefined when nothing was deleted. */
export async function removeHighlight(id: string): Promise<StoredAnnotation | undefined> {
  const current = await getAnnotation(database(), id);
  if (!current) return undefined;
  return saved(id, () => deleteAnnotation(database(), id)).then(
    () => current,
    () => undefined,
  );
}

/** Puts a deleted highlight back exactly as it was (undo); a failure is reported, not thrown. */
export async function restoreHighlight(annotation: StoredAnnotation): Promise<void> {
  await saved(annotation.id, () => putAnnotation(database(), annotation)).catch(() => undefined);
}
