/**
 * The pane's side of highlighting: the selection a surface reports, turned into a highlight by
 * the colour toolbar, a colour key or the surface itself; the passage kept above the narrow
 * pane's sheet; a highlight dragged out of the text.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import { quoteSelectorOf } from '../../../app/anchoring/selectors';
import type { StoredAnnotation } from '../../../app/store/annotations-repo';
import type { HighlightColor } from '../highlights/colors';
import { startHighlightDrag } from '../highlights/drag';
import { useColorKeys } from '../highlights/use-color-keys';
import type { ReadingSurfaceHandle, SurfaceRange, SurfaceSelection } from './surfaces/surface';

/**
 * The selection waiting for a colour. `create` makes the highlight; the toolbar's `highlight`
 * and keys 1–5 (or H) use the selection reported, `createFromSurface` a range the surface gives.
 */
export function useSurfaceSelection(surfaceRef: RefObject<ReadingSurfaceHandle | null>, create: (range: SurfaceRange, color: HighlightColor) => Promise<unknown>) {
  const [pending, setPending] = useState<SurfaceSelection | null>(null);
  const createFromSurface = useCallback(
    (range: SurfaceRange, color: HighlightColor) => {
      setPending(null);
      void create(range, color);
    },
    [create],
  );
  const highlight = useCallback(
    (color: HighlightColor) => {
      if (!pending) return;
      surfaceRef.current?.clearSelection();
      setPending(null);
      void create(pending, color);
    },
    [pending, create, surfaceRef],
  );
  useColorKeys(pending !== null, highlight);
  return { pending, setPending, highlight, createFromSurface };
}

/**
 * In a narrow pane the sidebar is a sheet over the lower part of the text: the chosen passage
 * scrolls up above it, so the note and its passage are in view together.
 */
export function usePassageAboveSheet(paneRef: RefObject<HTMLElement | null>, sheet: boolean, selectedId: string | null): void {
  useEffect(() => {
    if (!sheet || !selectedId) return;
    const frame = requestAnimationFrame(() => {
      const pane = paneRef.current;
      const mark = pane?.querySelector<HTMLElement>(`mark[data-annotation-id="${CSS.escape(selectedId)}"]`);
      const cover = pane?.querySelector<HTMLElement>('.highlight-sidebar');
      const scroller = mark?.closest<HTMLElement>('.pane-scroll');
      if (!mark || !cover || !scroller) return;
      const passage = mark.getBoundingClientRect();
      const covered = passage.bottom - cover.getBoundingClientRect().top + 24;
      const room = passage.top - scroller.getBoundingClientRect().top - 24;
      if (covered > 0) scroller.scrollTop += Math.min(covered, Math.max(0, room));
    });
    return () => cancelAnimationFrame(frame);
  }, [paneRef, sheet, selectedId]);
}

/**
 * A highlight in the text drags like its card: into a notebook as a cited quote. Only the
 * selected highlight's mark is draggable (a click selects it), so a press inside any other
 * highlight still starts a text selection, and a drag never selects across the page.
 */
export function useHighlightDragFromText(
  docId: string,
  annotations: readonly StoredAnnotation[] | undefined,
  citationOf?: (selectors: StoredAnnotation['selectors']) => string | undefined,
) {
  return useCallback(
    (event: React.DragEvent) => {
      const mark = (event.target as Element).closest?.('mark[data-annotation-id]');
      const id = mark?.getAttribute('data-annotation-id');
      const annotation = id ? annotations?.find((a) => a.id === id) : undefined;
      if (!annotation) return;
      startHighlightDrag(event, { docId, annotationId: annotation.id }, quoteSelectorOf(annotation.selectors)?.exact ?? mark?.textContent ?? '', citationOf?.(annotation.selectors));
    },
    [annotations, docId, citationOf],
  );
}
