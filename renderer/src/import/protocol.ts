/** Messages between the UI and the import worker. */

/** UI → worker. */
export type ImportRequest =
  | { type: 'import'; jobId: number; files: { name: string; blob: Blob }[] }
  | { type: 'cancel'; jobId: number }
  /** The answer to a 'sanitize' event: DOMPurify's output, or why it could not run. */
  | { type: 'sanitized'; requestId: number; html: string; error?: string };

/** The outcome for one file. */
export type FileOutcome =
  | {
      name: string;
      ok: true;
      id: string;
      title: string;
      created: boolean;
      /** Set when the file was a new version of a document already in the library. */
      replaced?: { id: string; moved: number; orphaned: number };
      /** What the importer wants the student to know (nesting flattened, pages missing...). */
      warning?: string;
    }
  | { name: string; ok: false; error: string };

/** Worker → UI. */
export type ImportEvent =
  | { type: 'progress'; jobId: number; done: number; total: number; current: string }
  /** The outcomes of the next files of the job, in the order they were dropped (stored together, reported together). */
  | { type: 'files'; jobId: number; outcomes: FileOutcome[] }
  | { type: 'finished'; jobId: number; cancelled: boolean }
  /**
   * The worker has no DOM, so it asks the UI thread to run a web page through DOMPurify before
   * reading it; the page is parsed by the browser there but never inserted into the document.
   */
  | { type: 'sanitize'; jobId: number; requestId: number; html: string };
