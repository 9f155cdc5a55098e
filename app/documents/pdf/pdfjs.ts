/**
 * Loading pdf.js once and opening documents with it the same way everywhere Lectern runs: in
 * Node (CLI, tests, benchmarks) and in the import Web Worker. The import already runs off the UI
 * thread, so pdf.js's own worker is not wanted: its message handler is registered on
 * `globalThis.pdfjsWorker`, which makes pdf.js run its parser in the same thread through a loopback
 * port instead of fetching a worker script.
 *
 * The legacy build is used because the modern one relies on APIs Node 20 lacks
 * (Promise.withResolvers and newer); it runs unchanged in Chromium's workers too.
 */
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfjsModule = typeof Pdfjs;

let loading: Promise<PdfjsModule> | undefined;

/** The pdf.js module, imported on first use only so text imports never pay for it. */
export function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= (async () => {
    const [pdfjs, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = { WorkerMessageHandler: worker.WorkerMessageHandler };
    return pdfjs;
  })();
  return loading;
}

/** Why a PDF could not be opened, in terms the importer turns into a message. */
export type PdfOpenFailure = 'password' | 'damaged';

/** An open document, or why it could not be opened. Close it with `pdf.destroy()`. */
export type PdfOpenResult = { ok: true; pdf: PDFDocumentProxy } | { ok: false; failure: PdfOpenFailure; detail: string };

/**
 * Opens `bytes` with the options Lectern always uses: no eval (the app's Content-Security-Policy
 * forbids it), no font loading or fetching of any kind (text extraction needs no glyphs), and
 * errors only on the console.
 */
export async function openPdf(bytes: Uint8Array): Promise<PdfOpenResult> {
  const pdfjs = await loadPdfjs();
  // pdf.js transfers the buffer it is given to its worker side: hand it a copy.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    return { ok: true, pdf: await task.promise };
  } catch (error) {
    await task.destroy();
    const name = error instanceof Error ? error.name : '';
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, failure: name === 'PasswordException' ? 'password' : 'damaged', detail };
  }
}
