/** What the Index view's worker serves, over the worker channel. */
import type { Method } from '../workers/channel';
import type { LibraryIndexes } from './index-data';

/** Rebuilds both indexes from the store; an error is a message the student can act on. */
export type IndexWorkerProtocol = {
  'build-indexes': Method<Record<string, never>, LibraryIndexes>;
};
