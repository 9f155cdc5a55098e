/** What the bibliography worker serves, over the worker channel. */
import type { BibliographyImport } from '../../../app/bibliography/import-bibliography';
import type { Method } from '../workers/channel';

/** Progress of one import: entries read so far, of how many. */
export interface BibliographyImportProgress {
  done: number;
  total: number;
}

/** Reads a bibliography file and stores its works; an unreadable file is a message naming it. */
export type BibliographyWorkerProtocol = {
  'import-bibliography': Method<{ fileName: string; file: Blob }, BibliographyImport, BibliographyImportProgress>;
};
