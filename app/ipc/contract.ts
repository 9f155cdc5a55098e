/**
 * The typed IPC contract between Lectern's main process and its renderer: one map from method
 * name to argument and result types, plus the zod schemas main validates every call with.
 * The renderer imports this module for its types only; main imports it at run time.
 */
import { z } from 'zod';
import type { Result } from '../documents/model';
import { SYNC_FORMATS, type SyncFormat } from '../writing/sync-format';
import type { LecternMethod, MenuCommand } from './channels';

export type { LecternMethod, MenuCommand } from './channels';

/** The most one selection of files may hold, for openFiles and takeOpenedFiles as for drops (one limit, see import-limits.ts). */
export { MAX_IMPORT_BYTES } from '../documents/import-limits';

/**
 * The most saveFile writes: far above any export, and room for a backup, which carries every
 * original file of the library; a bound, so no call can make main write without end.
 */
export const MAX_SAVE_BYTES = 1024 * 1024 * 1024;

/** Longest URL openExternal accepts; real links are far shorter, and this bounds the parser. */
export const MAX_URL_LENGTH = 8192;

/** What the open dialog is for: documents to import (the default), a backup to restore, a draft to check, or a bibliography file to import. */
export type OpenPurpose = 'documents' | 'backup' | 'draft' | 'bibliography';

/** One file the user chose in the open dialog. */
export interface OpenedFile {
  /** The file name without its folder, e.g. "smith-2020.pdf". */
  name: string;
  /** The file's raw contents. */
  bytes: Uint8Array;
}

/** What to save and under which suggested name. */
export interface SaveFileArgs {
  /** The file name the save dialog suggests; folders in it are ignored. */
  defaultName: string;
  /** Text is written as UTF-8, bytes as they are. */
  data: string | Uint8Array;
}

/** Where a file was saved. */
export interface SavedFile {
  /** The absolute path the user chose. */
  path: string;
}

/** The bibliography file kept in sync, as main remembers it. */
export interface BibliographyFileChoice {
  /** The absolute path the student chose in the save dialog. */
  path: string;
  format: SyncFormat;
}

/** Name, version and platform of the running app, for the About view. */
export interface AppInfo {
  name: string;
  version: string;
  /** Node's process.platform: "darwin", "win32", "linux"... */
  platform: string;
}

/**
 * Every method the renderer may call in main: `args` is the argument list, `result` what the
 * returned promise resolves to. Failures the user can act on come back as `{ ok: false, error }`.
 */
export interface LecternApi {
  /**
   * Shows the native open dialog and reads the chosen files. Cancel gives `ok` with []. For a
   * backup, one .zip or .json file of up to MAX_SAVE_BYTES (what Lectern can write, it reads back).
   */
  openFiles: { args: [purpose?: OpenPurpose]; result: Result<OpenedFile[]> };
  /**
   * Reads the files waiting to be imported: passed on the command line, by a second launch or
   * by the system (a double-click on an associated file); each is taken once. None gives `ok` with [].
   */
  takeOpenedFiles: { args: []; result: Result<OpenedFile[]> };
  /** Shows the native save dialog and writes the data. Cancel gives `ok` with null. */
  saveFile: { args: [args: SaveFileArgs]; result: Result<SavedFile | null> };
  /** Opens an http:, https: or mailto: URL in the system's default handler. */
  openExternal: { args: [url: string]; result: Result<void> };
  /** Name, version and platform of the app. */
  getAppInfo: { args: []; result: AppInfo };
  /**
   * Asks, with the native save dialog, where the synced bibliography file goes, and remembers the
   * choice (across restarts). Cancel gives `ok` with null and keeps the earlier choice.
   */
  chooseBibliographyFile: { args: [format: SyncFormat]; result: Result<{ path: string } | null> };
  /** The remembered bibliography file, or null when none is chosen. */
  getBibliographyFile: { args: []; result: Result<BibliographyFileChoice | null> };
  /** Rewrites the remembered file with `data` (temp file and rename); an unchanged file is not touched. */
  writeBibliographyFile: { args: [data: string]; result: Result<void> };
  /** Stops keeping the file: forgets the choice, leaves the file as it is. */
  forgetBibliographyFile: { args: []; result: Result<void> };
}

