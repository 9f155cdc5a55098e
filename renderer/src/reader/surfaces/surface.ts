/**
 * The contract every way of showing a document implements: the text view, the PDF pages, the EPUB
 * pages, and any later format. The pane speaks to a surface only in canonical offsets (and, for
 * paged formats, a page selector); how the surface draws, selects and scrolls is its own affair.
 */
import type { ReactNode, Ref } from 'react';
import type { Block } from '../../../../app/documents/model';
import type { PageSelector } from '../../../../app/anchoring/selectors';
import type { DocumentSummary, StoredCitation } from '../../../../app/store/records';
import type { HighlightColor } from '../../highlights/colors';
import type { PlacedHighlight } from '../../highlights/placement';
import type { ToolbarSpot } from '../../highlights/SelectionToolbar';
import type { ScrollSpot } from '../../workspace/workspace-state';

/** A range of the canonical text, [start, end), with the page it starts on for paged formats. */
export interface SurfaceRange {
  start: number;
  end: number;
  /** The page the range starts on and its rectangles there (PDF). */
  page?: PageSelector;
}

/** Text the student has selected on a surface, waiting for a colour. */
export interface SurfaceSelection extends SurfaceRange {
  /** Where the colour toolbar goes, relative to the element the surface draws `toolbar` in. */
  spot: ToolbarSpot;
}

/** Find-in-document matches, as canonical offsets, and which one is current. */
export interface SurfaceFind {
  matches: readonly { start: number; end: number }[];
  current: number;
}

/** How a surface brings an offset into view. */
export type ScrollHow =
  /** Its block (or page) mid-view: find matches, highlights chosen in the sidebar. */
  | 'center'
  /** Its block at the top of the view. */
  | 'start'
  /** The line holding it mid-view, for an offset deep inside a long paragraph (a search hit). */
  | 'line'
  /** The line holding it first in view: the place kept when switching between views. */
  | 'top-line';

/** What the pane can ask of a surface. */
export interface ReadingSurfaceHandle {
  /** Brings the text at `offset` into view. */
  scrollToOffset: (offset: number, how: ScrollHow) => void;
  /** Brings the text at `offset` into view and points the eye at it (a reference entry, a search hit). */
  revealOffset: (offset: number) => void;
  /** The canonical text on screen, or null while nothing is laid out. */
  visibleRange: () => { start: number; end: number } | null;
  /** Drops the student's selection on the surface (it has been highlighted). */
  clearSelection: () => void;
}

/** What every surface is given. */
export interface ReadingSurfaceProps {
  docId: string;
  /** The document's details (title, byline, language), for surfaces that show a header. */
  summary: DocumentSummary;
  /** The canonical text and its blocks (blocks carry the page they start on in paged formats). */
  text: string;
  blocks: readonly Block[];
  /** The document's highlights, placed on `text`. */
  placed: readonly PlacedHighlight[];
  /** The document's in-text citations. */
  citations: readonly StoredCitation[];
  selectedId: string | null;
  find: SurfaceFind;
  /** Where the student left off (text view); reported back as she scrolls. */
  initialScroll?: ScrollSpot;
  onScroll: (spot: ScrollSpot) => void;
  /** A highlight clicked on the surface. */
  onSelectHighlight: (id: string) => void;
  /** The student's selection, as canonical offsets, as it changes; null when there is none. */
  onSelection: (selection: SurfaceSelection | null) => void;
  /** Highlights a range chosen on the surface itself (a colour key pressed inside the page). */
  onCreateHighlight: (range: SurfaceRange, color: HighlightColor) => void;
  /** The colour toolbar for the selection, drawn by the surface where its `spot` is measured from. */
  toolbar: ReactNode;
  ref?: Ref<ReadingSurfaceHandle>;
}
