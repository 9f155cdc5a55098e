/**
 * The bibliography file kept in sync (BibLaTeX, BibTeX, CSL-JSON): main asks where it goes with
 * the native save dialog, remembers that path (in memory and in a small JSON file under userData,
 * so the choice survives a restart) and writes it there on request. The renderer never names a
 * path: it can only rewrite the file the student chose, or forget the choice.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Result } from '../app/documents/model';
import type { BibliographyFileChoice } from '../app/ipc/contract';
import { SYNC_FORMATS, syncExtension, syncFileName, type SyncFormat } from '../app/writing/sync-format';
import { describeFileError } from './file-system';
import type { FileFilter } from './handlers';

/** The file operations the synced file needs; the real ones unless a test says otherwise. */
export interface SyncFileOps {
  readFile(file: string): Promise<Uint8Array>;
  writeFile(file: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  mkdir(dir: string): Promise<void>;
}

const nodeOps: SyncFileOps = {
  readFile: (file) => readFile(file),
  writeFile: (file, data) => writeFile(file, data, 'utf8'),
  rename: (from, to) => rename(from, to),
  unlink: (file) => unlink(file),
  mkdir: async (dir) => {
    await mkdir(dir, { recursive: true });
  },
};

/** What the bibliography handlers need from outside. */
export interface BibliographyFileDeps {
  /** The JSON file the choice is kept in (under userData); without one it lasts until main quits. */
  settingsFile?: string;
  /** The save dialog, bound to the window. */
  showSaveDialog(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<{ canceled: boolean; filePath?: string }>;
  /** Folder the dialog starts in. */
  defaultDir?: () => string;
  ops?: SyncFileOps;
}

const choiceSchema = z.object({
  version: z.literal(1),
  path: z
    .string()
    .min(1)
    .max(4096)
    .refine((file) => path.isAbsolute(file) && !file.includes('\0')),
  format: z.enum(SYNC_FORMATS),
});

/** The save dialog's filters for a format. */
export function syncFilters(format: SyncFormat): FileFilter[] {
  const ext = syncExtension(format);
  return [{ name: ext === 'bib' ? 'BibTeX / BibLaTeX' : 'CSL-JSON', extensions: [ext] }, { name: 'All files', extensions: ['*'] }];
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The four methods of the contract that keep the file, over one remembered choice. */
export function createBibliographyHandlers(deps: BibliographyFileDeps) {
  const ops = deps.ops ?? nodeOps;
  // Read once, at the first call: a settings file that fails the schema is ignored, never trusted.
  let loaded: Promise<BibliographyFileChoice | null> | null = null;
  const current = (): Promise<BibliographyFileChoice | null> => {
    const file = deps.settingsFile;
    if (!file) return (loaded ??= Promise.resolve(null));
    loaded ??= ops
      .readFile(file)
      .then((bytes) => {
        const parsed = choiceSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
        return parsed.success ? { path: parsed.data.path, format: parsed.data.format } : null;
      })
      .catch(() => null);
    return loaded;
  };

  async function remember(choice: BibliographyFileChoice | null): Promise<Result<void>> {
    loaded = Promise.resolve(choice);
    const file = deps.settingsFile;
    if (!file) return ok(undefined);
    try {
      await ops.mkdir(path.dirname(file));
      await replaceFile(ops, file, choice ? JSON.stringify({ version: 1, ...choice }, null, 2) : '{}');
      return ok(undefined);
    } catch (error) {
      return { ok: false, error: describeFileError('write', path.basename(file), error) };
    }
  }

  return {
    async chooseBibliographyFile(format: SyncFormat): Promise<Result<{ path: string } | null>> {
      const before = await current();
      const name = syncFileName(format);
      const start = before && syncExtension(before.format) === syncExtension(format) ? before.path : deps.defaultDir ? path.join(deps.defaultDir(), name) : name;
      const choice = await deps.showSaveDialog({ title: 'Keep a bibliography file in sync', defaultPath: start, filters: syncFilters(format) });
      if (choice.canceled || !choice.filePath) return ok(null);
      const saved = await remember({ path: choice.filePath, format });
      return saved.ok ? ok({ path: choice.filePath }) : saved;
    },

    async getBibliographyFile(): Promise<Result<BibliographyFileChoice | null>> {
      return ok(await current());
    },

    async forgetBibliographyFile(): Promise<Result<void>> {
      return remember(null);
    },

    async writeBibliographyFile(data: string): Promise<Result<void>> {
      const choice = await current();
      if (!choice) return { ok: false, error: 'No bibliography file is chosen: choose one in “Bibliography file…” first.' };
      const bytes = new TextEncoder().encode(data);
      // An unchanged file is left alone: its date stays, and editors watching it do not reload.
      const existing = await ops.readFile(choice.path).catch(() => null);
      if (existing && sameBytes(existing, bytes)) return ok(undefined);
      try {
        await replaceFile(ops, choice.path, data);
        return ok(undefined);
      } catch (error) {
        const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
        const name = path.basename(choice.path);
        if (code === 'ENOENT') return { ok: false, error: `Lectern could not write “${name}”: its folder is gone (was it moved or deleted?). Choose the file again in “Bibliography file…”.` };
        return { ok: false, error: describeFileError('write', name, error) };
      }
    },
  };
}

/** Writes `data` beside `file` and renames it over the file, so a reader never sees half a file. */
async function replaceFile(ops: SyncFileOps, file: string, data: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await ops.writeFile(temp, data);
    await ops.rename(temp, file);
  } catch (error) {
    await ops.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** The methods {@link createBibliographyHandlers} builds. */
export type BibliographyHandlers = ReturnType<typeof createBibliographyHandlers>;