/**
 * Exactly what the preload script puts on `window.lectern`: the invoke methods of
 * {@link LecternApi} plus a subscription to native menu commands.
 */
export type LecternBridge = {
  readonly [K in LecternMethod]: (...args: LecternApi[K]['args']) => Promise<LecternApi[K]['result']>;
} & {
  /** Calls `callback` for every menu command; returns a function that unsubscribes. */
  readonly onMenuCommand: (callback: (command: MenuCommand) => void) => () => void;
  /** Calls `callback` whenever files are waiting for takeOpenedFiles; returns a function that unsubscribes. */
  readonly onFilesWaiting: (callback: () => void) => () => void;
};

const saveFileArgsSchema = z.object({
  defaultName: z
    .string()
    .min(1, 'A file name is required.')
    .max(255, 'File names are limited to 255 characters.')
    .refine((name) => !name.includes('\0'), 'File names cannot contain NUL characters.'),
  data: z
    .union([z.string(), z.instanceof(Uint8Array)])
    // A string is written as UTF-8: at most three bytes for each of its UTF-16 units.
    .refine((data) => (typeof data === 'string' ? data.length * 3 : data.byteLength) <= MAX_SAVE_BYTES, `Lectern saves files of at most ${MAX_SAVE_BYTES / (1024 * 1024)} MB.`),
});

/** Argument schemas main validates every call with, one tuple per method. */
export const lecternArgSchemas = {
  openFiles: z.union([z.tuple([]), z.tuple([z.enum(['documents', 'backup', 'draft', 'bibliography'])])]),
  takeOpenedFiles: z.tuple([]),
  saveFile: z.tuple([saveFileArgsSchema]),
  openExternal: z.tuple([z.string().min(1, 'The link is empty.').max(MAX_URL_LENGTH, 'The link is too long.')]),
  getAppInfo: z.tuple([]),
  chooseBibliographyFile: z.tuple([z.enum(SYNC_FORMATS)]),
  getBibliographyFile: z.tuple([]),
  writeBibliographyFile: z.tuple([
    z
      .string()
      .refine((data) => data.length * 3 <= MAX_SAVE_BYTES, `Lectern writes bibliography files of at most ${MAX_SAVE_BYTES / (1024 * 1024)} MB.`),
  ]),
  forgetBibliographyFile: z.tuple([]),
} satisfies { [K in LecternMethod]: z.ZodType<LecternApi[K]['args']> };

function resultOf<T extends z.ZodType>(value: T) {
  return z.union([
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]);
}

const openedFileSchema = z.object({ name: z.string(), bytes: z.instanceof(Uint8Array) });
const appInfoSchema = z.object({ name: z.string(), version: z.string(), platform: z.string() });

/** Result schemas, so tests (and a cautious renderer) can check what main sends back. */
export const lecternResultSchemas = {
  openFiles: resultOf(z.array(openedFileSchema)),
  takeOpenedFiles: resultOf(z.array(openedFileSchema)),
  saveFile: resultOf(z.object({ path: z.string() }).nullable()),
  openExternal: resultOf(z.undefined()),
  getAppInfo: appInfoSchema,
  chooseBibliographyFile: resultOf(z.object({ path: z.string() }).nullable()),
  getBibliographyFile: resultOf(z.object({ path: z.string(), format: z.enum(SYNC_FORMATS) }).nullable()),
  writeBibliographyFile: resultOf(z.undefined()),
  forgetBibliographyFile: resultOf(z.undefined()),
} satisfies { [K in LecternMethod]: z.ZodType<LecternApi[K]['result']> };
