/** What the quote check's worker serves, over the worker channel. */
import type { CheckReport } from '../../../app/check/report';
import type { Method } from '../workers/channel';

/** The draft to check: a file the student opened or dropped, or a passage she pasted. */
export type DraftInput = { kind: 'file'; fileName: string; bytes: Uint8Array } | { kind: 'text'; text: string };

/** How far a check has come. */
export type CheckProgress =
  | { phase: 'draft' }
  | { phase: 'sources'; done: number; total: number }
  | { phase: 'quotes'; sources: number };

/** One check. */
export interface CheckRequest {
  draft: DraftInput;
  /** Style of the expected citations (an id of CHECK_STYLES). */
  style: string;
  /** Use the draft and library texts of the last check again (a new style), when the worker still has them. */
  again?: boolean;
}

/** The worker's methods. */
export type CheckWorkerProtocol = {
  /** Reads the draft and the library's texts, checks every quotation; an error is a message the student can act on. */
  check: Method<CheckRequest, CheckReport, CheckProgress>;
};
