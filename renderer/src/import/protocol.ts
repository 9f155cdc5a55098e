/** What the UI and the import worker say to each other, over the worker channel. */
import type { Method } from '../workers/channel';

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
      /** The import worker sent it to the search worker to be indexed: nobody else need ask. */
      indexed?: boolean;
    }
  | { name: string; ok: false; error: string };

/** What the import worker reports while a job runs. */
export type ImportUpdate =
  | { type: 'progress'; done: number; total: number; current: string }
  /** The outcomes of the next files of the job, in the order they were dropped (stored together, reported together). */
  | { type: 'files'; outcomes: FileOutcome[] };

/** What the import worker serves. */
export type ImportWorkerProtocol = {
  /** Imports files one after another, one job at a time; resolves whether it was cancelled. */
  import: Method<{ files: { name: string; blob: Blob }[] }, { cancelled: boolean }, ImportUpdate>;
  /** A port to the search worker: new documents stored from now on are sent there to be indexed. */
  'attach-search': Method<{ port: MessagePort }, null>;
};

/** What the UI thread serves the import worker. */
export type ImportUiProtocol = {
  /**
   * The worker has no DOM, so it asks the UI thread to run a web page through DOMPurify before
   * reading it; the page is parsed by the browser there but never inserted into the document.
   */
  sanitize: Method<{ html: string }, string>;
};
