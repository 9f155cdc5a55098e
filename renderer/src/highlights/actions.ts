import { describeRange } from '../../../app/anchoring/describe';
import type { PageSelector } from '../../../app/anchoring/selectors';
import { deleteAnnotation, getAnnotation, putAnnotation, type StoredAnnotation } from '../../../app/store/annotations-repo';
import { database } from '../store/hooks';
import type { HighlightColor } from './colors';

/** Creates a highlight over [start, end) of a document's text; resolves with it. */
export async function createHighlight(
  docId: string,
  text: string,
  start: number,
  end: number,
  color: HighlightColor,
  page?: PageSelector,
): Promise<StoredAnnotation> {
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
  await putAnnotation(database(), annotation);
  return annotation;
}

/** Changes a highlight's colour. */
export async function recolorHighlight(id: string, color: HighlightColor): Promise<void> {
  const current = await getAnnotation(database(), id);
  if (current) await putAnnotation(database(), { ...current, color, updatedAt: Date.now() });
}

/** Saves a highlight's note as the student types. */
export async function saveHighlightNote(id: string, noteJson: unknown, noteText: string): Promise<void> {
  const current = await getAnnotation(database(), id);
  if (current) await putAnnotation(database(), { ...current, noteJson, noteText, updatedAt: Date.now() });
}

/** Deletes a highlight and returns it, so the caller can offer undo. */
export async function removeHighlight(id: string): Promise<StoredAnnotation | undefined> {
  const current = await getAnnotation(database(), id);
  if (current) await deleteAnnotation(database(), id);
  return current;
}

/** Puts a deleted highlight back exactly as it was (undo). */
export async function restoreHighlight(annotation: StoredAnnotation): Promise<void> {
  await putAnnotation(database(), annotation);
}
