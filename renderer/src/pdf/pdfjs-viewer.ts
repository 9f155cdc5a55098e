/**
 * pdf.js for the page view, in the renderer. Unlike the import (which already runs in a worker and
 * parses in-thread), the page view keeps parsing off the UI thread with pdf.js's own worker: one
 * module worker for the app's life, shared by every open document. The worker is pdf.js's worker
 * module itself (it listens on its own port when started as a worker), the same file the import
 * worker loads, so the build ships pdf.js once (see renderer/vite-plugins.ts).
 */
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

type PdfjsModule = typeof Pdfjs;

let loading: Promise<PdfjsModule> | undefined;

/** Pixels of the largest picture drawn: a 600 dpi scan of an A3 page has 70 million. */
export const MAX_IMAGE_PIXELS = 100_000_000;

/** The pdf.js module with its worker set up, loaded on first use so other views never pay for it. */
export function loadViewerPdfjs(): Promise<PdfjsModule> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerPort ??= new Worker(pdfWorkerUrl, { type: 'module', name: 'lectern-pdf-view' });
    return pdfjs;
  });
  return loading;
}

/**
 * Opens `bytes` for viewing. No eval (the Content-Security-Policy forbids it) and nothing fetched:
 * no CMaps, standard-font data or WebAssembly decoders. Embedded fonts are loaded as FontFace
 * objects from their bytes (no network), which draws text far better than glyph outlines; fonts a
 * file does not embed fall back to the system's. Pictures are not decoded above MAX_IMAGE_PIXELS:
 * the import measured the file's compressed streams, but a JPEG or JBIG2 picture can declare any
 * size, and pdf.js would decode it whole to draw it.
 */
export async function openPdfForViewing(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadViewerPdfjs();
  return pdfjs.getDocument({
    data: bytes,
    maxImageSize: MAX_IMAGE_PIXELS,
    isEvalSupported: false,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  }).promise;
}
