/**
 * Files the system hands Lectern to open: paths on the command line (a double-click on an
 * associated file on Windows and Linux starts Lectern with the path, or reaches the running
 * instance through 'second-instance') and macOS's 'open-file' events, which can come before the
 * app is ready. Only paths with an importable extension are kept, at most MAX_WAITING at a time;
 * the renderer is told that files are waiting and takes them through takeOpenedFiles, which reads
 * them within the import limit. No path or byte is pushed to the renderer unasked.
 */
import path from 'node:path';
import { IMPORTABLE_EXTENSIONS } from '../app/documents/import-limits';

/** More paths than this at once are not a student opening documents. */
export const MAX_WAITING = 100;

/** Absolute paths of the importable files among command-line arguments (flags, the executable and the app's own path skipped). */
export function filesFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && IMPORTABLE_EXTENSIONS.includes(path.extname(arg).toLowerCase()))
    .map((arg) => path.resolve(workingDirectory, arg));
}

/** Paths waiting to be imported, each taken once. */
export class OpenFileQueue {
  private waiting: string[] = [];

  /** Adds importable paths (others are ignored); says whether any was added. */
  add(paths: readonly string[]): boolean {
    const fresh = [...new Set(paths)].filter((file) => IMPORTABLE_EXTENSIONS.includes(path.extname(file).toLowerCase()) && !this.waiting.includes(file));
    this.waiting = [...this.waiting, ...fresh].slice(0, MAX_WAITING);
    return fresh.length > 0;
  }

  take(): string[] {
    const taken = this.waiting;
    this.waiting = [];
    return taken;
  }
}

/** The part of Electron's `app` the events come from. */
export interface OpenFileSource {
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
}

/**
 * Queues the files of macOS's open-file events and of a second launch's command line, and calls
 * `waiting` when any was queued (so main can tell the window, and bring it forward).
 */
export function watchOpenFiles(app: OpenFileSource, queue: OpenFileQueue, waiting: () => void): void {
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (queue.add([file])) waiting();
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    queue.add(filesFromArgv(argv, workingDirectory));
    // Focusing the window is wanted even when the second launch named no file.
    waiting();
  });
}
