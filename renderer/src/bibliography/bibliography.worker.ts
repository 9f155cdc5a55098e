/// <reference lib="webworker" />
import { importBibliography } from '../../../app/bibliography/import-bibliography';
import { openLecternDb } from '../../../app/store/db';
import { describeStorageError } from '../../../app/store/documents-repo';
import { openChannel } from '../workers/channel';
import type { BibliographyWorkerProtocol } from './bibliography-protocol';

// A bibliography of thousands of entries takes seconds to parse: it runs here, beside the
// store, so the library stays responsive and only the summary crosses back.
const db = openLecternDb();

openChannel<Record<never, never>, BibliographyWorkerProtocol>(self, {
  async 'import-bibliography'({ fileName, file }, { progress }) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let done;
    try {
      done = await importBibliography(db, fileName, bytes, (read, total) => progress({ done: read, total }));
    } catch (error) {
      throw new Error(`${describeStorageError(error)} Nothing from “${fileName}” was added.`, { cause: error });
    }
    if (!done.ok) throw new Error(done.error);
    return done.value;
  },
});
