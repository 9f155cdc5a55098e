import { useMemo } from 'react';
import { describeRange } from '../../../app/anchoring/describe';
import type { PageSelector } from '../../../app/anchoring/selectors';
import { deleteAnnotation, getAnnotation, putAnnotation, type StoredAnnotation } from '../../../app/store/annotations-repo';
import type { LecternDb } from '../../../app/store/db';
import type { SearchChange } from '../search/search-service';
import { useServices } from '../services/context';
import type { Notices } from '../services/notices';
import type { HighlightColor } from './colors';

/** What the highlight actions use: the store, the notices for failures, and the search index's change signal. */
export interface HighlightServices {
  database: LecternDb;
  notices: Pick<Notices, 'storageError'>;
  search: { changed: (change: SearchChange) => void };
}

/** The writes a student makes to highlights; every failure is reported through the notices. */
export interface HighlightActions {
  /** Creates a highlight over [start, end) of a document's text; resolves with it, or null when it could not be saved (already reported). */
  create: (docId: string, text: string, start: number, end: number, color: HighlightColor, page?: PageSelector) => Promise<StoredAnnotation | null>;
  /** Changes a highlight's colour; a failure is reported, not thrown. */
  recolor: (id: string, color: HighlightColor) => Promise<void>;
  /**
   * Saves a highlight's note as the student types. A failure is reported and rethrown, so the
   * durable saver keeps the draft for the next attempt.
   */
  saveNote: (id: string, noteJson: unknown, noteText: string) => Promise<void>;
  /** Deletes a highlight and returns it, so the caller can offer undo; undefined when nothing was deleted. */
  remove: (id: string) => Promise<StoredAnnotation | undefined>;
  /** Puts a deleted highlight back exactly as it was (undo); a failure is reported, not thrown. */
  restore: (annotation: StoredAnnotation) => Promise<void>;
}

/** The highlight actions over the given services. */
export function highlightActions({ database, notices, search }: HighlightServices): HighlightActions {
  /** Writes one highlight, reports a failure to the student and tells search what changed. */
  async function saved<T>(id: string, write: () => Promise<T>): Promise<T> {
    try {
      const result = await write();
      search.changed({ kind: 'annotation', id });
      return result;
    } catch (error) {
      notices.storageError(error);
      throw error;
    }
  }

  /** Reads a highlight; a failed read is reported like a failed write. */
  async function current(id: string): Promise<StoredAnnotation | undefined> {
    try {
      return await getAnnotation(database, id);
    } catch (error) {
      notices.storageError(error);
      throw error;
    }
  }

  return {
    async create(docId, text, start, end, color, page) {
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
        await saved(annotation.id, () => putAnnotation(database, annotation));
        return annotation;
      } catch {
        return null;
      }
    },
    async recolor(id, color) {
      const stored = await current(id).catch(() => undefined);
      if (stored) await saved(id, () => putAnnotation(database, { ...stored, color, updatedAt: Date.now() })).catch(() => undefined);
    },
    async saveNote(id, noteJson, noteText) {
      const stored = await current(id);
      if (stored) await saved(id, () => putAnnotation(database, { ...stored, noteJson, noteText, updatedAt: Date.now() }));
    },
    async remove(id) {
      const stored = await current(id).catch(() => undefined);
      if (!stored) return undefined;
      return saved(id, () => deleteAnnotation(database, id)).then(
        () => stored,
        () => undefined,
      );
    },
    async restore(annotation) {
      await saved(annotation.id, () => putAnnotation(database, annotation)).catch(() => undefined);
    },
  };
}

/** The highlight actions over the app's services. */
export function useHighlightActions(): HighlightActions {
  const services = useServices();
  return useMemo(() => highlightActions(services), [services]);
}
