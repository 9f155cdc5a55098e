/**
 * Which surface shows a document: chosen from its format and the pane's page-view choice. A new
 * way of showing a format is one module implementing ReadingSurfaceProps and one line here.
 */
import type { ComponentType } from 'react';
import type { DocumentFormat } from '../../../../app/documents/model';
import { EpubPageView } from '../../epub/EpubPageView';
import { PdfPageView } from '../../pdf/PdfPageView';
import type { ReadingSurfaceProps } from './surface';
import { TextSurface } from './TextSurface';

/** One way of showing documents. */
export interface SurfaceEntry {
  /** Names the surface (kept on the pane's element for styling and tests). */
  id: string;
  /** The formats it shows; null: every format (the reflowed text). */
  formats: readonly DocumentFormat[] | null;
  /** Shown when the student asks for the pages rather than the reflowed text. */
  pages: boolean;
  Component: ComponentType<ReadingSurfaceProps>;
}

/** Every surface, the first that fits a document wins; the text view, last, fits them all. */
export const SURFACES: readonly SurfaceEntry[] = [
  { id: 'pdf-pages', formats: ['pdf'], pages: true, Component: PdfPageView },
  { id: 'epub-pages', formats: ['epub'], pages: true, Component: EpubPageView },
  { id: 'text', formats: null, pages: false, Component: TextSurface },
];

const fits = (entry: SurfaceEntry, format: DocumentFormat) => entry.formats === null || entry.formats.includes(format);

/** The surface for a document of `format`, its pages when `pageView` is on and it has them. */
export function surfaceFor(format: DocumentFormat, pageView: boolean, surfaces: readonly SurfaceEntry[] = SURFACES): SurfaceEntry {
  const found = surfaces.find((entry) => entry.pages === pageView && fits(entry, format)) ?? surfaces.find((entry) => !entry.pages && fits(entry, format));
  if (!found) throw new Error(`No reading surface shows ${format} documents.`);
  return found;
}

/** Whether documents of `format` can be shown as pages (the pane then offers the page view). */
export function hasPageView(format: DocumentFormat, surfaces: readonly SurfaceEntry[] = SURFACES): boolean {
  return surfaces.some((entry) => entry.pages && fits(entry, format));
}
