import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { useEffect, useState } from 'react';
import { readPageLinks, type PageLink } from './pdf-links';

const NONE: PageLink[] = [];

/** The links of a page while it is near the viewport (read from pdf.js once each time it comes near). */
export function usePageLinks(pdf: PDFDocumentProxy, pageNumber: number, near: boolean): PageLink[] {
  const [links, setLinks] = useState<PageLink[]>(NONE);
  useEffect(() => {
    if (!near) return setLinks(NONE);
    let cancelled = false;
    // A PDF closed under a page still loading (the pane closed) has no links to show.
    void readPageLinks(pdf, pageNumber)
      .catch(() => NONE)
      .then((read) => {
        if (!cancelled) setLinks(read.length ? read : NONE);
      });
    return () => {
      cancelled = true;
    };
  }, [pdf, pageNumber, near]);
  return links;
}
