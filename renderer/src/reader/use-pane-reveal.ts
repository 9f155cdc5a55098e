/**
 * The places a pane is asked to show, each sent to its surface as an offset: the current find
 * match, a place in the text (a search hit, an index link) and a highlight (a notebook citation).
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { FindMatch } from '../../../app/search/find-in-text';
import type { PlacedHighlight } from '../highlights/placement';
import type { ReadingSurfaceHandle } from './surfaces/surface';

/** What the pane has been asked to show. */
export interface RevealRequests {
  /** The find bar's current match. */
  match: FindMatch | undefined;
  /** A place in the text to scroll to once; `nonce` repeats a request. */
  revealOffset?: { offset: number; nonce: number };
  /** A highlight to select and scroll to once it is placed; `nonce` repeats a request. */
  reveal?: { annotationId: string; nonce: number };
  /** The document's blocks have arrived (nothing can be scrolled to before). */
  ready: boolean;
  placed: readonly PlacedHighlight[];
  showHighlight: (id: string) => void;
}

/** Sends each request to the surface once, when it can be met. */
export function useRevealRequests(surfaceRef: RefObject<ReadingSurfaceHandle | null>, { match, revealOffset, reveal, ready, placed, showHighlight }: RevealRequests): void {
  useEffect(() => {
    if (match) surfaceRef.current?.scrollToOffset(match.start, 'center');
  }, [match, surfaceRef]);

  const handledOffset = useRef<number | null>(null);
  useEffect(() => {
    if (!revealOffset || handledOffset.current === revealOffset.nonce || !ready) return;
    handledOffset.current = revealOffset.nonce;
    // A pane that has just opened lays itself out first; scroll once it has a size.
    requestAnimationFrame(() => requestAnimationFrame(() => surfaceRef.current?.revealOffset(revealOffset.offset)));
    // A long paragraph centred may still hide the offset itself: bring that line to mid-view.
    window.setTimeout(() => surfaceRef.current?.scrollToOffset(revealOffset.offset, 'line'), 200);
  }, [revealOffset, ready, surfaceRef]);

  // Each reveal request scrolls once, when its highlight is placed; later list changes do not.
  const handledReveal = useRef<number | null>(null);
  useEffect(() => {
    if (!reveal || handledReveal.current === reveal.nonce) return;
    const target = placed.find((item) => item.annotation.id === reveal.annotationId);
    if (!target) return;
    handledReveal.current = reveal.nonce;
    showHighlight(target.annotation.id);
    if (target.range) surfaceRef.current?.scrollToOffset(target.range.start, 'center');
  }, [reveal, placed, showHighlight, surfaceRef]);
}
