/// <reference lib="webworker" />
import { openLecternDb } from '../../../app/store/db';
import { parseOne, storeBatch, type ParsedFile } from './import-file';
import type { ImportContext } from '../../../app/documents/html/sanitize';
import type { FileOutcome } from './protocol';
import type { ImportEvent, ImportRequest } from './protocol';

// Parsing runs here, off the UI thread; the worker writes to the same IndexedDB as the UI.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = openLecternDb();
const cancelled = new Set<number>();
let queue: Promise<void> = Promise.resolve();
let nextRequest = 1;
const waiting = new Map<number, { resolve: (html: string) => void; reject: (error: Error) => void }>();

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

function post(event: ImportEvent): void {
  scope.postMessage(event);
}

/** Web pages are sanitized by DOMPurify on the UI thread, the nearest DOM. */
function contextFor(jobId: number): ImportContext {
  return {
    sanitizeHtml: (html) =>
      new Promise<string>((resolve, reject) => {
        const requestId = nextRequest++;
        waiting.set(requestId, { resolve, reject });
        post({ type: 'sanitize', jobId, requestId, html });
      }),
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

  constructor(private readonly jobId: number) {}

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
      const stored = await storeBatch(db, files);
      let next = 0;
      const outcomes = slots.map((slot) => ('file' in slot ? stored[next++]! : slot.outcome));
      post({ type: 'files', jobId: this.jobId, outcomes });
    });
  }

  /** Stores what is waiting and resolves once every batch has been stored and reported. */
  finish(): Promise<void> {
    this.flush();
    return this.stored;
  }
}

async function run(jobId: number, files: { name: string; blob: Blob }[]): Promise<void> {
  const context = contextFor(jobId);
  const writer = new BatchWriter(jobId);
  for (const [index, file] of files.entries()) {
    if (cancelled.has(jobId)) break;
    post({ type: 'progress', jobId, done: index, total: files.length, current: file.name });
    const parsed = await parseOne(file.name, file.blob, context);
    writer.add(parsed.ok ? { file: parsed.file } : { outcome: parsed.outcome });
  }
  // Files parsed before a cancel are kept, as they were when each was stored on its own.
  await writer.finish();
  post({ type: 'progress', jobId, done: files.length, total: files.length, current: '' });
  post({ type: 'finished', jobId, cancelled: cancelled.delete(jobId) });
}

scope.addEventListener('message', (message: MessageEvent<ImportRequest>) => {
  const request = message.data;
  if (request.type === 'sanitized') {
    const waiter = waiting.get(request.requestId);
    waiting.delete(request.requestId);
    if (request.error !== undefined) waiter?.reject(new Error(request.error));
    else waiter?.resolve(request.html);
  } else if (request.type === 'cancel') cancelled.add(request.jobId);
  // One job at a time, in order: two drops in a row must not race for the same document id.
  else queue = queue.then(() => run(request.jobId, request.files));
});
