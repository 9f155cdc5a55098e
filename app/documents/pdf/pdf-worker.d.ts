// pdf.js ships no types for its worker module; Lectern only hands its message handler back to
// pdf.js (see pdfjs.ts), so an opaque type is enough.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  /** pdf.js's worker-side message handler, run in-thread through a loopback port. */
  export const WorkerMessageHandler: unknown;
}
