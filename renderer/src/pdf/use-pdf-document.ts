import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { useEffect, useState } from 'react';
import { useDocumentOriginal } from '../store/original-hooks';
import { openPdfForViewing } from './pdfjs-viewer';

/** A page's size in PDF points (at scale 1, rotation applied). */
export interface PageSize {
  width: number;
  height: number;
}

/** The open PDF of a document, or where opening it stands. */
export type PdfDocumentState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; pdf: PDFDocumentProxy; sizes: PageSize[]; docId: string };

/**
 * Opens a document's kept original with pdf.js and measures every page, so the view can lay out
 * placeholders of the right size before any page is drawn. Closes the PDF when done with it.
 */
export function usePdfDocument(docId: string): PdfDocumentState {
  const original = useDocumentOriginal(docId);
  const [state, setState] = useState<PdfDocumentState>({ status: 'loading' });

  useEffect(() => {
    if (original === undefined) return setState({ status: 'loading' });
    if (original === null) return setState({ status: 'missing' });
    let cancelled = false;
    let opened: PDFDocumentProxy | undefined;
    setState({ status: 'loading' });
    void (async () => {
      try {
        const bytes = original instanceof Blob ? new Uint8Array(await original.arrayBuffer()) : original.slice();
        if (cancelled) return;
        opened = await openPdfForViewing(bytes);
        if (cancelled) return void opened.destroy();
        const sizes = await measurePages(opened);
        if (!cancelled) setState({ status: 'ready', pdf: opened, sizes, docId });
      } catch (error) {
        if (!cancelled) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [original, docId]);

  // Until the effect catches up with a new document, the previous one is not shown as this one.
  return state.status === 'ready' && state.docId !== docId ? { status: 'loading' } : state;
}

async function measurePages(pdf: PDFDocumentProxy): Promise<PageSize[]> {
  const pages = await Promise.all(Array.from({ length: pdf.numPages }, (_, index) => pdf.getPage(index + 1)));
  return pages.map((page) => {
    const { width, height } = page.getViewport({ scale: 1 });
    return { width, height };
  });
}
