/// <reference lib="webworker" />
import { openLecternDb } from '../../../app/store/db';
import { describeStorageError } from '../../../app/store/documents-repo';
import { readLibrarySources } from '../../../app/store/library-reads';
import { openChannel } from '../workers/channel';
import { buildLibraryIndexes } from './index-data';
import type { IndexWorkerProtocol } from './index-protocol';

// Finding every name in every text takes about a second on a large library: it runs here so
// the view stays responsive. The worker reads the store itself rather than receiving the texts.
const db = openLecternDb();

openChannel<Record<never, never>, IndexWorkerProtocol>(self, {
  async 'build-indexes'() {
    let sources;
    try {
      sources = await readLibrarySources(db);
    } catch (error) {
      throw new Error(describeStorageError(error), { cause: error });
    }
    try {
      return buildLibraryIndexes(sources);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Lectern could not build the index: ${reason}. Reopening the Index view tries again.`, { cause: error });
    }
  },
});
