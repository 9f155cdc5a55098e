/// <reference lib="webworker" />
import { openLecternDb } from '../../../app/store/db';
import { describeStorageError } from '../../../app/store/documents-repo';
import { readLibrarySources } from '../../../app/store/library-reads';
import { buildLibraryIndexes } from './index-data';
import type { IndexReply, IndexRequest } from './index-protocol';

// Finding every name in every text takes about a second on a large library: it runs here so
// the view stays responsive. The worker reads the store itself rather than receiving the texts.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = openLecternDb();

async function build(requestId: number): Promise<IndexReply> {
  let sources;
  try {
    sources = await readLibrarySources(db);
  } catch (error) {
    return { type: 'indexes', requestId, ok: false, error: describeStorageError(error) };
  }
  try {
    return { type: 'indexes', requestId, ok: true, indexes: buildLibraryIndexes(sources) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { type: 'indexes', requestId, ok: false, error: `Lectern could not build the index: ${reason}. Reopening the Index view tries again.` };
  }
}

scope.addEventListener('message', (message: MessageEvent<IndexRequest>) => {
  if (message.data?.type !== 'build-indexes') return;
  void build(message.data.requestId).then((reply) => scope.postMessage(reply));
});
