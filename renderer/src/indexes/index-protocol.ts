/** Messages between the Index view and its worker. */
import type { LibraryIndexes } from './index-data';

/** View → worker: rebuild both indexes from the store. */
export interface IndexRequest {
  type: 'build-indexes';
  requestId: number;
}

/** Worker → view: the rows, or a message the student can act on. */
export type IndexReply =
  | { type: 'indexes'; requestId: number; ok: true; indexes: LibraryIndexes }
  | { type: 'indexes'; requestId: number; ok: false; error: string };
