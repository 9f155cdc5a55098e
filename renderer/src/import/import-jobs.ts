/**
 * The import worker's work: parse the dropped files one after another and store them in batches,
 * reporting progress and each batch's outcomes over the worker channel. It takes the store it
 * writes to, so tests run it on an in-memory database without a worker.
 */
import type { ImportContext } from '../../../app/documents/html/sanitize';
import type { LecternDb } from '../../../app/store/db';
import { toSummary } from '../../../app/store/document-summary';
import type { ImportedDocument, SearchIndexingProtocol } from '../search/search-protocol';
import { openChannel, type Caller, type Channel, type Handlers } from '../workers/channel';
import { parseOne, storeBatch, type ParsedFile } from './import-file';
import type { FileOutcome, ImportUiProtocol, ImportUpdate, ImportWorkerProtocol } from './protocol';

/**
 * Files parsed one after another are stored together: one transaction (one wait for the disk,
 * one change for the library view to follow) per batch instead of per file. A batch is stored
 * once it is this old, so rows keep appearing a few times a second and a file parsed just
 * before a slow one does not wait for it...
 */
const BATCH_WAIT_MS = 250;
/** ...or once it holds this many files... */
const BATCH_FILES = 64;
/** ...or this much text and original bytes, so a batch of books is not all held in memory. */
const BATCH_BYTES = 32 * 1024 * 1024;

/** Web pages are sanitized by DOMPurify on the UI thread, the nearest DOM. */
function contextFor(ui: Caller<ImportUiProtocol>): ImportContext {
  return {
    sanitizeHtml: async (html) => {
      const sanitized = await ui.call('sanitize', { html });
      if (!sanitized.ok) throw new Error(sanitized.error);
      return sanitized.value;
    },
  };
}

/** One file's place in a batch: parsed and waiting to be stored, or already decided (unreadable). */
type Slot = { file: ParsedFile } | { outcome: FileOutcome };

/** Collects a job's parsed files and stores them in batches, in order, reporting each batch's outcomes. */
class BatchWriter {
  private slots: Slot[] = [];
  private bytes = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The batches stored so far, in order: each starts when the one before has been reported. */
  private stored: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: LecternDb,
    private readonly report: (update: ImportUpdate) => void,
    /** Sends new documents to be indexed; false when there is nowhere to send them. */
    private readonly index: (documents: ImportedDocument[]) => boolean,
  ) {}

  add(slot: Slot): void {
    this.slots.push(slot);
    if ('file' in slot) this.bytes += slot.file.bytes;
    if (this.slots.length >= BATCH_FILES || this.bytes >= BATCH_BYTES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), BATCH_WAIT_MS);
  }

  /** Stores what is waiting; the next file parses while the batch is written. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.slots.length === 0) return;
    const slots = this.slots;
    this.slots = [];
    this.bytes = 0;
    this.stored = this.stored.then(async () => {
      const files = slots.flatMap((slot) => ('file' in slot ? [slot.file] : []));
      const stored = await storeBatch(this.db, files);
      let next = 0;
      const outcomes = slots.map((slot) => ('file' in slot ? stored[next++]! : slot.outcome));
      // This worker holds the new documents' texts: it hands them to the search index itself.
      const fresh = files.flatMap((file, i) => {
        const outcome = stored[i]!;
        return outcome.ok && outcome.created && !outcome.replaced ? [{ outcome, document: indexable(file) }] : [];
      });
      if (fresh.length > 0 && this.index(fresh.map((entry) => entry.document))) for (const { outcome } of fresh) outcome.indexed = true;
      this.report({ type: 'files', outcomes });
    });
  }

  /** Stores what is waiting and resolves once every batch has been stored and reported. */
  finish(): Promise<void> {
    this.flush();
    return this.stored;
  }
}

/** A stored document as the search index takes it, with the title and authors its summary row has. */
function indexable(file: ParsedFile): ImportedDocument {
  const summary = toSummary(file.doc, 0);
  return { id: file.doc.id, title: summary.title, ...(summary.authorsLabel ? { authorsLabel: summary.authorsLabel } : {}), text: file.doc.text };
}

/** The import worker's handlers over `db`. */
export function importHandlers(db: LecternDb): Handlers<ImportWorkerProtocol, ImportUiProtocol> {
  // One job at a time, in order: two drops in a row must not race for the same document id.
  let queue: Promise<unknown> = Promise.resolve();
  let search: { port: MessagePort; channel: Channel<SearchIndexingProtocol> } | null = null;
  const index = (documents: ImportedDocument[]): boolean => {
    if (!search) return false;
    void search.channel.call('index-imported', { documents }).then((indexed) => {
      if (!indexed.ok) console.error('New documents could not be indexed for search.', indexed.error);
    });
    return true;
  };
  return {
    'attach-search'({ port }) {
      search?.channel.close();
      search?.port.close();
      search = { port, channel: openChannel<SearchIndexingProtocol>(port) };
      port.start();
      return null;
    },
    import({ files }, { signal, progress, remote }) {
      const run = async () => {
        const context = contextFor(remote);
        const writer = new BatchWriter(db, progress, index);
        for (const [index, file] of files.entries()) {
          if (signal.aborted) break;
          progress({ type: 'progress', done: index, total: files.length, current: file.name });
          const parsed = await parseOne(file.name, file.blob, context);
          writer.add(parsed.ok ? { file: parsed.file } : { outcome: parsed.outcome });
        }
        // Files parsed before a cancel are kept, as they were when each was stored on its own.
        await writer.finish();
        progress({ type: 'progress', done: files.length, total: files.length, current: '' });
        return { cancelled: signal.aborted };
      };
      const job = queue.then(run);
      queue = job.catch(() => undefined);
      return job;
    },
  };
}
